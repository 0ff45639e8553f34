"""Amazon Alexa: the shared contract on two switches, plus the features switch's other wording
and Amazon's two-step sign-in (email and "Continue", then the password on its own page)."""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


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
    run = sign_in_run(shared_browser, "alexa", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
    assert "https://www.amazon.com/ap/signin" in {u.split("?")[0] for u in replay.served}
    # Each step sent only its own field: the email first, the password on the next page.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://www.amazon.com/ap/signin/password", {"email": [EMAIL]}),
        ("https://www.amazon.com/ap/session", {"password": [PASSWORD]}),
    ]


def test_the_removed_echo_setting_is_said_and_not_looked_for() -> None:
    """"Do Not Send Voice Recordings" went on 2025-03-28: the flow says so and keeps only the
    two switches that remain."""
    flow = registry.load("alexa")
    assert [s.id for s in flow.settings] == ["develop-new-features", "messages-transcriptions"]
    assert "Do Not Send Voice Recordings" in flow.notes and "2025-03-28" in flow.notes
    assert any("2025-03-28" in source.fact for source in flow.sources)
