"""The history database: its migrations keep old rows, and sent forms are told apart by source."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from optout.engine import registry
from optout.engine.runner import Job, run_flow
from optout.results import Action, PlatformResult, SettingResult, SettingState
from optout.testing.browser import SharedBrowser, run_alone
from optout.testing.contract import fixtures_root
from optout.watch import history
from optout.web.replay import Replay

VERSION_1 = history.MIGRATIONS[0]


def form_result(state: SettingState, action: Action, reason: str) -> PlatformResult:
    setting = SettingResult("ai-objection", "Object", "https://www.facebook.com/help/contact/1",
                            state, action, reason=reason)
    return PlatformResult("facebook", "Facebook", "me", [setting])


def test_a_version_1_history_is_migrated_and_keeps_its_rows(optout_home: Path) -> None:
    where = history.path()
    db = sqlite3.connect(where)
    db.executescript(f"BEGIN; {VERSION_1}; PRAGMA user_version = 1; COMMIT;")
    db.execute("INSERT INTO observations (run, at, command, platform, account, setting, label, "
               "state, before, action, reason, flow_version) VALUES ('r', '2026-01-02T00:00:00', "
               "'run', 'linkedin', 'me', 'ai', 'AI', 'turned-off', 'on', 'turn-off', '', 1)")
    db.commit()
    db.close()
    assert history.was_verified_off("linkedin", "me", "ai")  # opening it migrates it
    with history.connect() as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)
        assert db.execute("SELECT setting, source FROM observations").fetchall() == [
            ("ai", "live")]


def test_a_form_counts_as_sent_only_once_confirmed_and_from_the_same_source(
        optout_home: Path) -> None:
    assert history.form_sent("facebook", "me", "ai-objection") is None
    # Sent but never confirmed: not a submission to remember.
    history.record([form_result(SettingState.DID_NOT_PERSIST, Action.SEND_FORM, "no answer")],
                   "run", {"facebook": 1})
    # Confirmed on saved pages (--replay): never stands in for the real site.
    history.record([form_result(SettingState.FORM_SUBMITTED, Action.SEND_FORM,
                                "the page said: thanks")], "run", {"facebook": 1}, "replay")
    assert history.form_sent("facebook", "me", "ai-objection") is None
    history.record([form_result(SettingState.FORM_SUBMITTED, Action.SEND_FORM,
                                "the page said: received")], "run", {"facebook": 1})
    # A later run's "pending" observation does not replace the first proof.
    history.record([form_result(SettingState.FORM_SUBMITTED, Action.NONE, "sent on ...")],
                   "check", {"facebook": 1})
    sent = history.form_sent("facebook", "me", "ai-objection")
    assert sent is not None and sent[1] == "the page said: received"
    assert history.form_sent("facebook", "other", "ai-objection") is None
    assert history.form_sent("facebook", "me", "ai-objection", "replay") is not None


def test_a_job_without_history_still_never_sends_a_form_twice(
        shared_browser: SharedBrowser) -> None:
    """The demo keeps no history: the job itself remembers what it sent."""
    flow = registry.load("facebook")
    replay = Replay.open(fixtures_root() / "facebook" / "on")
    job = Job([(flow, "demo")], lambda _r: True, lambda _r, _f: None, replay=replay,
              record=False, keep_sessions=False)
    first = shared_browser.run(run_flow(shared_browser.browser, flow, "demo", job))
    again = shared_browser.run(run_flow(shared_browser.browser, flow, "demo", job))
    assert [s.state for s in first.settings] == [SettingState.FORM_SUBMITTED]
    assert [(s.state, s.action) for s in again.settings] == [
        (SettingState.FORM_SUBMITTED, Action.NONE)]
    assert "not sent again" in again.settings[0].reason
    assert len(replay.posts) == 1
    assert not history.path().exists()  # nothing was written


def test_a_run_records_its_history_before_it_lets_the_account_go(
        optout_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import asynccontextmanager

    from optout.engine import runner

    flow = registry.load("linkedin")
    recorded_at_release: list[int] = []

    @asynccontextmanager
    async def account_lock(_platform: str, _account: str) -> AsyncIterator[None]:
        yield
        recorded_at_release.append(len(history.timeline()))  # what a waiting run would read

    async def cycle(_browser: object, _flow: object, _account: str, _job: Job,
                    result: PlatformResult) -> None:
        setting = flow.settings[0]
        result.settings = [SettingResult(setting.id, setting.label, setting.url,
                                         SettingState.OFF)]

    monkeypatch.setattr(runner, "account_lock", account_lock)
    monkeypatch.setattr(runner, "_cycle", cycle)
    job = Job([(flow, "default")], None, lambda _result, _final: None)
    run_alone(runner.run_flow(None, flow, "default", job))  # type: ignore[arg-type]
    assert recorded_at_release == [1]
