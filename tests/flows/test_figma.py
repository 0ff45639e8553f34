"""Figma: the shared contract on a setting kept per team (two teams in every variant), plus a
team the person only belongs to, and `--target` for one team."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit, UsageError
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestFigma(FlowContract):
    slug = "figma"


FIRST, SECOND = "1100000000000000001", "1100000000000000002"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "figma" / variant)


def test_each_team_in_the_file_browser_is_its_own_setting(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("figma"), replay, apply=True)
    # Each team once, though the sidebar links it twice (its page and its Admin item).
    assert [(s.id, s.label, s.url, s.state) for s in result.settings] == [
        (f"content-training:{FIRST}", f"Content training for team {FIRST}",
         f"https://www.figma.com/files/team/{FIRST}/admin/settings", SettingState.TURNED_OFF),
        (f"content-training:{SECOND}", f"Content training for team {SECOND}",
         f"https://www.figma.com/files/team/{SECOND}/admin/settings", SettingState.TURNED_OFF)]
    assert [(t.page, t.on) for t in replay.toggles] == [
        (f"www.figma.com/files/team/{FIRST}/admin/settings", False),
        (f"www.figma.com/files/team/{SECOND}/admin/settings", False)]


def test_a_team_the_person_does_not_administer_is_left_to_its_admins(
        shared_browser: SharedBrowser) -> None:
    replay = pages("mixed")
    result = run_variant(shared_browser, registry.load("figma"), replay, apply=True)
    assert [(s.id, s.state, s.reason) for s in result.settings] == [
        (f"content-training:{FIRST}", SettingState.TURNED_OFF, ""),
        (f"content-training:{SECOND}", SettingState.NOT_OFFERED,
         "Not offered to this account: offered only to admins of Starter and Professional "
         "teams (on Organization and Enterprise plans an organization admin sets it for the "
         "whole organization, off by default).")]
    assert result.exit_code == Exit.OK
    assert [t.page for t in replay.toggles] == [
        f"www.figma.com/files/team/{FIRST}/admin/settings"]


def test_target_limits_a_run_to_one_team(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("figma"), replay, apply=True,
                         only_target=SECOND)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"content-training:{SECOND}", SettingState.TURNED_OFF)]
    assert [t.page for t in replay.toggles] == [
        f"www.figma.com/files/team/{SECOND}/admin/settings"]
    # The first team's admin page was never even opened.
    assert not [u for u in replay.served if FIRST in u and "/admin/" in u]


def test_an_unknown_team_names_the_teams_there_are(shared_browser: SharedBrowser) -> None:
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("figma"), replay, apply=True,
                         only_target="Example-Team")
    assert isinstance(result.error, UsageError)
    assert result.error.message == "Figma has no team named 'Example-Team' on this account."
    assert result.error.hint == f"Its teams: {FIRST}, {SECOND}."
    assert replay.toggles == []
