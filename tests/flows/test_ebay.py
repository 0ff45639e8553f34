"""eBay: the shared contract, plus the regional sites the flow names but does not visit."""

from __future__ import annotations

from optout.engine import registry
from optout.testing.contract import FlowContract


class TestEbay(FlowContract):
    slug = "ebay"


def test_regional_sites_are_the_platforms_own_domains() -> None:
    """A member's home site (the UK page the sources name, and eBay.de) is eBay: sign-in and
    redirects there stay on the flow's domains; lookalikes do not."""
    flow = registry.load("ebay")
    for url in ("https://accountsettings.ebay.co.uk/ai-preferences",
                "https://accountsettings.ebay.de/ai-preferences",
                "https://signin.ebay.co.uk/ws/eBayISAPI.dll?SignIn"):
        assert flow.allows(url), url
    assert not flow.allows("https://accountsettings.ebay.co.uk.example.com/ai-preferences")
    assert not flow.allows("https://notebay.com/ai-preferences")
    setting = flow.setting("ai-training")
    assert "accountsettings.ebay.co.uk/ai-preferences" in setting.manual_path
    assert "accountsettings.ebay.co.uk/ai-preferences" in flow.notes


def test_sign_in_and_captcha_pages_are_known_on_any_ebay_site() -> None:
    flow = registry.load("ebay")
    assert flow.is_login_page(flow.login.url)
    assert flow.is_login_page("https://signin.ebay.co.uk/signin/")
    assert flow.is_challenge_page("https://www.ebay.com/splashui/captcha?ap=1&appName=orch")
    assert not flow.is_login_page("https://accountsettings.ebay.com/ai-preferences")
