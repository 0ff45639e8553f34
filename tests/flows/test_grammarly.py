"""Grammarly: the shared contract on a toggle that saves itself, plus which control is clicked
and what an account without the toggle is told."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay, Toggle


class TestGrammarly(FlowContract):
    slug = "grammarly"


PAGE = "account.grammarly.com/security/privacy"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "grammarly" / variant)


def test_only_the_training_toggle_is_clicked(shared_browser: SharedBrowser) -> None:
    """Two-step verification and the marketing-email checkbox on the same page stay on."""
    replay = pages("neighbours")
    result = run_variant(shared_browser, registry.load("grammarly"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("product-improvement-training", SettingState.ON, SettingState.TURNED_OFF)]
    assert replay.toggles == [Toggle(PAGE, "product-improvement-training", False)]
    assert result.exit_code == Exit.OK


def test_an_account_without_the_toggle_is_told_where_it_lives(
        shared_browser: SharedBrowser) -> None:
    """Enterprise members have nothing to switch; single-user Pro has it on another page."""
    result = run_variant(shared_browser, registry.load("grammarly"), pages("not-offered"),
                         apply=True)
    [setting] = result.settings
    assert setting.state is SettingState.NOT_OFFERED
    assert setting.reason.startswith("Not offered to this account: offered only to individual "
                                     "Free and Premium accounts")
    assert "account.grammarly.com/admin/data_settings" in setting.reason
    assert result.exit_code == Exit.OK
