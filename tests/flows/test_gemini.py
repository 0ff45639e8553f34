"""Google Gemini: the shared contract, the menu behind Keep Activity, the audio checkbox, sign-in.

Keep Activity is not a switch: a button showing its state ("On" / "Off") opens a menu offering
"Turn off" and "Turn off and delete activity"; until 2025 the button read "Turn off" itself
(the `older-button` pages). The saved page remembers which item was confirmed
(`activity-deleted`), so the tests show that past chats are deleted only when the person asks.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from optout.engine import registry
from optout.errors import CredentialsError, Exit, PersonNeeded
from optout.flow import Flow
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run, snapshot
from optout.web.replay import Replay, Toggle

PAGE = "myactivity.google.com/product/gemini"
AUDIO = f"{PAGE}#audio-improvement"


class TestGemini(FlowContract):
    slug = "gemini"

    def test_menu_items_are_told_apart(self, flow: Flow) -> None:
        [setting] = flow.settings
        assert setting.choose is not None and setting.choose_deleting is not None
        assert setting.choose.pattern().search("Turn off")
        assert not setting.choose.pattern().search("Turn off and delete activity")
        assert setting.choose_deleting.pattern().search("Turn off and delete activity")
        assert not setting.choose_deleting.pattern().search("Turn off")

    def test_the_password_page_is_a_sign_in_page_not_a_challenge(self, flow: Flow) -> None:
        pwd = "https://accounts.google.com/v3/signin/challenge/pwd?TL=x"
        assert flow.is_login_page(pwd) and not flow.is_challenge_page(pwd)
        assert flow.is_challenge_page("https://accounts.google.com/v3/signin/challenge/totp")
        assert flow.is_challenge_page("https://accounts.google.com/v3/signin/challenge/dp")
        assert not flow.is_login_page(flow.settings[0].url)
        assert not flow.allows("https://accounts.google.com.example.com/v3/signin/identifier")

    def test_plain_turn_off_keeps_past_activity(self, shared_browser: SharedBrowser,
                                                flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert result.error is None, result.error
        assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
        # Only Keep Activity changed: the deleting menu item was not the one confirmed.
        assert replay.toggles == [Toggle(PAGE, "keep-activity", False)]
        assert "activity-deleted" not in replay.states[PAGE]
        assert result.exit_code == Exit.OK

    def test_delete_activity_picks_the_deleting_item(self, shared_browser: SharedBrowser,
                                                     flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=True, delete_activity=True)
        assert result.error is None, result.error
        assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
        assert replay.toggles == [Toggle(PAGE, "keep-activity", False),
                                  Toggle(PAGE, "activity-deleted", True)]
        assert result.exit_code == Exit.OK
        assert snapshot(shared_browser, replay, [flow.settings[0].url])[
            f"{PAGE}#activity-deleted"] is True

    def test_a_dry_run_reads_on_and_says_past_activity_is_kept(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=False)
        [setting] = result.settings
        assert (setting.state, setting.action) == (SettingState.ON, Action.TURN_OFF)
        assert "past activity is kept" in setting.detail
        assert replay.toggles == []  # the button was read, never clicked
        assert result.exit_code == Exit.STILL_ON

    def test_a_dry_run_with_delete_activity_says_it_deletes(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=False, delete_activity=True)
        [setting] = result.settings
        assert setting.state == SettingState.ON
        assert "also deletes past activity" in setting.detail
        assert replay.toggles == []

    def test_the_older_turn_off_button_is_still_turned_off(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        # Until 2025 the button read "Turn off" while on and "Turn on" while off.
        replay = self.replay("older-button")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert result.error is None, result.error
        assert [(s.before, s.state) for s in result.settings] == [
            (SettingState.ON, SettingState.TURNED_OFF)]
        assert replay.toggles == [Toggle(PAGE, "keep-activity", False)]
        assert result.exit_code == Exit.OK
        # Read again: "Turn on" is read as off, and nothing more is clicked.
        again = run_variant(shared_browser, flow, replay, apply=True)
        assert [s.state for s in again.settings] == [SettingState.OFF]
        assert replay.toggles == [Toggle(PAGE, "keep-activity", False)]

    def test_delete_activity_does_nothing_when_already_off(self, shared_browser: SharedBrowser,
                                                           flow: Flow) -> None:
        replay = self.replay("off")
        result = run_variant(shared_browser, flow, replay, apply=True, delete_activity=True)
        assert [s.state for s in result.settings] == [SettingState.OFF]
        assert replay.toggles == []

    def test_the_audio_checkbox_is_left_alone_and_not_reported(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("neighbours")
        before = snapshot(shared_browser, replay, [flow.settings[0].url])
        assert before[AUDIO] is False
        result = run_variant(shared_browser, flow, replay, apply=True)
        after = snapshot(shared_browser, replay, [flow.settings[0].url])
        assert after[AUDIO] is False
        assert [t.control for t in replay.toggles] == ["keep-activity"]
        # The flow knows it and leaves it alone on purpose, so it is no "new control" either.
        assert [(s.label, s.state) for s in result.settings] == [
            (flow.settings[0].label, SettingState.TURNED_OFF)]
        assert result.exit_code == 0

    def test_workspace_account_is_told_why(self, shared_browser: SharedBrowser,
                                           flow: Flow) -> None:
        result = run_variant(shared_browser, flow, self.replay("not-offered"), apply=True)
        [setting] = result.settings
        assert setting.state == SettingState.NOT_OFFERED
        assert "administrator" in setting.reason


def test_signs_in_in_two_steps_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "gemini", "login", "ada@example.com")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["gemini/default"]
    served = [u.split("?")[0] for u in replay.served]
    assert served.index("https://accounts.google.com/ServiceLogin") < served.index(
        "https://accounts.google.com/v3/signin/identifier") < served.index(
        "https://accounts.google.com/v3/signin/challenge/pwd")
    # The email went to the first step's form, the password only to the password page's form.
    forms = {url.split("?")[0]: parse_qs(body) for url, body in replay.posts}
    assert forms == {
        "https://accounts.google.com/v3/signin/_/identifier": {"identifier": ["ada@example.com"]},
        "https://accounts.google.com/v3/signin/_/pwd": {"Passwd": ["correct horse"]},
    }
    assert not any("correct" in url for url in replay.served)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert replay.toggles == [Toggle(PAGE, "keep-activity", False)]


def test_browser_not_secure_stops_before_the_password(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "gemini", "not-secure", "ada@example.com")
    result, replay = run.result, run.replay
    assert isinstance(result.error, PersonNeeded)
    assert "signals caution" in result.error.message
    assert run.asked == ["gemini/default"]
    assert [url.split("?")[0] for url, _body in replay.posts] == [
        "https://accounts.google.com/v3/signin/_/identifier"]
    assert not any("correct" in body for _url, body in replay.posts)
    assert {s.state for s in result.settings} <= {SettingState.UNKNOWN}
    assert replay.toggles == []


def test_unknown_account_is_refused_not_retried(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "gemini", "unknown-account", "ada@example.com")
    result, replay = run.result, run.replay
    assert isinstance(result.error, CredentialsError)
    assert "refused" in result.error.message
    assert run.asked == ["gemini/default"]
    assert replay.posts == []  # the password was never typed anywhere
    assert [u.split("?")[0] for u in replay.served].count(
        "https://accounts.google.com/v3/signin/identifier") == 1
    assert replay.toggles == []


@pytest.mark.parametrize("path", ["identifier", "challenge/pwd"])
def test_each_sign_in_step_has_one_next_button(shared_browser: SharedBrowser, path: str) -> None:
    """Two-step sign-in clicks "Next" twice; each page must offer exactly one."""
    replay = Replay.open(fixtures_root() / "gemini" / "login")

    async def count() -> int:
        context = await shared_browser.browser.new_context()
        await replay.attach(context)
        page = await context.new_page()
        await page.goto(f"https://accounts.google.com/v3/signin/{path}")
        flow = registry.load("gemini")
        assert flow.login.next is not None
        found = await page.get_by_role("button", name=flow.login.next.pattern()).count()
        await context.close()
        return found

    assert shared_browser.run(count()) == 1
