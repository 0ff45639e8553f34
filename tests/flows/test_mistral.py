"""Mistral Vibe (Le Chat): the shared contract, what the flow knows of its neighbours, and the
sign-in on Ory's page with a stored email and password."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, unquote_plus

from optout.engine import registry
from optout.engine.newcontrols import unknown_ai_controls
from optout.errors import Exit, FlowBroken
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestMistral(FlowContract):
    slug = "mistral"


def test_the_feedback_switch_is_left_alone_not_reported(shared_browser: SharedBrowser) -> None:
    """"Model response feedback" speaks of models but is a product feature: never a new control,
    never clicked."""
    flow = registry.load("mistral")
    replay = Replay.open(fixtures_root() / "mistral" / "neighbours")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("model-training", SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("model-training", False)]


def test_the_apps_and_the_webs_labels_are_the_same_control() -> None:
    flow = registry.load("mistral")
    snapshot = "\n".join([
        '- switch "Allow your interactions to be used to train our models" [checked]',
        '- checkbox "Enable data sharing" [checked]',
        '- switch "Model response feedback" [checked]',
    ])
    assert unknown_ai_controls(snapshot, list(flow.settings), flow.leaves_alone) == []


# Signing in with a stored email and password on Mistral's Ory sign-in page.

EMAIL, PASSWORD = "member@example.com", "correct horse"
LOGIN_ACTION = "https://auth.mistral.ai/self-service/login?flow=00000000-0000-4000-8000-000000000000"


def test_signs_in_with_email_and_password(shared_browser: SharedBrowser) -> None:
    """Signed out, the Admin Panel sends the browser to Ory's sign-in page; the stored email and
    password go into its identifier and password fields, the form posts, and back on the Privacy
    page the switch reads on and is turned off once."""
    run = sign_in_run(shared_browser, "mistral", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["mistral/default"]
    assert any(u.startswith("https://auth.mistral.ai/ui/login?") for u in replay.served)
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        (LOGIN_ACTION, {"csrf_token": ["replayed-csrf-token"], "identifier": [EMAIL],
                        "password": [PASSWORD], "method": ["password"]})]
    assert [url for url, body in replay.posts if PASSWORD in unquote_plus(body)] == [LOGIN_ACTION]
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("model-training", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("model-training", False)]
    assert result.exit_code == Exit.OK


def test_the_test_ids_mark_the_fields_wrappers_not_the_fields(
        shared_browser: SharedBrowser) -> None:
    """Ory's data-testid sits on each field's wrapper: anchored on the wrapper itself, no textbox
    is found, the sign-in stops at its first step and nothing is posted."""
    flow = registry.load("mistral")
    wrapper = replace(flow.login.username, anchor='[data-testid="node/input/identifier"]')
    on_wrapper = replace(flow, login=replace(flow.login, username=wrapper))
    run = sign_in_run(shared_browser, on_wrapper, "login", EMAIL, PASSWORD)
    assert isinstance(run.result.error, FlowBroken)
    assert run.result.error.step == "sign in: username"
    assert run.replay.posts == []
    assert run.replay.toggles == []
