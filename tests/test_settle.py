"""A page is waited for once, until it has settled; a page still drawing its controls is never
read as a page without them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import Route
from test_engine import example_flow

from optout.engine.flowrun import FlowRun
from optout.flow import Find, Flow
from optout.locate import Timing
from optout.results import SettingResult, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import no_credentials, run_variant
from optout.web.browser import new_context
from optout.web.replay import Replay

PAGES = Path(__file__).parent / "pages"


class SlowData(Replay):
    """Saved pages whose data answers late, as a real server's may."""

    async def _serve(self, route: Route) -> None:
        if route.request.url.endswith("/state.json"):
            await asyncio.sleep(0.6)
        await super()._serve(route)


def read_with(shared: SharedBrowser, replay: Replay, timing: Timing,
              flow: Flow | None = None) -> list[SettingResult]:
    async def read() -> list[SettingResult]:
        context = await new_context(shared.browser)
        try:
            await replay.attach(context)
            run = FlowRun(flow or example_flow(), await context.new_page(), "contract",
                          lambda: no_credentials("example", "contract"), timing)
            results, errors = await run.read_all()
            assert errors == []
            return results
        finally:
            await context.close()
    return shared.run(read())


def test_a_switch_drawn_from_data_that_answers_late_is_read(
        shared_browser: SharedBrowser) -> None:
    """The page is not settled while its request is in flight, even on saved pages."""
    replay = SlowData.open(PAGES / "late-data")
    result = run_variant(shared_browser, example_flow(), replay, apply=False)
    assert [(s.id, s.state) for s in result.settings] == [("training", SettingState.ON)]
    assert "https://example.test/privacy/state.json" in replay.served


def test_on_a_real_page_a_missing_switch_gets_one_more_wait_before_not_offered(
        shared_browser: SharedBrowser) -> None:
    """Nothing changes for a second, then the switch is drawn: still read, not "not offered"."""
    results = read_with(shared_browser, Replay.open(PAGES / "late-render"), Timing())
    assert [(s.id, s.state) for s in results] == [("training", SettingState.ON)]


def test_a_page_that_never_draws_the_switch_is_not_offered_after_that_wait(
        shared_browser: SharedBrowser) -> None:
    flow = example_flow(neighbours=(Find("toggle", r"show my profile in search"),))
    results = read_with(shared_browser, Replay.open(PAGES / "nothing-there"),
                        Timing(absence=1.0), flow)
    assert [(s.id, s.state) for s in results] == [("training", SettingState.NOT_OFFERED)]
