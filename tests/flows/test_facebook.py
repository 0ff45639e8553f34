"""Facebook: the shared contract on Meta's objection form, plus what a form adds to a switch.

A form can't be read back: what optout sent (the saved page posts it by script, as Meta's does,
and the replay keeps every POST body), the page's confirmation and the history are the evidence.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.flows.facebook import DEFAULT_OBJECTION, OFFERED_TO
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay

SUBMIT = "https://www.facebook.com/help/contact/submit.json"


class TestFacebook(FlowContract):
    slug = "facebook"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "facebook" / variant)


def sent(replay: Replay) -> list[dict[str, list[str]]]:
    """The forms the page posted, field by field."""
    return [parse_qs(body, keep_blank_values=True) for url, body in replay.posts if url == SUBMIT]


def test_a_dry_run_offers_to_send_and_posts_nothing(shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=False)
    [objection] = result.settings
    assert (objection.state, objection.action) == (SettingState.ON, Action.SEND_FORM)
    assert objection.detail == DEFAULT_OBJECTION  # the text the person is asked to approve
    assert result.exit_code == Exit.STILL_ON
    assert replay.posts == []


def test_an_objection_already_on_file_is_off_and_never_sent(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("off")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.state, s.action) for s in result.settings] == [(SettingState.OFF, Action.NONE)]
    assert replay.posts == []


def test_sends_the_default_text_and_keeps_the_email_the_page_had(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    [objection] = result.settings
    assert objection.state is SettingState.FORM_SUBMITTED
    assert "received your objection request" in objection.reason
    assert sent(replay) == [{"email": ["person@example.com"], "reason": [DEFAULT_OBJECTION]}]


def test_a_second_run_reports_the_pending_objection_and_sends_nothing(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("on")
    run_variant(shared_browser, flow, replay, apply=True)
    toggles, posts = list(replay.toggles), list(replay.posts)
    again = run_variant(shared_browser, flow, replay, apply=True)
    [objection] = again.settings
    assert (objection.state, objection.action) == (SettingState.FORM_SUBMITTED, Action.NONE)
    # The reason tells the person what the page showed when the form went out.
    assert "not sent again" in objection.reason
    assert "received your objection request" in objection.reason
    assert again.exit_code == Exit.OK
    assert replay.toggles == toggles
    assert replay.posts == posts


def test_the_person_s_own_words_are_sent(shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True, objection_text="My own words")
    assert [s.state for s in result.settings] == [SettingState.FORM_SUBMITTED]
    [body] = [b for url, b in replay.posts if url == SUBMIT]
    assert "reason=My+own+words" in body and "email=person%40example.com" in body
    assert sent(replay) == [{"email": ["person@example.com"], "reason": ["My own words"]}]


def test_an_empty_email_field_gets_the_account_s_email(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "facebook", "empty-email", "someone@example.com")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["facebook/default"]
    assert [s.state for s in result.settings] == [SettingState.FORM_SUBMITTED]
    assert [form["email"] for form in sent(replay)] == [["someone@example.com"]]


def test_not_offered_says_where_the_form_is(shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    result = run_variant(shared_browser, flow, pages("not-offered"), apply=True)
    [objection] = result.settings
    assert objection.state is SettingState.NOT_OFFERED
    assert OFFERED_TO in objection.reason
    assert objection.action is Action.NONE


def test_a_send_the_page_does_not_confirm_is_not_reported_sent(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("facebook")
    replay = pages("did-not-persist")
    result = run_variant(shared_browser, flow, replay, apply=True)
    [objection] = result.settings
    assert objection.state is SettingState.DID_NOT_PERSIST
    assert "no confirmation" in objection.reason
    # Nothing confirmed, so nothing is on file: the next run offers to send it again.
    again = run_variant(shared_browser, flow, replay, apply=False)
    assert [s.action for s in again.settings] == [Action.SEND_FORM]


def test_signs_in_on_the_login_page_then_sends(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "facebook", "login", "person@example.com")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["facebook/default"]
    assert "https://www.facebook.com/login/" in {u.split("?")[0] for u in replay.served}
    assert [s.state for s in result.settings] == [SettingState.FORM_SUBMITTED]
    assert len(sent(replay)) == 1
