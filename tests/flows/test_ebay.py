"""eBay: the shared contract, the two-step sign-in, and the regional sites (`--site`)."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from optout.engine import registry, sites
from optout.errors import Exit, UsageError
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, sign_in_run


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
    assert "--site ebay.co.uk" in flow.notes


def test_sign_in_and_captcha_pages_are_known_on_any_ebay_site() -> None:
    flow = registry.load("ebay")
    assert flow.is_login_page(flow.login.url)
    assert flow.is_login_page("https://signin.ebay.co.uk/signin/")
    assert flow.is_challenge_page("https://www.ebay.com/splashui/captcha?ap=1&appName=orch")
    assert not flow.is_login_page("https://accountsettings.ebay.com/ai-preferences")


EMAIL, PASSWORD = "member@example.com", "correct horse"


def test_signs_in_in_two_steps_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    """Signed out, the page sends the browser to eBay's sign-in; the email goes alone with
    "Continue", the password only on the next step, and the switch is then read and clicked."""
    run = sign_in_run(shared_browser, "ebay", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["ebay/default"]
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert result.exit_code == Exit.OK
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://signin.ebay.com/signin/password", {"userid": [EMAIL]}),
        ("https://signin.ebay.com/signin/session", {"pass": [PASSWORD]}),
    ]
    assert [t.on for t in replay.toggles] == [False]


def test_a_uk_member_signs_in_and_is_read_on_ebay_co_uk(shared_browser: SharedBrowser) -> None:
    """On the site picked for the account, both the sign-in and the settings page are that
    site's: nothing is asked of eBay.com (whose pages this replay does not have)."""
    flow = sites.on_site(registry.load("ebay"), "ebay.co.uk")
    run = sign_in_run(shared_browser, flow, "uk", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert result.title == "eBay (ebay.co.uk)"
    assert [(s.url, s.before, s.state) for s in result.settings] == [
        ("https://accountsettings.ebay.co.uk/ai-preferences", SettingState.ON,
         SettingState.TURNED_OFF)]
    assert [url for url, _body in replay.posts] == [
        "https://signin.ebay.co.uk/signin/password", "https://signin.ebay.co.uk/signin/session"]
    assert not [u for u in replay.served if ".ebay.com/" in u]


def test_a_site_moves_every_address_and_its_encoded_return_address() -> None:
    flow = registry.load("ebay")
    uk = sites.on_site(flow, "ebay.co.uk")
    assert uk.login.url == ("https://signin.ebay.co.uk/ws/eBayISAPI.dll?SignIn&ru="
                            "https%3A%2F%2Faccountsettings.ebay.co.uk%2Fai-preferences")
    assert [s.url for s in uk.settings] == ["https://accountsettings.ebay.co.uk/ai-preferences"]
    assert uk.domains == flow.domains and uk.slug == "ebay"
    assert sites.on_site(flow, "ebay.com") is flow and sites.on_site(flow, None) is flow


@pytest.mark.parametrize("typed", ["ebay.co.uk", "EBAY.CO.UK", "www.ebay.co.uk",
                                   "https://www.ebay.co.uk/", "accountsettings.ebay.co.uk"])
def test_a_site_is_known_however_it_is_typed(typed: str) -> None:
    assert sites.named(registry.load("ebay"), typed) == "ebay.co.uk"


@pytest.mark.parametrize("typed", ["ebay.co", "notebay.co.uk", "ebay.co.uk.example.com", "uk",
                                   "amazon.co.uk"])
def test_a_site_eBay_does_not_have_is_a_usage_error(typed: str) -> None:
    with pytest.raises(UsageError) as raised:
        sites.named(registry.load("ebay"), typed)
    assert "is not one of eBay's sites" in raised.value.message
    assert "ebay.co.uk" in (raised.value.hint or "")
