"""ArtStation: the shared contract on a box that blocks (ticked = NoAI), plus its Save button.

The `save-required` page keeps a change only when Save is pressed, so it shows whether the flow
really presses it.
"""

from __future__ import annotations

from dataclasses import replace

from optout.engine import registry
from optout.errors import Exit
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestArtStation(FlowContract):
    slug = "artstation"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "artstation" / variant)


def test_the_box_is_ticked_not_unticked(shared_browser: SharedBrowser) -> None:
    """Ticked means NoAI: an unticked box reads as exposed and is ticked, never the reverse."""
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("artstation"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("noai-tagging", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("user_noai", True)]
    assert result.exit_code == Exit.OK


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("artstation"), pages("save-required"),
                         apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required page really needs Save: a flow that skips it is caught by the reload."""
    flow = registry.load("artstation")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE,
                                                    confirm_button=None)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED
