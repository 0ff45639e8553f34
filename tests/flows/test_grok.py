"""Grok (grok.com): the shared contract on the switch in the Settings overlay's Data Controls."""

from __future__ import annotations

from optout.engine import registry
from optout.testing.contract import FlowContract


class TestGrok(FlowContract):
    slug = "grok"


def test_is_separate_from_x_and_signs_in_in_a_browser() -> None:
    """grok.com's switch is its own flow; the person signs in, optout waits for `sso`."""
    grok, x = registry.load("grok"), registry.load("x")
    assert grok.allows("https://grok.com/?_s=data") and not grok.allows("https://x.com/")
    assert not x.allows("https://grok.com/")
    assert grok.login.passwordless and grok.login.signed_in_cookie == "sso"
    assert grok.is_login_page(grok.login.url)
