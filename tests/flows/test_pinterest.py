"""Pinterest: the shared contract, plus its Save bar and its sign-in page.

The flow declares that a change is stored only by the page's Save button (a guess from the
research catalogue); the `save-required` pages keep a change only when Save is pressed, so they
show whether the flow really presses it.
"""

from __future__ import annotations

from dataclasses import replace

from optout.engine import registry
from optout.errors import Exit
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestPinterest(FlowContract):
    slug = "pinterest"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "pinterest" / variant)


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    flow = registry.load("pinterest")
    result = run_variant(shared_browser, flow, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required pages really need Save: a flow that skips it is caught by the reload."""
    flow = registry.load("pinterest")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED


def test_signs_in_on_the_login_page_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "pinterest", "login", "pinner@example.com")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["pinterest/default"]
    assert "https://www.pinterest.com/login/" in {u.split("?")[0] for u in replay.served}
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
