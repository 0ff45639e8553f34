"""Microsoft Copilot: the shared contract, two switches on one page read and set apart, and
Microsoft's two-step sign-in (email and "Next", then the password, then "Stay signed in?")."""

from __future__ import annotations

import json
from dataclasses import replace
from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import CredentialsError, Exit, PersonNeeded
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestCopilot(FlowContract):
    slug = "copilot"


def test_only_the_switch_still_on_is_clicked(shared_browser: SharedBrowser) -> None:
    """Text training already off by hand, voice on: only voice is clicked, both end up off."""
    flow = registry.load("copilot")
    replay = Replay.open(fixtures_root() / "copilot" / "voice-only-on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    states = {s.id: s.state for s in result.settings}
    assert states == {"model-training-text": SettingState.OFF,
                      "model-training-voice": SettingState.TURNED_OFF}
    actions = {s.id: s.action for s in result.settings}
    assert actions["model-training-text"] is Action.NONE
    assert [(t.control, t.on) for t in replay.toggles] == [("model-training-voice", False)]
    assert result.exit_code == Exit.OK


# Signing in with stored credentials: Microsoft asks for the email, then (after "Next") the
# password in its place, then "Stay signed in?".

EMAIL, PASSWORD = "member@example.com", "correct horse"
ASK = "https://login.live.com/GetCredentialType.srf"
POST = "https://login.live.com/ppsecure/post.srf"


def sent(replay: Replay, url: str) -> list[str]:
    return [body for posted, body in replay.posts if posted == url]


def test_signs_in_in_two_steps_and_answers_stay_signed_in(shared_browser: SharedBrowser) -> None:
    """Both steps typed, each in its turn; "Stay signed in?" answered Yes once; then the work."""
    run = sign_in_run(shared_browser, "copilot", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    # The email alone was checked on step one; the password went only with the password step.
    assert [json.loads(body) for body in sent(replay, ASK)] == [{"username": EMAIL}]
    assert [parse_qs(body) for body in sent(replay, POST)] == [
        {"loginfmt": [EMAIL], "passwd": [PASSWORD]}]
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    # The prompt's "Don't show this again" box is never ticked for the person.
    assert [t.control for t in replay.toggles] == ["model-training-text", "model-training-voice"]


def test_without_an_answer_the_prompt_waits_for_a_person(shared_browser: SharedBrowser) -> None:
    """The prompt step really is needed: a flow that can't answer it stops, clicking nothing."""
    flow = registry.load("copilot")
    blind = replace(flow, login=replace(flow.login, prompt_answer=None))
    run = sign_in_run(shared_browser, blind, "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, PersonNeeded), result.error
    assert "sign-in did not finish" in result.error.message and POST in result.error.message
    assert result.exit_code & Exit.PERSON_NEEDED
    assert replay.toggles == []


def test_signs_in_in_two_steps_then_turns_both_off(shared_browser: SharedBrowser) -> None:
    """Without the "Stay signed in?" prompt the two steps lead straight to the settings."""
    run = sign_in_run(shared_browser, "copilot", "login-no-prompt", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
    assert [t.on for t in replay.toggles] == [False, False]
    assert "https://login.live.com/login.srf" in {u.split("?")[0] for u in replay.served}
    assert [parse_qs(body) for body in sent(replay, POST)] == [
        {"loginfmt": [EMAIL], "passwd": [PASSWORD]}]


def test_an_unknown_account_is_a_credentials_error(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "copilot", "login-unknown-user", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, CredentialsError), result.error
    assert result.exit_code & Exit.CREDENTIALS
    assert not result.exit_code & Exit.FLOW_BROKEN
    assert [json.loads(body) for body in sent(replay, ASK)] == [{"username": EMAIL}]
    assert sent(replay, POST) == []
    assert not [body for _url, body in replay.posts if PASSWORD in body]
    assert replay.toggles == []
