"""X: the shared contract on two pages (the Grok checkbox, the business-partners checkbox), X's
passing "Something went wrong. Try reloading." page, and its two-step sign-in (username and
"Next", then password and "Log in")."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from optout.engine import registry
from optout.errors import CredentialsError, Exit, FlowBroken, PageUnavailable
from optout.flow import Flow
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, run_variant, sign_in_run
from optout.web.replay import Replay


class TestX(FlowContract):
    slug = "x"

    @pytest.mark.parametrize("label", [
        # 2026, from X's i18n bundle, and 2024, as the help articles quoted it.
        "Allow your public data as well as your interactions, inputs, and results with Grok and "
        "xAI to be used for training and fine-tuning",
        "Allow your posts as well as your interactions, inputs, and results with Grok to be used "
        "for training and fine-tuning.",
        "Allow your posts as well as your interactions,  inputs and results\nwith Grok",
    ])
    def test_both_known_labels_match(self, flow: Flow, label: str) -> None:
        assert flow.settings[0].control.pattern().search(label)

    @pytest.mark.parametrize("label", ["Allow X to personalize your experience with Grok",
                                       "Allow Grok to remember your conversation history"])
    def test_the_neighbours_do_not_match(self, flow: Flow, label: str) -> None:
        assert not flow.settings[0].control.pattern().search(label)

    @pytest.mark.parametrize("label", [
        # The page's label as its public recreations copy it, and spacing a page may add.
        "Allow additional information sharing with business partners",
        "Allow additional information sharing\nwith business  partners",
    ])
    def test_the_business_partners_label_matches(self, flow: Flow, label: str) -> None:
        assert flow.setting("business-partners").control.pattern().search(label)

    @pytest.mark.parametrize("text", [
        # The page's intro and help text, and the Grok page's checkboxes.
        "Allow sharing of additional information with X\u2019s business partners.",
        "X always shares information with business partners as a way to run and improve its "
        "products.",
        "Allow your public data as well as your interactions, inputs, and results with Grok and "
        "xAI to be used for training and fine-tuning",
        "Allow X to personalize your experience with Grok",
    ])
    def test_nothing_else_on_the_pages_is_the_business_partners_checkbox(
            self, flow: Flow, text: str) -> None:
        assert not flow.setting("business-partners").control.pattern().search(text)

    def test_the_business_partners_checkbox_is_not_the_grok_one(self, flow: Flow) -> None:
        assert not flow.settings[0].control.pattern().search(
            "Allow additional information sharing with business partners")

    def test_something_went_wrong_is_reloaded_once(self, shared_browser: SharedBrowser,
                                                  flow: Flow) -> None:
        replay = self.replay("something-went-wrong")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert result.error is None
        # The Grok page fails once; the business-partners page loads at once.
        assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
        assert [s.before for s in result.settings] == [SettingState.ON] * 2
        assert result.exit_code == Exit.OK
        assert [t.on for t in replay.toggles] == [False, False]
        # Exactly one load more than a run on a page that never fails: the one reload.
        usual = self.replay("on")
        run_variant(shared_browser, flow, usual, apply=True)
        url = flow.settings[0].url
        assert replay.served.count(url) == usual.served.count(url) + 1

    def test_without_the_reload_the_error_page_would_break_the_flow(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        # The reload comes from the flow's transient_error; without it the same page is a
        # missing section, which would tell the person the site changed.
        result = run_variant(shared_browser, replace(flow, transient_error=""),
                             self.replay("something-went-wrong"), apply=True)
        assert isinstance(result.error, FlowBroken)

    def test_something_went_wrong_twice_is_reported_not_retried(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("something-went-wrong-again")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert isinstance(result.error, PageUnavailable)
        assert "showed an error again after a reload" in result.error.message
        # Only the failing page's setting is unknown; the other page is read (already off).
        assert [s.state for s in result.settings] == [SettingState.UNKNOWN, SettingState.OFF]
        assert not result.exit_code & Exit.FLOW_BROKEN
        assert replay.served.count(flow.settings[0].url) == 2
        assert replay.toggles == []


# Signing in with stored credentials: X asks for the username, then (after "Next") the password.

USERNAME, PASSWORD = "member@example.com", "correct horse"
TASK = "https://x.com/i/api/1.1/onboarding/task.json"


def steps_sent(replay: Replay) -> list[dict[str, Any]]:
    """What the sign-in page sent X, step by step (its onboarding task's inputs)."""
    return [json.loads(body)["subtask_inputs"][0] for url, body in replay.posts if url == TASK]


def test_signs_in_in_two_steps_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "x", "login", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
    assert [t.on for t in replay.toggles] == [False, False]
    assert any(u.startswith("https://x.com/i/flow/login?") for u in replay.served)
    username_step, password_step = steps_sent(replay)
    # The username went alone with "Next"; the password only once its own step showed.
    assert username_step["subtask_id"] == "LoginEnterUserIdentifierSSO"
    assert USERNAME in json.dumps(username_step) and PASSWORD not in json.dumps(username_step)
    assert password_step == {"subtask_id": "LoginEnterPassword",
                             "enter_password": {"password": PASSWORD, "link": "next_link"}}


def test_without_next_the_password_field_is_never_found(shared_browser: SharedBrowser) -> None:
    """The two steps need `next`: without it the first step has no password field."""
    flow = registry.load("x")
    one_page = replace(flow, login=replace(flow.login, next=None))
    run = sign_in_run(shared_browser, one_page, "login", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, FlowBroken)
    assert result.error.step == "sign in: password"
    assert steps_sent(replay) == []


def test_an_unknown_account_is_a_credentials_error(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "x", "login-unknown-user", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, CredentialsError), result.error
    assert result.exit_code & Exit.CREDENTIALS
    assert not result.exit_code & Exit.FLOW_BROKEN
    assert [s["subtask_id"] for s in steps_sent(replay)] == ["LoginEnterUserIdentifierSSO"]
    assert not [body for _url, body in replay.posts if PASSWORD in body]
    assert replay.toggles == []
