"""DeviantArt: the shared contract on a checkbox that should stay unticked, plus the box worded
the protective way, which the flow must never untick."""

from __future__ import annotations

import pytest

from optout.engine import registry
from optout.errors import Exit
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestDeviantArt(FlowContract):
    slug = "deviantart"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "deviantart" / variant)


@pytest.mark.parametrize(("name", "ours"), [
    ("Tell AI datasets they can use my content", True),
    ("Allow AI datasets to use my deviations", True),
    ("Tell AI datasets they can\u2019t use my content", False),
    ("Tell AI datasets they can't use my content", False),
    ("Tell AI datasets they cannot use my content", False),
    ("Do not allow AI datasets to use my content", False),
])
def test_only_an_opt_in_wording_is_taken_for_the_box(name: str, ours: bool) -> None:
    """Unticking a box worded the protective way would opt the person in: it never matches."""
    control = registry.load("deviantart").setting("ai-datasets-opt-in").control
    assert bool(control.pattern().search(name)) is ours


def test_a_protective_box_is_pointed_out_never_unticked(shared_browser: SharedBrowser) -> None:
    replay = pages("protective-wording")
    result = run_variant(shared_browser, registry.load("deviantart"), replay, apply=True)
    assert [(s.id, s.state, s.action) for s in result.settings] == [
        ("ai-datasets-opt-in", SettingState.NOT_OFFERED, Action.NONE),
        ("new:tell-ai-datasets-they-can-t-use-my-content", SettingState.NEW_CONTROL,
         Action.NONE)]
    # A person is asked to look (exit 4), and the box stays ticked.
    assert result.exit_code == Exit.STILL_ON
    assert replay.toggles == []
