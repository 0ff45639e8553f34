"""Quora: the shared contract, a signed-out session, and the control-type guess going wrong."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit, PersonNeeded
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestQuora(FlowContract):
    slug = "quora"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "quora" / variant)


def test_a_signed_out_session_asks_for_a_person_not_a_bug_report(
        shared_browser: SharedBrowser) -> None:
    """Quora's sign-in form sits at "/", so `prepare_page` spots it by its password field."""
    replay = pages("signed-out")
    result = run_variant(shared_browser, registry.load("quora"), replay, apply=True)
    assert isinstance(result.error, PersonNeeded), result.error
    assert "signed out" in result.error.message
    assert "https://www.quora.com/settings/privacy" in result.error.hint
    assert result.exit_code == Exit.PERSON_NEEDED
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.UNKNOWN, "login needed")]
    assert replay.toggles == []


def test_a_checkbox_in_place_of_the_switch_is_the_same_control(
        shared_browser: SharedBrowser) -> None:
    """The switch is a guess; were Quora's control a checkbox, it is read and turned off all
    the same (one click), never taken for a setting Quora doesn't offer."""
    replay = pages("checkbox")
    result = run_variant(shared_browser, registry.load("quora"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("llm-training", SettingState.ON, SettingState.TURNED_OFF)]
    assert result.exit_code == Exit.OK
    assert [t.on for t in replay.toggles] == [False]
