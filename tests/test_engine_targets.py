"""Settings kept once per blog (site, publication), and dropdowns, on small pages made for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from optout.errors import Exit, UsageError
from optout.flow import Find, Flow, Login, Section, Setting, Source, Targets
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import run_variant, snapshot
from optout.web.replay import Replay

PAGES = Path(__file__).parent / "pages"
BLOGS = Targets(url="https://example.test/settings/account",
                section=Section("navigation", r"^your blogs$"),
                link=r"^https://example\.test/settings/blog/(?P<target>[^/?#]+)$", noun="blog")


def flow_of(*settings: Setting) -> Flow:
    return Flow(
        slug="example", title="Example", domains=("example.test",),
        login=Login(url="https://example.test/login", username=Find("textbox", "email"),
                    password=Find("textbox", "password"), submit=Find("button", "sign in"),
                    login_paths=("/login",)),
        sources=(Source("everything", "made for these tests"),), verified=date(2026, 11, 1),
        settings=settings)


PER_BLOG = flow_of(Setting(
    "sharing", "Prevent third-party sharing for {target}",
    "https://example.test/settings/blog/{target}", Section("main", r"^{target}$"),
    Find("toggle", r"prevent third-party sharing for {target}"), desired="on",
    manual_path="Settings > {target} > Visibility", targets=BLOGS))
DROPDOWN = flow_of(Setting(
    "training", "Allow my data for AI model training", "https://example.test/features",
    Section("region", r"^privacy$"), Find("combobox", r"allow my data for ai model training"),
    off_option=r"^disabled$"))


def pages(name: str) -> Replay:
    return Replay.open(PAGES / name)


def test_each_blog_is_its_own_setting(shared_browser: SharedBrowser) -> None:
    replay = pages("blogs")
    result = run_variant(shared_browser, PER_BLOG, replay, apply=True)
    assert result.error is None
    # Only the list's own links count, once each, on the platform's domain, plain names only.
    assert [(s.id, s.label, s.url, s.manual_path) for s in result.settings] == [
        ("sharing:alpha", "Prevent third-party sharing for alpha",
         "https://example.test/settings/blog/alpha", "Settings > alpha > Visibility"),
        ("sharing:beta", "Prevent third-party sharing for beta",
         "https://example.test/settings/blog/beta", "Settings > beta > Visibility")]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert [(t.page, t.control, t.on) for t in replay.toggles] == [
        ("example.test/settings/blog/alpha", "sharing-alpha", True),
        ("example.test/settings/blog/beta", "sharing-beta", True)]
    assert not [url for url in replay.served + replay.aborted if "elsewhere" in url]


def test_a_blog_link_that_is_not_a_plain_name_is_named_not_dropped(
        shared_browser: SharedBrowser) -> None:
    notes: list[str] = []
    result = run_variant(shared_browser, PER_BLOG, pages("blogs"), apply=False, note=notes.append)
    assert [s.id for s in result.settings] == ["sharing:alpha", "sharing:beta"]
    assert notes == ["Example: left out 1 blog link(s) on its list whose names are not plain "
                     "names on its own site: caf%C3%A9; check them by hand."]


def test_target_limits_a_run_to_one_blog(shared_browser: SharedBrowser) -> None:
    replay = pages("blogs")
    result = run_variant(shared_browser, PER_BLOG, replay, apply=True, only_target="beta")
    assert [(s.id, s.state) for s in result.settings] == [
        ("sharing:beta", SettingState.TURNED_OFF)]
    assert [t.control for t in replay.toggles] == ["sharing-beta"]


def test_an_unknown_target_names_the_ones_there_are(shared_browser: SharedBrowser) -> None:
    replay = pages("blogs")
    result = run_variant(shared_browser, PER_BLOG, replay, apply=True, only_target="gamma")
    assert isinstance(result.error, UsageError)
    assert result.error.message == "Example has no blog named 'gamma' on this account."
    assert result.error.hint == "Its blogs: alpha, beta."
    assert result.exit_code & Exit.USAGE
    assert replay.toggles == []


def test_an_account_without_blogs_has_nothing_to_change(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, PER_BLOG, pages("no-blogs"), apply=True)
    assert [(s.state, s.reason, s.label) for s in result.settings] == [
        (SettingState.NOT_OFFERED, "this account has no blogs",
         "Prevent third-party sharing for each blog")]
    assert result.exit_code == Exit.OK


def test_a_dropdown_is_set_to_its_off_option_and_verified(shared_browser: SharedBrowser) -> None:
    replay = pages("select")
    url = "https://example.test/features"
    before = snapshot(shared_browser, replay, [url])
    result = run_variant(shared_browser, DROPDOWN, replay, apply=True)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    after = snapshot(shared_browser, replay, [url])
    key = "example.test/features#"
    assert (before[key + "select:training"], after[key + "select:training"]) == (
        "Enabled", "Disabled")
    assert before[key + "select:public-code"] == after[key + "select:public-code"] == "Allowed"
    again = run_variant(shared_browser, DROPDOWN, replay, apply=True)
    assert [s.state for s in again.settings] == [SettingState.OFF]
    assert [t.control for t in replay.toggles] == ["training"]
