"""GitHub Copilot: the shared contract on a menu button set to "Disabled" (and on the older
native dropdown), its neighbours left as they were, and the sign-in with its two kinds of code
(authenticator app, emailed device code)."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from optout import credentials
from optout.engine import registry
from optout.errors import Exit, PersonNeeded
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run, snapshot
from optout.testing.memory_keyring import MemoryKeyring
from optout.web.person import Person
from optout.web.replay import Replay, Toggle


class TestGitHub(FlowContract):
    slug = "github"


SETTINGS = "https://github.com/settings/copilot/features"
PAGE = "github.com/settings/copilot/features"
USERNAME, PASSWORD = "octo@example.com", "correct horse"
TEST_TOTP = "JBSWY3DPEHPK3PXP"  # the two-factor page's own test secret


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "github" / variant)


@pytest.mark.parametrize(("variant", "key"), [
    # The button has no name of its own: found by its row's label, its menu's "Disabled" chosen.
    ("on", "menu:ai_model_training"),
    # The page before the 2026 menu buttons: a <select> read by its selected option.
    ("older-select", "select:ai_model_training"),
])
def test_the_control_is_set_to_disabled_with_one_remembered_change(
        shared_browser: SharedBrowser, variant: str, key: str) -> None:
    replay = pages(variant)
    result = run_variant(shared_browser, registry.load("github"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("ai-model-training", SettingState.ON, SettingState.TURNED_OFF)]
    assert result.exit_code == Exit.OK
    assert replay.toggles == [Toggle(PAGE, key, False)]


def test_only_the_training_menu_is_set_to_disabled(shared_browser: SharedBrowser) -> None:
    """Public code "Allowed" and product improvements "Enabled" stay as the person left them."""
    flow = registry.load("github")
    replay = pages("neighbours")
    before = snapshot(shared_browser, replay, [SETTINGS])
    result = run_variant(shared_browser, flow, replay, apply=True)
    after = snapshot(shared_browser, replay, [SETTINGS])
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("ai-model-training", SettingState.ON, SettingState.TURNED_OFF)]
    key = PAGE + "#menu:"
    assert (before[key + "ai_model_training"], after[key + "ai_model_training"]) == (True, False)
    assert before[key + "public_code"] is after[key + "public_code"] is True
    assert before[key + "product_improvements"] is after[key + "product_improvements"] is True
    assert replay.toggles == [Toggle(PAGE, "menu:ai_model_training", False)]


def test_an_org_managed_seat_says_who_has_it(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("github"), pages("not-offered"),
                         apply=True)
    [setting] = result.settings
    assert setting.state is SettingState.NOT_OFFERED
    assert setting.reason.startswith("Not offered to this account: offered only to Copilot "
                                     "Free, Pro and Pro+ users")
    assert "seats an organization manages don't show it" in setting.reason


def test_signs_in_with_the_authenticator_code_then_turns_it_off(
        shared_browser: SharedBrowser, memory_keyring: MemoryKeyring) -> None:
    credentials.store_totp("github", "default", TEST_TOTP)
    run = sign_in_run(shared_browser, "github", "two-factor", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert result.exit_code == Exit.OK
    # The page accepts only this secret's current code: the code typed came from the key.
    assert "https://github.com/sessions/two-factor/app" in replay.served
    [(url, body)] = replay.posts
    form = parse_qs(body)
    assert (url, form["login"], form["password"]) == (
        "https://github.com/session", [USERNAME], [PASSWORD])
    assert replay.toggles == [Toggle(PAGE, "menu:ai_model_training", False)]


def test_a_wrong_authenticator_key_stops_after_one_code(
        shared_browser: SharedBrowser, memory_keyring: MemoryKeyring) -> None:
    credentials.store_totp("github", "default", "GEZDGNBVGY3TQOJQ")  # another account's key
    run = sign_in_run(shared_browser, "github", "two-factor", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, PersonNeeded)
    assert "the one-time code was not accepted" in result.error.message
    assert result.exit_code == Exit.PERSON_NEEDED
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.UNKNOWN, "login needed")]
    assert replay.toggles == []


def test_the_emailed_device_code_is_asked_of_the_person(
        shared_browser: SharedBrowser, memory_keyring: MemoryKeyring) -> None:
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return "123456"  # what the fixture "emailed"

    run = sign_in_run(shared_browser, "github", "device-verification", USERNAME, PASSWORD,
                      person=Person(interactive=True, ask_code=ask))
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert asked == ["GitHub Copilot sent a sign-in code (email, SMS or app). Code"]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert replay.toggles == [Toggle(PAGE, "menu:ai_model_training", False)]


@pytest.mark.parametrize("stored_key", [False, True])
def test_without_a_terminal_the_device_code_stops_the_run(
        shared_browser: SharedBrowser, memory_keyring: MemoryKeyring, stored_key: bool) -> None:
    """An emailed code can't come from the authenticator key, even when one is stored."""
    if stored_key:
        credentials.store_totp("github", "default", TEST_TOTP)
    run = sign_in_run(shared_browser, "github", "device-verification", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert isinstance(result.error, PersonNeeded)
    assert "(a one-time code)" in result.error.message
    assert "optout login github --account default --browser" in result.error.hint
    assert result.exit_code == Exit.PERSON_NEEDED
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
    assert replay.toggles == []
