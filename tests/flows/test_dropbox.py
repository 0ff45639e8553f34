"""Dropbox: the shared contract, plus who is offered the switch and the AI neighbour left alone."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestDropbox(FlowContract):
    slug = "dropbox"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "dropbox" / variant)


def test_an_account_in_the_eea_is_told_where_it_is_offered(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("dropbox"), pages("not-offered"),
                         apply=True)
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.NOT_OFFERED, "Not offered to this account: offered only outside Canada, "
                                   "the UK and the EEA (and to accounts eligible for Dropbox AI).")]
    assert result.exit_code == Exit.OK


def test_another_ai_switch_is_pointed_out_and_never_clicked(shared_browser: SharedBrowser) -> None:
    replay = pages("neighbours")
    result = run_variant(shared_browser, registry.load("dropbox"), replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("third-party-ai", SettingState.TURNED_OFF),
        ("new:use-dropbox-ai-to-find-files-by-what-s-in-them", SettingState.NEW_CONTROL)]
    # Still "something is on" for the person to look at, though the flow's own switch is off.
    assert result.exit_code == Exit.STILL_ON
    assert [(t.control, t.on) for t in replay.toggles] == [("third-party-ai", False)]
