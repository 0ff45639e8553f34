"""Runs on saved pages (`--replay`) never speak for the real account: kept apart and labelled."""

from __future__ import annotations

from pathlib import Path

from cli_support import optout, variant
from optout.results import PlatformResult, SettingResult, SettingState
from optout.watch import drift, history, notify

LABEL = "Use my data for training content creation AI models"


def linkedin(state: SettingState) -> PlatformResult:
    setting = SettingResult("generative-ai-training", LABEL, "https://www.linkedin.com/", state)
    return PlatformResult("linkedin", "LinkedIn", "default", [setting])


def test_a_replayed_run_is_shown_only_when_asked_and_then_labelled(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert optout("run", "linkedin", "--replay", variant("on"), "--yes", home=home).code == 0

    status = optout("status", home=home)
    assert status.code == 0 and status.out == ""  # the real account: nothing known yet
    assert "Nothing recorded of the real sites yet" in status.err
    assert "2 observations from runs on saved pages (--replay) not shown" in status.err
    asked = optout("status", "--replay-runs", home=home).out.splitlines()
    assert len(asked) == 2 and all(line.endswith("[replayed from saved pages]") for line in asked)

    assert optout("history", home=home).out == ""
    lines = optout("history", "--replay-runs", home=home).out.splitlines()
    assert len(lines) == 2 and all("[replayed from saved pages]" in line for line in lines)

    report = optout("report", "--format", "md", home=home)
    assert LABEL not in report.out
    assert "receipts from runs on saved pages (--replay) not shown" in report.err
    shown = optout("report", "--format", "md", "--replay-runs", home=home).out
    assert (f"## linkedin (default): {LABEL} [replayed from saved pages, not the real site]"
            in shown)


def test_a_replayed_off_never_makes_a_real_on_changed_back(optout_home: Path) -> None:
    history.record([linkedin(SettingState.TURNED_OFF)], "run", {"linkedin": 3}, "replay")
    real = linkedin(SettingState.ON)
    drift.compare(real, print, "live")
    assert real.settings[0].state is SettingState.ON  # never verified off on the real site
    replayed = linkedin(SettingState.ON)
    drift.compare(replayed, print, "replay")
    assert replayed.settings[0].state is SettingState.CHANGED_BACK  # saved pages, among their own
    assert history.latest() == [] and len(history.latest(replays=True)) == 1
    assert history.latest_summary() is None  # the scheduler's "last result" is of real runs


def test_a_notification_from_saved_pages_says_so_and_is_remembered_apart(
        optout_home: Path) -> None:
    real = notify.attention([linkedin(SettingState.CHANGED_BACK)])
    replayed = notify.attention([linkedin(SettingState.CHANGED_BACK)], replayed=True)
    assert real == f"LinkedIn (default): '{LABEL}' is on again"
    assert replayed == f"[replay] {real}"
    notify.remember(replayed, replayed)
    assert notify.not_told_lately(replayed) is None  # told once a day
    assert notify.not_told_lately(real) == real  # a replay never silences the real account
