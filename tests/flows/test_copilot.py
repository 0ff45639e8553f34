"""Microsoft Copilot: the shared contract, plus two switches on one page read and set apart."""

from __future__ import annotations

from optout import registry
from optout.errors import Exit
from optout.replay import Replay
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant


class TestCopilot(FlowContract):
    slug = "copilot"


def test_only_the_switch_still_on_is_clicked(shared_browser: SharedBrowser) -> None:
    """Text training already off by hand, voice on: only voice is clicked, both end up off."""
    flow = registry.load("copilot")
    replay = Replay.open(fixtures_root() / "copilot" / "voice-only-on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    states = {s.id: s.state for s in result.settings}
    assert states == {"model-training-text": SettingState.OFF,
                      "model-training-voice": SettingState.TURNED_OFF}
    actions = {s.id: s.action for s in result.settings}
    assert actions["model-training-text"] is Action.NONE
    assert [(t.control, t.on) for t in replay.toggles] == [("model-training-voice", False)]
    assert result.exit_code == Exit.OK
