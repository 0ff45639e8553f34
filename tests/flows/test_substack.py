"""Substack: the shared contract on two publications, plus what is Substack's own: the 2023
label ("Block AI training") beside the 2026 one, one publication at a time, an account with no
publication, and the sign-in on substack.com whose session reaches the publications' hosts."""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit, UsageError
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestSubstack(FlowContract):
    slug = "substack"


PUBLICATIONS = ["example-blog", "second-blog"]
EMAIL, PASSWORD = "writer@example.com", "correct horse"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "substack" / variant)


def test_each_publication_is_reported_and_switched_on_its_own(
        shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("substack"), replay, apply=True)
    # The list's home-page, profile and "start a publication" links are not publications.
    assert [(s.id, s.url, s.state) for s in result.settings] == [
        (f"ai-training:{name}", f"https://{name}.substack.com/publish/settings",
         SettingState.TURNED_OFF) for name in PUBLICATIONS]
    assert [s.label for s in result.settings] == [
        f"Opt out of AI training for {name}" for name in PUBLICATIONS]
    # The blocking switch was turned on, once per publication, and nothing else was clicked.
    assert [(t.page, t.control, t.on) for t in replay.toggles] == [
        (f"{name}.substack.com/publish/settings", "ai-training", True) for name in PUBLICATIONS]


def test_the_2023_label_block_ai_training_is_found_too(shared_browser: SharedBrowser) -> None:
    replay = pages("older-label")
    flow = registry.load("substack")
    looked = run_variant(shared_browser, flow, replay, apply=False)
    assert [s.state for s in looked.settings] == [SettingState.ON] * 2
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert [t.control for t in replay.toggles] == ["ai-training"] * 2
    assert result.exit_code == Exit.OK


def test_target_changes_one_publication_only(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("substack"), replay, apply=True,
                         only_target="second-blog")
    assert [(s.id, s.state) for s in result.settings] == [
        ("ai-training:second-blog", SettingState.TURNED_OFF)]
    assert [t.page for t in replay.toggles] == ["second-blog.substack.com/publish/settings"]
    assert not [u for u in replay.served if u.startswith("https://example-blog.")]


def test_an_unknown_publication_is_a_usage_error_naming_them(
        shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("substack"), replay, apply=True,
                         only_target="third-blog")
    assert isinstance(result.error, UsageError)
    assert result.error.hint == "Its publications: example-blog, second-blog."
    assert result.exit_code & Exit.USAGE
    assert replay.toggles == []


def test_a_reader_without_a_publication_has_nothing_to_change(
        shared_browser: SharedBrowser) -> None:
    replay = pages("no-publications")
    result = run_variant(shared_browser, registry.load("substack"), replay, apply=True)
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.NOT_OFFERED, "this account has no publications")]
    assert result.exit_code == Exit.OK
    assert replay.toggles == []


def test_signs_in_on_substack_then_works_on_each_publication(
        shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "substack", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["substack/default"]  # one sign-in, though the publications are other hosts
    # The password went in one form to substack.com, after "Sign in with password".
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://substack.com/api/v1/login", {"email": [EMAIL], "password": [PASSWORD]})]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
