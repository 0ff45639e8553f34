"""Adobe: the shared contract on a toggle that saves itself, plus which control is clicked and
what a business profile is told."""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay, Toggle


class TestAdobe(FlowContract):
    slug = "adobe"


PAGE = "account.adobe.com/privacy"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "adobe" / variant)


def test_only_content_analysis_is_clicked(shared_browser: SharedBrowser) -> None:
    """The desktop-app usage switch and the marketing-email checkbox beside it stay on."""
    replay = pages("neighbours")
    result = run_variant(shared_browser, registry.load("adobe"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("content-analysis", SettingState.ON, SettingState.TURNED_OFF)]
    assert replay.toggles == [Toggle(PAGE, "content-analysis", False)]
    assert result.exit_code == Exit.OK


def test_a_business_profile_is_told_who_has_it(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("adobe"), pages("not-offered"),
                         apply=True)
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.NOT_OFFERED, "Not offered to this account: offered only to personal "
                                   "Adobe profiles (business profiles are excluded).")]
    assert result.exit_code == Exit.OK
