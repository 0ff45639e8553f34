"""Tumblr: the shared contract on a switch kept once per blog and wanted ON ("Prevent
third-party sharing for {blog}"); each blog reported and changed on its own, `--target` for one,
a blog that discourages searching already prevented, and the two-step sign-in."""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit, FlowBroken, UsageError
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run, snapshot
from optout.web.replay import Replay, Toggle


class TestTumblr(FlowContract):
    slug = "tumblr"


BLOGS = ("example-blog", "second-blog")
EMAIL, PASSWORD = "member@example.com", "correct horse"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "tumblr" / variant)


def blog_url(blog: str) -> str:
    return f"https://www.tumblr.com/settings/blog/{blog}"


def page_of(blog: str) -> str:
    return f"www.tumblr.com/settings/blog/{blog}"


def test_every_blog_is_its_own_setting_and_is_switched_on(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=True)
    assert result.error is None
    assert [(s.id, s.label, s.url, s.before, s.state) for s in result.settings] == [
        (f"third-party-sharing:{b}", f"Prevent third-party sharing for {b}", blog_url(b),
         SettingState.ON, SettingState.TURNED_OFF) for b in BLOGS]
    assert [s.manual_path for s in result.settings] == [
        f"tumblr.com > Settings > {b} (under Blogs) > Visibility > "
        f"Prevent third-party sharing for {b} > switch on" for b in BLOGS]
    # "Prevent" is wanted on: each blog's switch was flipped on, once.
    assert replay.toggles == [Toggle(page_of(b), "third-party-sharing", True) for b in BLOGS]
    assert result.exit_code == Exit.OK


def test_a_dry_run_lists_each_blog_and_clicks_nothing(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=False)
    assert [(s.id, s.state, s.action) for s in result.settings] == [
        (f"third-party-sharing:{b}", SettingState.ON, Action.TURN_OFF) for b in BLOGS]
    assert result.exit_code == Exit.STILL_ON
    assert replay.toggles == []


def test_target_changes_that_blog_only(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    urls = [blog_url(b) for b in BLOGS]
    before = snapshot(shared_browser, replay, urls)
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=True,
                         only_target="second-blog")
    after = snapshot(shared_browser, replay, urls)
    assert [(s.id, s.state) for s in result.settings] == [
        ("third-party-sharing:second-blog", SettingState.TURNED_OFF)]
    key = "#third-party-sharing"
    assert (before[page_of("second-blog") + key], after[page_of("second-blog") + key]) == (
        False, True)
    assert before[page_of("example-blog") + key] is after[page_of("example-blog") + key] is False
    assert replay.toggles == [Toggle(page_of("second-blog"), "third-party-sharing", True)]


def test_an_unknown_blog_is_refused_and_the_blogs_are_named(
        shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=True,
                         only_target="third-blog")
    assert isinstance(result.error, UsageError)
    assert result.error.message == "Tumblr has no blog named 'third-blog' on this account."
    assert result.error.hint == "Its blogs: example-blog, second-blog."
    assert result.exit_code & Exit.USAGE
    assert replay.toggles == []


def test_a_blog_that_discourages_searching_is_already_prevented(
        shared_browser: SharedBrowser) -> None:
    replay = pages("mixed")
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("third-party-sharing:example-blog", SettingState.OFF, SettingState.OFF),
        ("third-party-sharing:second-blog", SettingState.ON, SettingState.TURNED_OFF)]
    assert replay.toggles == [Toggle(page_of("second-blog"), "third-party-sharing", True)]
    assert result.exit_code == Exit.OK


def test_blogs_without_the_switch_say_which_blogs_have_it(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("tumblr"), pages("not-offered"),
                         apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"third-party-sharing:{b}", SettingState.NOT_OFFERED) for b in BLOGS]
    assert {s.reason for s in result.settings} == {
        "Not offered to this account: offered only to blogs Tumblr may share "
        "(password-protected, explicit, private and suspended blogs are never shared)."}


def test_a_list_of_blogs_that_moved_is_a_broken_flow_for_every_blog(
        shared_browser: SharedBrowser) -> None:
    replay = pages("broken")
    result = run_variant(shared_browser, registry.load("tumblr"), replay, apply=True)
    assert isinstance(result.error, FlowBroken)
    assert result.error.step == "list 'third-party-sharing' blogs"
    assert result.error.url == "https://www.tumblr.com/settings/account"
    assert [(s.label, s.state, s.url) for s in result.settings] == [
        ("Prevent third-party sharing for each blog", SettingState.UNKNOWN,
         "https://www.tumblr.com/settings/account")]
    assert not [u for u in replay.served if "/settings/blog/" in u]


def test_signs_in_in_two_steps_then_switches_every_blog_on(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "tumblr", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["tumblr/default"]
    assert "https://www.tumblr.com/login" in {u.split("?")[0] for u in replay.served}
    # One sign-in form, sent once, with the email typed before "Next" and the password after.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://www.tumblr.com/api/v2/login", {"email": [EMAIL], "password": [PASSWORD]})]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert [t.on for t in replay.toggles] == [True, True]
