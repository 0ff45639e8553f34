"""Claude: the shared contract, both known labels, and the 2025 consumer-terms dialog."""

from __future__ import annotations

import pytest

from optout.engine import registry
from optout.errors import Exit, PersonNeeded
from optout.flow import Flow
from optout.results import Action, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay

PAGE = "claude.ai/settings/data-privacy-controls"


class TestClaude(FlowContract):
    slug = "claude"

    @pytest.mark.parametrize("label", ["Help Improve Claude", "Help improve Claude",
                                       "Help improve our AI models",
                                       "Help  improve\nour AI models"])
    def test_both_known_labels_match(self, flow: Flow, label: str) -> None:
        assert flow.settings[0].control.pattern().search(label)

    def test_other_switches_do_not_match(self, flow: Flow) -> None:
        pattern = flow.settings[0].control.pattern()
        assert not pattern.search("Location metadata")
        assert not pattern.search("Improve the model for everyone")

    def test_consumer_terms_are_accepted_only_with_training_off(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("consumer-terms")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert result.error is None
        # The dialog's switch was clicked once, to off, while the dialog was open (a hidden
        # switch can't be clicked); the page applies the dialog's choice only on Accept, so the
        # setting reads off: had Accept come first, it would read on.
        assert [(t.page, t.on) for t in replay.toggles] == [(PAGE, False)]
        [setting] = result.settings
        assert (setting.before, setting.state, setting.action) == (
            SettingState.OFF, SettingState.OFF, Action.NONE)
        assert result.exit_code == 0

    def test_consumer_terms_already_off_are_just_accepted(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("consumer-terms")
        run_variant(shared_browser, flow, replay, apply=True)
        # A new session shows the dialog again, its switch now off as the server keeps it.
        again = run_variant(shared_browser, flow, replay, apply=True)
        assert again.error is None
        assert [s.state for s in again.settings] == [SettingState.OFF]
        assert len(replay.toggles) == 1


def test_a_dry_run_leaves_the_consumer_terms_unanswered(shared_browser: SharedBrowser) -> None:
    flow = registry.load("claude")
    replay = Replay.open(fixtures_root() / "claude" / "consumer-terms")
    result = run_variant(shared_browser, flow, replay, apply=False)
    assert isinstance(result.error, PersonNeeded)
    assert "leaves it unanswered" in result.error.message
    assert "accepts the updated terms" in (result.error.hint or "")
    assert result.exit_code & Exit.PERSON_NEEDED
    assert replay.toggles == []  # not even the dialog's own switch


def test_a_run_says_that_it_answered_the_consumer_terms(shared_browser: SharedBrowser) -> None:
    flow = registry.load("claude")
    replay = Replay.open(fixtures_root() / "claude" / "consumer-terms")
    notes: list[str] = []
    run_variant(shared_browser, flow, replay, apply=True, note=notes.append)
    assert notes == ["Claude: its updated consumer terms were waiting: optout switched their "
                     "training switch off and accepted them, the only way to the settings."]
