"""A flow's facts have an age: past it a run warns, and --strict-freshness only reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from optout.engine import registry
from optout.engine.freshness import stale
from optout.errors import UsageError
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import fixtures_root, run_variant
from optout.web.replay import Replay

TODAY = date(2026, 11, 23)


def test_fresh_facts_say_nothing_and_old_ones_say_how_old() -> None:
    flow = registry.load("x")
    assert stale(replace(flow, verified=TODAY - timedelta(days=180)), TODAY) == ""
    warning = stale(replace(flow, verified=date(2026, 1, 1)), TODAY)
    assert warning == ("its facts were last verified on 2026-01-01 (326 days ago, more than "
                       "180); the site may have changed since")


def test_the_age_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    flow = replace(registry.load("x"), verified=TODAY - timedelta(days=40))
    monkeypatch.setenv("OPTOUT_MAX_FLOW_AGE", "30")
    assert "40 days ago, more than 30" in stale(flow, TODAY)
    monkeypatch.setenv("OPTOUT_MAX_FLOW_AGE", "a month")
    with pytest.raises(UsageError, match="not a number of days"):
        stale(flow, TODAY)


@pytest.mark.parametrize("strict", [False, True])
def test_an_old_flow_warns_and_strict_freshness_changes_nothing(
        shared_browser: SharedBrowser, strict: bool) -> None:
    old = replace(registry.load("x"), verified=date(2024, 1, 1))
    replay = Replay.open(fixtures_root() / "x" / "on")
    notes: list[str] = []
    result = run_variant(shared_browser, old, replay, apply=True, note=notes.append,
                         strict_freshness=strict)
    assert any(n.startswith("X: its facts were last verified on 2024-01-01") for n in notes)
    if strict:
        assert any(n.endswith("--strict-freshness: nothing is changed") for n in notes)
        assert [s.state for s in result.settings] == [SettingState.ON] * 2
        assert replay.toggles == []
    else:
        assert [s.state for s in result.settings] == [SettingState.TURNED_OFF] * 2
