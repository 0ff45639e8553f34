"""Perplexity: the shared contract, plus the switch found under its FAQ name too."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestPerplexity(FlowContract):
    slug = "perplexity"


def test_switch_labelled_with_the_faq_name(shared_browser: SharedBrowser) -> None:
    """The FAQ calls it "AI Data Usage": a page relabelled so is read and turned off the same."""
    flow = registry.load("perplexity")
    replay = Replay.open(fixtures_root() / "perplexity" / "faq-wording")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("ai-data-retention", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("ai-data-retention", False)]
    assert result.exit_code == Exit.OK
