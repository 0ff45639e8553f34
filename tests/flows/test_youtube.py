"""YouTube (creators): the shared contract, the Save button, a channel-less account, sign-in.

The box sits in Studio's Settings dialog, on the Channel page's "Advanced settings" tab, and a
change is stored only by the dialog's Save button (help 15509944); the `save-required` pages keep
a change only when Save is pressed, so they show that the flow really presses it. Signed out,
Studio sends the browser to Google's own sign-in (the `login` pages, Gemini's Google pages).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay, Toggle

PAGE = "studio.youtube.com/channel/UC/settings/channel"


class TestYouTube(FlowContract):
    slug = "youtube"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "youtube" / variant)


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("save-required")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required pages really need Save: a flow that skips it is caught by the reload."""
    flow = registry.load("youtube")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED


def test_a_google_account_without_a_channel_is_told_why(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("not-offered")
    result = run_variant(shared_browser, flow, replay, apply=True)
    [setting] = result.settings
    assert setting.state == SettingState.NOT_OFFERED
    assert "YouTube channel" in setting.reason
    assert "How you'll appear" in setting.evidence
    assert replay.toggles == []


def test_only_the_training_box_is_unticked(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert [(t.page, t.control, t.on) for t in replay.toggles] == [
        (PAGE, "third-party-training-checkbox", False)]


def test_a_ticked_box_says_which_companies_it_allows(shared_browser: SharedBrowser) -> None:
    replay = Replay.open(fixtures_root() / "youtube" / "on")
    result = run_variant(shared_browser, registry.load("youtube"), replay, apply=False)
    assert [(s.state, s.detail) for s in result.settings] == [
        (SettingState.ON, "Third-party companies: Anthropic, OpenAI")]


EMAIL, PASSWORD = "member@example.com", "correct horse"
SIGN_IN = "https://accounts.google.com/ServiceLogin?service=youtube&hl=en"


def test_signs_in_through_google_in_two_steps_then_unticks_the_box(
        shared_browser: SharedBrowser) -> None:
    """Signed out, Studio sends the browser to Google's sign-in for YouTube; the email and the
    password go in their own steps, and back in Studio the ticked box is unticked and saved."""
    run = sign_in_run(shared_browser, "youtube", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["youtube/default"]
    served = [u.split("?")[0] for u in replay.served]
    # The flow's own sign-in address, then Google's two steps, then the hop that signs in
    # youtube.com, and back to Studio before the settings are opened again.
    assert any(u.startswith(SIGN_IN) for u in replay.served)
    assert served.index("https://accounts.google.com/ServiceLogin") < served.index(
        "https://accounts.google.com/v3/signin/identifier") < served.index(
        "https://accounts.google.com/v3/signin/challenge/pwd") < served.index(
        "https://accounts.youtube.com/accounts/SetSID") < served.index(
        "https://studio.youtube.com/")
    assert served.count(f"https://{PAGE}") >= 2  # signed out, then signed in
    # The email alone went with the first step, the password only with the second.
    assert [(url.split("?")[0], parse_qs(body)) for url, body in replay.posts] == [
        ("https://accounts.google.com/v3/signin/_/identifier", {"identifier": [EMAIL]}),
        ("https://accounts.google.com/v3/signin/_/pwd", {"Passwd": [PASSWORD]}),
    ]
    assert not any(PASSWORD in url for url in replay.served)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert replay.toggles == [Toggle(PAGE, "third-party-training-checkbox", False)]
    assert result.exit_code == Exit.OK
