"""YouTube (creators): the shared contract, the Save button, and a channel-less account.

The box sits in Studio's Settings dialog, on the Channel page's "Advanced settings" tab, and a
change is stored only by the dialog's Save button (help 15509944); the `save-required` pages keep
a change only when Save is pressed, so they show that the flow really presses it.
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

PAGE = "studio.youtube.com/channel/UC/settings/channel"


class TestYouTube(FlowContract):
    slug = "youtube"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "youtube" / variant)


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("save-required")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required pages really need Save: a flow that skips it is caught by the reload."""
    flow = registry.load("youtube")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED


def test_a_google_account_without_a_channel_is_told_why(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("not-offered")
    result = run_variant(shared_browser, flow, replay, apply=True)
    [setting] = result.settings
    assert setting.state == SettingState.NOT_OFFERED
    assert "YouTube channel" in setting.reason
    assert "How you'll appear" in setting.evidence
    assert replay.toggles == []


def test_only_the_training_box_is_unticked(shared_browser: SharedBrowser) -> None:
    flow = registry.load("youtube")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert [(t.page, t.control, t.on) for t in replay.toggles] == [
        (PAGE, "third-party-training-checkbox", False)]


def test_a_ticked_box_says_which_companies_it_allows(shared_browser: SharedBrowser) -> None:
    replay = Replay.open(fixtures_root() / "youtube" / "on")
    result = run_variant(shared_browser, registry.load("youtube"), replay, apply=False)
    assert [(s.state, s.detail) for s in result.settings] == [
        (SettingState.ON, "Third-party companies: Anthropic, OpenAI")]
