"""Pages optout has never seen: other toggle kinds, absence only on evidence, other languages,
and a page that won't load spoiling only its own settings."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from test_engine import example_flow, pages

from optout.cli.render import platform_report
from optout.engine import registry
from optout.errors import Exit, FlowBroken, LanguageUnsupported
from optout.flow import Find, Flow, Section
from optout.results import SettingState, envelope
from optout.testing.browser import SharedBrowser
from optout.testing.contract import fixtures_root, run_variant
from optout.testing.derive import derived
from optout.web.replay import Replay

NEIGHBOUR = Find("toggle", r"show my profile in search")


def with_setting(flow: Flow, **changes: object) -> Flow:
    """The example flow with its one setting changed."""
    return replace(flow, settings=(replace(flow.settings[0], **changes),))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["plain-checkbox", "pressed-button", "aria"])
def test_any_kind_of_toggle_is_read_by_its_state_and_turned_off(
        shared_browser: SharedBrowser, kind: str) -> None:
    replay = pages(kind)
    result = run_variant(shared_browser, example_flow(), replay, apply=True)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert [t.on for t in replay.toggles] == [False]


def test_a_flow_that_insists_on_a_switch_says_what_it_saw(shared_browser: SharedBrowser) -> None:
    flow = with_setting(example_flow(Find("toggle", r"allow training on my content")),
                        control=Find("switch", r"allow training on my content"),
                        strict_role="made for this test: only a switch will do")
    replay = pages("plain-checkbox")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert isinstance(result.error, FlowBroken)
    assert "a checkbox named 'Allow training on my content' where a switch was expected" in (
        result.error.message)
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
    assert replay.toggles == []


def test_a_switch_without_a_name_is_found_by_the_row_of_its_label(
        shared_browser: SharedBrowser) -> None:
    replay = pages("unnamed-switch")
    result = run_variant(shared_browser, example_flow(), replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert [(t.control, t.on) for t in replay.toggles] == [("training", False)]


@pytest.mark.parametrize(("page", "seen"), [
    ("label-without-control", "the label 'Allow training on my content' is there, but no toggle"),
    ("stranger", "a toggle named 'Help make our product better' that the flow doesn't know"),
])
def test_absence_without_evidence_is_a_broken_flow_never_not_offered(
        shared_browser: SharedBrowser, page: str, seen: str) -> None:
    result = run_variant(shared_browser, example_flow(neighbours=(NEIGHBOUR,)), pages(page),
                         apply=True)
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
    assert isinstance(result.error, FlowBroken) and seen in result.error.message
    assert result.exit_code & Exit.FLOW_BROKEN


def test_not_offered_says_on_what_evidence(shared_browser: SharedBrowser) -> None:
    quiet = run_variant(shared_browser, example_flow(neighbours=(NEIGHBOUR,)),
                        pages("nothing-there"), apply=True)
    [setting] = quiet.settings
    assert setting.state is SettingState.NOT_OFFERED and quiet.exit_code == Exit.OK
    assert setting.evidence.startswith("the section /^privacy$/ is there and nothing in it "
                                       "could be the control")
    assert json.dumps(envelope([quiet])).count('"evidence": "the section') == 1
    assert "evidence: the section" in platform_report(quiet, final=True)

    flow = with_setting(example_flow(neighbours=(NEIGHBOUR,)),
                        absent=r"training controls aren.t available")
    said = run_variant(shared_browser, flow, pages("absent-sign"), apply=True)
    assert [(s.state, s.evidence) for s in said.settings] == [(
        SettingState.NOT_OFFERED,
        "the page says \"Training controls aren't available for your account.\"")]


def test_an_anchor_finds_the_switch_on_a_page_in_another_language(
        shared_browser: SharedBrowser) -> None:
    anchored = Find("toggle", r"allow training on my content",
                    anchor='[aria-labelledby="allowTraining"]')
    flow = example_flow(anchored, section=Section("main", r"^privacy$"))
    replay = pages("anchor-page")
    result = run_variant(shared_browser, flow, replay, apply=True)
    [setting] = result.settings
    assert setting.state is SettingState.TURNED_OFF and result.exit_code == Exit.OK
    assert "on a page shown in" in setting.evidence and "(zh-Hant)" in setting.evidence
    # Without the anchor, the words are needed: a person's job, said in one line.
    unanchored = run_variant(shared_browser, example_flow(), pages("anchor-page"), apply=True)
    assert [s.state for s in unanchored.settings] == [SettingState.UNKNOWN]
    assert isinstance(unanchored.error, LanguageUnsupported)
    assert unanchored.error.message.startswith("Example is shown in ")
    assert unanchored.error.message.endswith("(zh-Hant); optout reads its pages in English.")
    assert unanchored.exit_code == Exit.PERSON_NEEDED


def test_linkedin_in_chinese_turns_the_switch_off_and_hands_over_the_form(
        shared_browser: SharedBrowser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_HOME", str(tmp_path))
    flow = registry.load("linkedin")
    replay = derived(flow, fixtures_root() / "linkedin" / "on", "other-language")
    result = run_variant(shared_browser, flow, replay, apply=True, record=True, evidence=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("generative-ai-training", SettingState.TURNED_OFF),
        ("data-processing-objection", SettingState.UNKNOWN)]
    assert isinstance(result.error, LanguageUnsupported)
    assert "optout reads its pages in English" in result.settings[1].reason
    assert "Account preferences > Display language" in result.error.hint
    assert "please report" not in result.error.one_line()
    assert result.exit_code == Exit.PERSON_NEEDED
    assert not (tmp_path / "captures").exists() or not any((tmp_path / "captures").iterdir())


def test_a_page_that_does_not_load_spoils_only_its_own_settings(
        shared_browser: SharedBrowser, tmp_path: Path) -> None:
    folder = tmp_path / "linkedin"
    shutil.copytree(fixtures_root() / "linkedin" / "on", folder)
    (folder / "www.linkedin.com" / "help" / "linkedin" / "ask" / "TS-DPRO.html").unlink()
    result = run_variant(shared_browser, registry.load("linkedin"),
                         Replay.open(folder), apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("generative-ai-training", SettingState.TURNED_OFF),
        ("data-processing-objection", SettingState.UNKNOWN)]
    assert "its page did not load" in result.settings[1].reason
    assert result.exit_code == Exit.UNEXPECTED


def test_a_switch_that_says_both_is_never_read_as_off(shared_browser: SharedBrowser) -> None:
    replay = pages("disagreeing-switch")
    result = run_variant(shared_browser, example_flow(), replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
    assert isinstance(result.error, FlowBroken)
    assert "checked state and its aria-checked disagree" in result.error.message
    assert replay.toggles == []


def test_a_control_gone_after_the_reload_is_never_reported_done(
        shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, example_flow(), pages("gone-after-reload"), apply=True)
    [setting] = result.settings
    assert setting.state is SettingState.UNKNOWN
    assert "gone after the reload" in setting.reason
    assert result.exit_code & Exit.FLOW_BROKEN
