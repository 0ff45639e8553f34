"""Squarespace: the shared contract on two websites, plus its Save button, the search-engine box
that must stay as it is, one website at a time, and the sign-in on login.squarespace.com.

The `save-required` pages keep a change only when Save is pressed, so they show whether the flow
really presses it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run, snapshot
from optout.web.replay import Replay


class TestSquarespace(FlowContract):
    slug = "squarespace"


SITES = ["example-site", "second-site"]
EMAIL, PASSWORD = "owner@example.com", "correct horse"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "squarespace" / variant)


def crawlers(site: str) -> str:
    return f"https://{site}.squarespace.com/config/settings/crawlers"


def test_each_website_is_ticked_and_the_search_engine_box_left_alone(
        shared_browser: SharedBrowser) -> None:
    replay = pages("neighbours")
    urls = [crawlers(site) for site in SITES]
    before = snapshot(shared_browser, replay, urls)
    result = run_variant(shared_browser, registry.load("squarespace"), replay, apply=True)
    # The cards' "Visit site" links and "Create website" are not websites.
    assert [(s.id, s.url, s.state) for s in result.settings] == [
        (f"ai-crawlers:{site}", crawlers(site), SettingState.TURNED_OFF) for site in SITES]
    after = snapshot(shared_browser, replay, urls)
    for site in SITES:
        page = f"{site}.squarespace.com/config/settings/crawlers#"
        assert (before[page + "block-ai-crawlers"], after[page + "block-ai-crawlers"]) == (
            False, True)
        # Ticked before and after: blocking search engines stays the person's choice.
        assert before[page + "block-search-crawlers"] is after[page + "block-search-crawlers"] \
            is True


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("squarespace"), pages("save-required"),
                         apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required pages really need Save: a flow that skips it is caught by the reload."""
    flow = registry.load("squarespace")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST] * 2
    assert result.exit_code == Exit.NOT_PERSISTED


def test_target_changes_one_website_only(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("squarespace"), replay, apply=True,
                         only_target="example-site")
    assert [(s.id, s.state) for s in result.settings] == [
        ("ai-crawlers:example-site", SettingState.TURNED_OFF)]
    assert [t.page for t in replay.toggles] == ["example-site.squarespace.com/config/settings/"
                                                "crawlers"]
    assert not [u for u in replay.served if u.startswith("https://second-site.")]


def test_a_page_without_the_box_says_it_is_not_offered(shared_browser: SharedBrowser) -> None:
    replay = pages("not-offered")
    result = run_variant(shared_browser, registry.load("squarespace"), replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"ai-crawlers:{site}", SettingState.NOT_OFFERED) for site in SITES]
    assert all("not offered" in s.reason for s in result.settings)


def test_signs_in_on_login_squarespace_then_works_on_each_site(
        shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "squarespace", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["squarespace/default"]
    served = {u.split("?")[0] for u in replay.served}
    assert "https://login.squarespace.com/api/1/login/oauth/provider/authorize" in served
    # Email and password went in one form, once.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://www.squarespace.com/auth/oauth/connect",
         {"email": [EMAIL], "password": [PASSWORD]})]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK
