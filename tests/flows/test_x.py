"""X: the shared contract, plus X's passing "Something went wrong. Try reloading." page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from optout.errors import Exit, FlowBroken, PageUnavailable
from optout.flow import Flow
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, run_variant


class TestX(FlowContract):
    slug = "x"

    @pytest.mark.parametrize("label", [
        # 2026, from X's i18n bundle, and 2024, as the help articles quoted it.
        "Allow your public data as well as your interactions, inputs, and results with Grok and "
        "xAI to be used for training and fine-tuning",
        "Allow your posts as well as your interactions, inputs, and results with Grok to be used "
        "for training and fine-tuning.",
        "Allow your posts as well as your interactions,  inputs and results\nwith Grok",
    ])
    def test_both_known_labels_match(self, flow: Flow, label: str) -> None:
        assert flow.settings[0].control.pattern().search(label)

    @pytest.mark.parametrize("label", ["Allow X to personalize your experience with Grok",
                                       "Allow Grok to remember your conversation history"])
    def test_the_neighbours_do_not_match(self, flow: Flow, label: str) -> None:
        assert not flow.settings[0].control.pattern().search(label)

    def test_something_went_wrong_is_reloaded_once(self, shared_browser: SharedBrowser,
                                                  flow: Flow) -> None:
        replay = self.replay("something-went-wrong")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert result.error is None
        assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
        assert [s.before for s in result.settings] == [SettingState.ON]
        assert result.exit_code == Exit.OK
        assert [t.on for t in replay.toggles] == [False]
        # Exactly one load more than a run on a page that never fails: the one reload.
        usual = self.replay("on")
        run_variant(shared_browser, flow, usual, apply=True)
        url = flow.settings[0].url
        assert replay.served.count(url) == usual.served.count(url) + 1

    def test_without_the_reload_the_error_page_would_break_the_flow(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        # The reload comes from the flow's transient_error; without it the same page is a
        # missing section, which would tell the person the site changed.
        result = run_variant(shared_browser, replace(flow, transient_error=""),
                             self.replay("something-went-wrong"), apply=True)
        assert isinstance(result.error, FlowBroken)

    def test_something_went_wrong_twice_is_reported_not_retried(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("something-went-wrong-again")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert isinstance(result.error, PageUnavailable)
        assert "showed an error again after a reload" in result.error.message
        assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
        assert not result.exit_code & Exit.FLOW_BROKEN
        assert replay.served.count(flow.settings[0].url) == 2
        assert replay.toggles == []
