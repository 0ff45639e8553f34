"""ChatGPT: the shared contract on switches inside a dialog opened from a row, closed with Done
(the main switch and the two voice switches); the two-step sign-in (email and "Continue", then
the password on the next page)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestChatGPT(FlowContract):
    slug = "chatgpt"


EMAIL, PASSWORD = "member@example.com", "correct horse"


def test_signs_in_in_two_steps_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "chatgpt", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 3
    assert result.exit_code == Exit.OK
    assert [t.on for t in replay.toggles] == [False] * 3
    served = {u.split("?")[0] for u in replay.served}
    assert {"https://chatgpt.com/auth/login", "https://auth.openai.com/log-in/password"} <= served
    # Each step's form sent only its own field: the email first, the password on its own page.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://auth.openai.com/api/accounts/authorize/continue", {"username": [EMAIL]}),
        ("https://auth.openai.com/api/accounts/password/verify", {"password": [PASSWORD]}),
    ]


def test_what_the_flow_leaves_to_a_person_is_said_with_the_way_by_hand() -> None:
    """The Privacy Portal request is known, not covered: the notes say so, and how to file it."""
    flow = registry.load("chatgpt")
    assert [s.id for s in flow.settings] == ["audio-recordings", "video-recordings",
                                             "improve-the-model"]
    assert "https://privacy.openai.com > Make a Privacy Request" in flow.notes
    assert "Do not train on my content" in flow.notes
    assert "the apps show them under Settings > Data controls" in flow.notes


def replayed(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "chatgpt" / variant)


def test_the_voice_switches_go_off_before_the_main_one(shared_browser: SharedBrowser) -> None:
    """The main switch greys the voice switches out once it is off, so they go first; each is
    clicked once and read back after the reload."""
    replay = replayed("on")
    result = run_variant(shared_browser, registry.load("chatgpt"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("audio-recordings", SettingState.ON, SettingState.TURNED_OFF),
        ("video-recordings", SettingState.ON, SettingState.TURNED_OFF),
        ("improve-the-model", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [
        ("include-audio-toggle", False), ("include-video-toggle", False),
        ("improve-model-toggle", False)]


def test_voice_switches_left_off_are_read_and_not_touched(shared_browser: SharedBrowser) -> None:
    """The usual account: voice sharing off (its default), the main switch on: one click."""
    replay = replayed("voice-off")
    flow = registry.load("chatgpt")
    looked = run_variant(shared_browser, flow, replay, apply=False)
    assert [s.state for s in looked.settings] == [SettingState.OFF, SettingState.OFF,
                                                  SettingState.ON]
    assert looked.exit_code == Exit.STILL_ON
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.OFF, SettingState.OFF,
                                                  SettingState.TURNED_OFF]
    assert [t.control for t in replay.toggles] == ["improve-model-toggle"]
    assert result.exit_code == Exit.OK


def test_voice_switches_not_shown_are_not_offered_with_the_reason(
        shared_browser: SharedBrowser) -> None:
    """With the main switch off and no voice switch in the dialog, nothing there could be
    them: not offered, saying when ChatGPT offers them and that audio sharing is off anyway."""
    replay = replayed("voice-hidden")
    result = run_variant(shared_browser, registry.load("chatgpt"), replay, apply=True)
    states = {s.id: s for s in result.settings}
    assert states["improve-the-model"].state is SettingState.OFF
    for kind in ("audio", "video"):
        voice = states[f"{kind}-recordings"]
        assert voice.state is SettingState.NOT_OFFERED
        assert "nothing in it could be the control" in voice.evidence
    assert result.exit_code == Exit.OK
    assert replay.toggles == []


def test_a_voice_switch_that_is_there_but_renamed_is_never_not_offered(
        shared_browser: SharedBrowser, tmp_path: Path) -> None:
    """A voice switch renamed by a redesign is a toggle the flow doesn't know, beside the main
    one: the page is not understood, and that is said loudly instead of "not offered"."""
    page = fixtures_root() / "chatgpt" / "on" / "chatgpt.com" / "settings" / "data-controls.html"
    folder = tmp_path / "chatgpt.com" / "settings"
    folder.mkdir(parents=True)
    (folder / "data-controls.html").write_text(page.read_text().replace(
        ">Include your audio recordings<", ">Share audio from voice chats<"))
    replay = Replay.open(tmp_path)
    result = run_variant(shared_browser, registry.load("chatgpt"), replay, apply=False)
    audio = next(s for s in result.settings if s.id == "audio-recordings")
    assert audio.state is SettingState.UNKNOWN
    assert "Share audio from voice chats" in str(result.error)
    assert result.exit_code & Exit.FLOW_BROKEN
