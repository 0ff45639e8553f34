"""LinkedIn: the shared contract on the switch and the Data Processing Objection Form.

A form can't be read back: what optout sent (the saved page posts it by script and the replay
keeps every POST body), the page's confirmation and the history are the evidence. The sign-in
pages are exercised through the command line in tests/test_signin.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.engine.runner import Job, run_flow
from optout.errors import Exit
from optout.flow import Flow
from optout.flows.linkedin import DEFAULT_OBJECTION, OBJECTION_FORM
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay

SUBMIT = "https://www.linkedin.com/help/linkedin/ask/submit.json"
SWITCH, FORM = "generative-ai-training", "data-processing-objection"


class TestLinkedIn(FlowContract):
    slug = "linkedin"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "linkedin" / variant)


def sent(replay: Replay) -> list[dict[str, list[str]]]:
    """The forms the page posted, field by field."""
    return [parse_qs(body, keep_blank_values=True) for url, body in replay.posts if url == SUBMIT]


def test_a_dry_run_shows_the_objection_text_and_posts_nothing(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=False)
    assert [(s.id, s.state, s.action) for s in result.settings] == [
        (SWITCH, SettingState.ON, Action.TURN_OFF), (FORM, SettingState.ON, Action.SEND_FORM)]
    objection = result.settings[1]
    assert objection.url == OBJECTION_FORM
    assert objection.detail == DEFAULT_OBJECTION  # the text the person is asked to approve
    assert result.exit_code == Exit.STILL_ON
    assert replay.posts == [] and replay.toggles == []


def test_a_run_turns_the_switch_off_and_sends_the_default_text_once(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    switch, objection = result.settings
    assert switch.state is SettingState.TURNED_OFF
    assert objection.state is SettingState.FORM_SUBMITTED
    assert objection.reason.startswith("the page said: Thanks. We've received your request.")
    # The email the page had pre-filled is kept; the text is the one the dry run showed.
    assert sent(replay) == [{"email": ["member@example.com"], "details": [DEFAULT_OBJECTION]}]
    assert [(t.control, t.on) for t in replay.toggles] == [
        ("allowDataForGenerativeAI", False), ("objection", False)]
    assert result.exit_code == Exit.OK


def test_a_second_run_reports_the_pending_objection_and_sends_nothing(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("on")
    run_variant(shared_browser, flow, replay, apply=True)
    toggles, posts = list(replay.toggles), list(replay.posts)
    again = run_variant(shared_browser, flow, replay, apply=True)
    switch, objection = again.settings
    assert (switch.state, switch.action) == (SettingState.OFF, Action.NONE)
    assert (objection.state, objection.action) == (SettingState.FORM_SUBMITTED, Action.NONE)
    # The reason tells the person when it went out, what to expect and what the page showed.
    assert "not sent again; LinkedIn answers by email" in objection.reason
    assert "received your request" in objection.reason
    assert again.exit_code == Exit.OK
    assert replay.toggles == toggles
    assert replay.posts == posts


def test_the_person_s_own_words_are_sent(shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("on")
    looked = run_variant(shared_browser, flow, replay, apply=False, objection_text="My own words")
    assert looked.settings[1].detail == "My own words"
    result = run_variant(shared_browser, flow, replay, apply=True, objection_text="My own words")
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF,
                                                  SettingState.FORM_SUBMITTED]
    assert sent(replay) == [{"email": ["member@example.com"], "details": ["My own words"]}]


def test_an_objection_already_on_file_is_off_and_never_sent(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("off")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.state, s.action) for s in result.settings] == [
        (SWITCH, SettingState.OFF, Action.NONE), (FORM, SettingState.OFF, Action.NONE)]
    assert replay.posts == []


def test_a_check_turns_the_switch_off_but_never_sends_the_form(
        shared_browser: SharedBrowser) -> None:
    flow: Flow = registry.load("linkedin")
    replay = pages("on")
    # `optout check linkedin --fix`: changes switches, but a form goes out only from `run`.
    job = Job([(flow, "default")], lambda _r: True, lambda _r, _f: None, replay=replay,
              keep_sessions=False, command="check", send_forms=False)
    result = shared_browser.run(run_flow(shared_browser.browser, flow, "default", job))
    switch, objection = result.settings
    assert switch.state is SettingState.TURNED_OFF
    assert (objection.state, objection.action) == (SettingState.ON, Action.NONE)
    assert "only `optout run linkedin` sends one" in objection.reason
    assert replay.posts == []
    assert result.exit_code == Exit.STILL_ON


def test_a_send_the_page_does_not_confirm_is_not_reported_sent(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    replay = pages("did-not-persist")
    result = run_variant(shared_browser, flow, replay, apply=True)
    objection = result.settings[1]
    assert objection.state is SettingState.DID_NOT_PERSIST
    assert "no confirmation" in objection.reason
    # Nothing confirmed, so nothing is on file: the next run offers to send it again.
    again = run_variant(shared_browser, flow, replay, apply=False)
    assert again.settings[1].action is Action.SEND_FORM


def test_a_form_not_offered_is_said_plainly(shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    result = run_variant(shared_browser, flow, pages("not-offered"), apply=True)
    objection = result.settings[1]
    assert (objection.state, objection.action) == (SettingState.NOT_OFFERED, Action.NONE)
    assert "not offered to this account" in objection.reason


def test_signs_in_on_the_switch_page_then_sends_the_form(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "linkedin", "login", "member@example.com")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["linkedin/default"]  # one sign-in serves both pages
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF,
                                                  SettingState.FORM_SUBMITTED]
    assert len(sent(replay)) == 1
