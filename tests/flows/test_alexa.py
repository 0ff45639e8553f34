"""Amazon Alexa: the shared contract on two switches, plus the features switch's other wording
and Amazon's two-step sign-in (email and "Continue", then the password on its own page)."""

from __future__ import annotations

from urllib.parse import parse_qs

from optout import registry
from optout.credentials import Credentials
from optout.errors import Exit
from optout.replay import Replay
from optout.results import SettingState
from optout.runner import Job, run_flow
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant


class TestAlexa(FlowContract):
    slug = "alexa"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "alexa" / variant)


def test_the_other_wording_is_turned_off_and_the_off_switch_left(
        shared_browser: SharedBrowser) -> None:
    replay = pages("older-wording")
    result = run_variant(shared_browser, registry.load("alexa"), replay, apply=True)
    assert result.error is None, result.error
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("develop-new-features", SettingState.ON, SettingState.TURNED_OFF),
        ("messages-transcriptions", SettingState.OFF, SettingState.OFF)]
    assert result.exit_code == Exit.OK
    # One click, on the features switch only: the messages switch was already off.
    assert [(t.control, t.on) for t in replay.toggles] == [("develop-features", False)]


EMAIL, PASSWORD = "member@example.com", "correct horse"


def test_signs_in_in_two_steps_then_turns_both_off(shared_browser: SharedBrowser) -> None:
    flow = registry.load("alexa")
    replay = pages("login")
    job = Job([(flow, "default")], lambda _r: True, lambda _r, _f: None, replay=replay,
              record=False, credentials=lambda _p, _a: Credentials(EMAIL, PASSWORD),
              keep_sessions=False)
    result = shared_browser.run(run_flow(shared_browser.browser, flow, "default", job))
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
    assert "https://www.amazon.com/ap/signin" in {u.split("?")[0] for u in replay.served}
    # Each step sent only its own field: the email first, the password on the next page.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://www.amazon.com/ap/signin/password", {"email": [EMAIL]}),
        ("https://www.amazon.com/ap/session", {"password": [PASSWORD]}),
    ]
