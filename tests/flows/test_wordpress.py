"""WordPress.com: the shared contract on a box kept once per site, wanted ticked ("Prevent
third-party sharing for {site}") and stored only by the Privacy card's "Save settings"; `--target`
for one site, private and Coming Soon sites, an account without sites, the box locked by
"Discourage search engines", the newer "for this site" wording, and the two-step sign-in."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit, UsageError
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run, snapshot
from optout.web.replay import Replay, Toggle


class TestWordPress(FlowContract):
    slug = "wordpress"


SITES = ("example-blog.wordpress.com", "second-blog.wordpress.com")
BOX = "wpcom_data_sharing_opt_out"
USERNAME, PASSWORD = "writer@example.com", "correct horse"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "wordpress" / variant)


def site_url(site: str) -> str:
    return f"https://wordpress.com/settings/general/{site}"


def page_of(site: str) -> str:
    return f"wordpress.com/settings/general/{site}"


def test_every_site_is_its_own_setting_and_its_box_is_ticked(
        shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True)
    assert result.error is None
    assert [(s.id, s.label, s.url, s.before, s.state) for s in result.settings] == [
        (f"third-party-sharing:{s}", f"Prevent third-party sharing for {s}", site_url(s),
         SettingState.ON, SettingState.TURNED_OFF) for s in SITES]
    assert [s.manual_path for s in result.settings] == [
        f"wordpress.com > Sites > {s} > Settings > General > Privacy > "
        f"Prevent third-party sharing for {s} > tick > Save settings" for s in SITES]
    assert replay.toggles == [Toggle(page_of(s), BOX, True) for s in SITES]


def test_the_change_is_stored_with_save_settings(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("wordpress"), pages("save-required"),
                         apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert result.exit_code == Exit.OK


def test_without_save_the_pages_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required pages really need Save: a flow that skips it is caught by the reload."""
    flow = registry.load("wordpress")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST] * 2
    assert result.exit_code == Exit.NOT_PERSISTED


def test_target_changes_that_site_only(shared_browser: SharedBrowser) -> None:
    replay = pages("neighbours")
    urls = [site_url(s) for s in SITES]
    before = snapshot(shared_browser, replay, urls)
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True,
                         only_target="second-blog.wordpress.com")
    after = snapshot(shared_browser, replay, urls)
    assert [(s.id, s.state) for s in result.settings] == [
        ("third-party-sharing:second-blog.wordpress.com", SettingState.TURNED_OFF)]
    assert {key for key in before if before[key] != after[key]} == {
        f"{page_of('second-blog.wordpress.com')}#{BOX}"}
    # Search engines, language and timezone stay as the person set them.
    first = page_of("example-blog.wordpress.com")
    assert (after[f"{first}#blog_public"], after[f"{first}#select:lang_id"]) == (False, "fr")
    assert replay.toggles == [Toggle(page_of("second-blog.wordpress.com"), BOX, True)]


def test_an_unknown_site_is_refused_and_the_sites_are_named(
        shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True,
                         only_target="second-blog")
    assert isinstance(result.error, UsageError)
    assert result.error.message == "WordPress.com has no site named 'second-blog' on this account."
    assert result.error.hint == ("Its sites: example-blog.wordpress.com, "
                                 "second-blog.wordpress.com.")
    assert result.exit_code & Exit.USAGE
    assert replay.toggles == []


def test_a_site_that_discourages_search_engines_is_already_prevented(
        shared_browser: SharedBrowser) -> None:
    """Calypso ticks and locks the box while search engines are discouraged."""
    replay = pages("mixed")
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("third-party-sharing:example-blog.wordpress.com", SettingState.OFF, SettingState.OFF),
        ("third-party-sharing:second-blog.wordpress.com", SettingState.ON,
         SettingState.TURNED_OFF)]
    assert replay.toggles == [Toggle(page_of("second-blog.wordpress.com"), BOX, True)]


def test_private_and_coming_soon_sites_say_only_public_sites_have_it(
        shared_browser: SharedBrowser) -> None:
    replay = pages("not-offered")
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"third-party-sharing:{s}", SettingState.NOT_OFFERED) for s in SITES]
    assert {s.reason for s in result.settings} == {
        "Not offered to this account: offered only to public sites hosted by WordPress.com "
        "(a private or \"Coming Soon\" site doesn't show it, and its content isn't shared; "
        "self-hosted Jetpack sites don't have it)."}
    assert replay.toggles == []


def test_an_account_without_sites_has_nothing_to_change(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("wordpress"), pages("no-sites"),
                         apply=True)
    assert [(s.label, s.state, s.reason) for s in result.settings] == [
        ("Prevent third-party sharing for each site", SettingState.NOT_OFFERED,
         "this account has no sites")]
    assert result.error is None
    assert result.exit_code == Exit.OK


def test_the_newer_for_this_site_wording_is_the_same_box(shared_browser: SharedBrowser) -> None:
    replay = pages("this-site")
    result = run_variant(shared_browser, registry.load("wordpress"), replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
    assert replay.toggles == [Toggle(page_of(s), BOX, True) for s in SITES]


def test_signs_in_in_two_steps_then_ticks_every_site(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "wordpress", "login", USERNAME, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["wordpress/default"]
    assert "https://wordpress.com/log-in" in {u.split("?")[0] for u in replay.served}
    # "Continue" only showed the password; the form was sent once, with both fields.
    assert [(url.split("?")[0], parse_qs(body)) for url, body in replay.posts] == [
        ("https://wordpress.com/wp-login.php",
         {"usernameOrEmail": [USERNAME], "password": [PASSWORD]})]
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
