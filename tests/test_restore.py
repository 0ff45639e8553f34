"""`optout restore`: puts back what optout changed (verified after a reload), and only that."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import optout, variant
from optout.engine import registry
from optout.engine.runner import Job, run_flow
from optout.errors import UsageError
from optout.evidence import restore as undo
from optout.results import Action, PlatformResult, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import fixtures_root, no_credentials, run_variant
from optout.watch import history
from optout.web.replay import Replay


def restore_run(shared: SharedBrowser, slug: str, replay: Replay,
                only: str | None = None) -> PlatformResult:
    flow = registry.load(slug)
    inverted = undo.plan(flow, history.changed_by_optout(slug, "contract", "replay"), only)
    job = Job([(inverted, "contract")], lambda _r: True, lambda _r, _f: None, replay=replay,
              credentials=no_credentials, keep_sessions=False, command="restore",
              present=undo.present)
    return shared.run(run_flow(shared.browser, inverted, "contract", job))


def test_a_setting_optout_turned_off_is_put_back_and_verified(
        shared_browser: SharedBrowser) -> None:
    replay = Replay.open(fixtures_root() / "x" / "on")
    first = run_variant(shared_browser, registry.load("x"), replay, apply=True)
    assert [s.state for s in first.settings] == [SettingState.TURNED_OFF] * 2
    assert history.changed_by_optout("x", "contract", "replay").keys() == {
        "grok-training", "business-partners"}
    result = restore_run(shared_browser, "x", replay)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.OFF, SettingState.RESTORED)] * 2
    # Off by the run, back on by the restore.
    assert [t.on for t in replay.toggles] == [False, False, True, True]
    assert undo.exit_code(result) == 0
    # Put back, so nothing is left to restore, and a later check sees no "changed back".
    assert history.changed_by_optout("x", "contract", "replay") == {}
    assert not history.was_verified_off("x", "contract", "grok-training")


def test_a_dry_run_says_what_would_be_put_back(shared_browser: SharedBrowser) -> None:
    replay = Replay.open(fixtures_root() / "x" / "on")
    run_variant(shared_browser, registry.load("x"), replay, apply=True)
    flow = registry.load("x")
    inverted = undo.plan(flow, history.changed_by_optout("x", "contract", "replay"), None)
    shown: list[str] = []
    job = Job([(inverted, "contract")], None,
              lambda r, final: shown.extend(undo.lines(r, final)), replay=replay,
              credentials=no_credentials, keep_sessions=False, command="restore",
              present=undo.present)
    result = shared_browser.run(run_flow(shared_browser.browser, inverted, "contract", job))
    assert [(s.state, s.action) for s in result.settings] == [
        (SettingState.OFF, Action.TURN_OFF)] * 2
    assert "would be put back: training on, as before optout" in "\n".join(shown)
    assert len(replay.toggles) == 2  # only the run's clicks
    assert undo.exit_code(result) == 4


def test_a_setting_optout_did_not_change_is_refused() -> None:
    flow = registry.load("copilot")
    changed = {"model-training-text": "2026-11-01T00:00:00+00:00"}
    with pytest.raises(UsageError, match="optout did not change it on this account"):
        undo.plan(flow, changed, "model-training-voice")
    with pytest.raises(UsageError, match="Copilot has no setting 'grok'"):
        undo.plan(flow, changed, "grok")
    only = undo.plan(flow, changed, None)
    assert [(s.id, s.desired) for s in only.settings] == [("model-training-text", "on")]


def test_what_optout_can_t_put_back_is_said_with_the_way_by_hand() -> None:
    flow = registry.load("facebook")
    with pytest.raises(UsageError, match="can't be put back by optout") as caught:
        undo.plan(flow, {"ai-objection": "2026-11-01T00:00:00+00:00"}, None)
    assert "Do it by hand:" in (caught.value.hint or "")


def test_the_command_with_nothing_changed_is_one_line(tmp_path: Path) -> None:
    result = optout("restore", "x", "--replay", variant("on", "x"), "--yes",
                    home=tmp_path / "home")
    assert result.code == 2
    assert "optout has changed nothing on X for this account" in result.err
    assert len(result.err.strip().splitlines()) == 1
