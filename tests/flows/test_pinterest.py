"""Pinterest: the shared contract, plus its Save bar and its sign-in page.

The flow declares that a change is stored only by the page's Save button (a guess from the
research catalogue); the `save-required` pages keep a change only when Save is pressed, so they
show whether the flow really presses it.
"""

from __future__ import annotations

from dataclasses import replace

from optout import registry
from optout.credentials import Credentials
from optout.errors import Exit
from optout.flow import Confirm, Flow
from optout.replay import Replay
from optout.results import SettingState
from optout.runner import Job, run_flow
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant


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
    flow: Flow = registry.load("pinterest")
    replay = pages("login")
    typed: list[str] = []

    def stored(platform: str, account: str) -> Credentials:
        typed.append(f"{platform}/{account}")
        return Credentials("pinner@example.com", "correct horse")

    job = Job([(flow, "default")], lambda _r: True, lambda _r, _f: None, replay=replay,
              record=False, credentials=stored, keep_sessions=False)
    result = shared_browser.run(run_flow(shared_browser.browser, flow, "default", job))
    assert result.error is None, result.error
    assert typed == ["pinterest/default"]
    assert "https://www.pinterest.com/login/" in {u.split("?")[0] for u in replay.served}
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
