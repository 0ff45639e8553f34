"""Mistral Vibe (Le Chat): the shared contract, plus what the flow knows of its neighbours."""

from __future__ import annotations

from optout.engine import registry
from optout.engine.newcontrols import unknown_ai_controls
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay


class TestMistral(FlowContract):
    slug = "mistral"


def test_the_feedback_switch_is_left_alone_not_reported(shared_browser: SharedBrowser) -> None:
    """"Model response feedback" speaks of models but is a product feature: never a new control,
    never clicked."""
    flow = registry.load("mistral")
    replay = Replay.open(fixtures_root() / "mistral" / "neighbours")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("model-training", SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("model-training", False)]


def test_the_apps_and_the_webs_labels_are_the_same_control() -> None:
    flow = registry.load("mistral")
    snapshot = "\n".join([
        '- switch "Allow your interactions to be used to train our models" [checked]',
        '- checkbox "Enable data sharing" [checked]',
        '- switch "Model response feedback" [checked]',
    ])
    assert unknown_ai_controls(snapshot, list(flow.settings), flow.leaves_alone) == []
