"""Keeping it off: check, drift, new controls, history, the account lock, notifications."""

from __future__ import annotations

import fcntl
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cli_support import Outcome, optout, variant
from keyrings_for_tests import JsonFileKeyring
from optout.engine.runner import Job, run_flow
from optout.flows.linkedin import FLOW
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.web.replay import Replay

ON, OFF, NEIGHBOURS = variant("on"), variant("off"), variant("neighbours")
NEW_LABEL = "Use my data for AI-powered profile writing suggestions"
FORM_LABEL = FLOW.setting("data-processing-objection").label


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def one_line_error(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1, result.err
    return lines[0]


def states(result: Outcome) -> dict[str, str]:
    document = json.loads(result.out)
    return {s["id"]: s["state"] for r in document["results"] for s in r["settings"]}


def recorder(tmp_path: Path) -> tuple[str, Path]:
    """A notifier command that appends what it is sent to a file."""
    inbox = tmp_path / "inbox.txt"
    script = tmp_path / "record.py"
    script.write_text(f"import sys\nopen({str(inbox)!r}, 'a').write(sys.stdin.read())\n")
    return f"command:{sys.executable} {script}", inbox


def test_a_setting_that_came_back_on_is_changed_back(home: Path) -> None:
    assert optout("run", "linkedin", "--replay", OFF, home=home).code == 0
    result = optout("check", "linkedin", "--replay", ON, "--json", home=home)
    assert result.code == 4
    # The switch is on again, and the form page no longer shows the objection on file.
    assert states(result) == {"generative-ai-training": "changed-back",
                              "data-processing-objection": "changed-back"}
    assert "it was verified off before and is on again" in result.err  # the report, on stderr
    again = optout("check", "linkedin", "--replay", ON, home=home)
    assert "CHANGED-BACK" in again.out  # still reported until it is off again


def test_check_fix_turns_a_changed_back_setting_off(home: Path) -> None:
    optout("run", "linkedin", "--replay", OFF, home=home)
    result = optout("check", "linkedin", "--replay", ON, "--fix", "--json", home=home)
    assert result.code == 4  # the form is still to send: a check never sends one
    assert states(result) == {"generative-ai-training": "turned-off",
                              "data-processing-objection": "changed-back"}
    switch, form = json.loads(result.out)["results"][0]["settings"]
    assert switch["before"] == "changed-back"
    assert form["action"] == "none"  # only `optout run` sends it, after showing its text


def test_a_new_ai_switch_is_pointed_out_once(home: Path) -> None:
    first = optout("check", "linkedin", "--replay", NEIGHBOURS, home=home)
    assert first.code == 4
    assert "NEW-CONTROL" in first.out and NEW_LABEL in first.out
    assert "Social, economic and workplace research" not in first.out  # not about AI
    assert "a switch, on, that optout doesn't know" in first.out
    second = optout("check", "linkedin", "--replay", NEIGHBOURS, home=home)
    assert "NEW-CONTROL" not in second.out


def test_check_never_clicks_without_fix(shared_browser: SharedBrowser, home: Path) -> None:
    replay = Replay.open(ON)
    job = Job([(FLOW, "default")], None, lambda _r, _f: None, replay=replay, record=True,
              keep_sessions=False, command="check")
    result = shared_browser.run(run_flow(shared_browser.browser, FLOW, "default", job))
    assert [s.state for s in result.settings] == [SettingState.ON, SettingState.ON]
    assert replay.toggles == [] and replay.posts == []


def test_history_is_written_and_read_back(home: Path) -> None:
    optout("run", "linkedin", "--replay", ON, "--yes", home=home)
    optout("check", "linkedin", "--replay", OFF, home=home)
    rows = json.loads(optout("history", "linkedin", "--json", "--replay-runs",
                                 home=home).out)["observations"]
    assert [(r["command"], r["setting"], r["state"]) for r in rows] == [
        ("run", "generative-ai-training", "turned-off"),
        ("run", "data-processing-objection", "form-submitted"),
        ("check", "generative-ai-training", "off"),
        ("check", "data-processing-objection", "off")]
    assert json.loads(optout("history", "--since", "1h", "--json", "--replay-runs", home=home).out)[
        "observations"] == rows
    assert json.loads(optout("history", "--since", "2999-01-01", "--json",
                             home=home).out)["observations"] == []
    assert {r["source"] for r in rows} == {"replay"}
    status = optout("status", "--replay-runs", home=home)
    assert [line.split()[:4] for line in status.out.splitlines()] == [
        ["linkedin", "default", "off", "just"]] * 2
    assert all(line.endswith("[replayed from saved pages]") for line in status.out.splitlines())


@pytest.mark.parametrize(("args", "message"), [
    (["history", "--since", "last tuesday"], "--since 'last tuesday' is not a date or an age"),
    (["check"], "Name a platform to check, or use --all"),
    (["check", "linkedin", "--all"], "Name platforms or use --all, not both"),
    (["check", "linkedin", "--notify", "pigeon"], "--notify 'pigeon' is not a notifier"),
])
def test_bad_watch_input_is_one_line(home: Path, args: list[str], message: str) -> None:
    result = optout(*args, home=home)
    assert result.code == 2
    assert message in one_line_error(result)


def test_check_all_without_accounts_says_so(home: Path) -> None:
    result = optout("check", "--all", home=home)
    assert result.code == 0
    assert "No accounts to check yet" in result.err


@contextmanager
def holding_lock(home: Path, account: str) -> Iterator[None]:
    path = home / "locks" / f"linkedin-{account}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def test_a_busy_account_waits_then_says_so(home: Path) -> None:
    with holding_lock(home, "default"):
        result = optout("check", "linkedin", "--replay", ON, home=home,
                        env={"OPTOUT_LOCK_WAIT": "0.5"})
    assert result.code == 1
    assert "Another optout run is using linkedin account 'default'" in one_line_error(result)


def test_one_account_failing_does_not_stop_the_others(home: Path) -> None:
    for account in ("home", "work"):
        optout("login", "linkedin", "--account", account, "--username", "m@example.com",
               "--password-stdin", home=home, stdin="pw\n")
    with holding_lock(home, "home"):
        result = optout("check", "--all", "--replay", ON, "--json", home=home,
                        env={"OPTOUT_LOCK_WAIT": "0"})
    document = json.loads(result.out)
    by_account = {r["account"]: r for r in document["results"]}
    assert by_account["home"]["error"]["kind"] == "busy"
    assert [s["state"] for s in by_account["work"]["settings"]] == ["on", "on"]
    assert result.code == 1 | 4


def test_notifications_only_when_something_needs_attention(home: Path, tmp_path: Path) -> None:
    notifier, inbox = recorder(tmp_path)
    optout("run", "linkedin", "--replay", OFF, home=home)
    quiet = optout("check", "linkedin", "--replay", OFF, "--notify", notifier, home=home)
    assert quiet.code == 0
    assert not inbox.exists()  # all still off: nothing sent
    loud = optout("check", "linkedin", "--replay", ON, "--notify", notifier, home=home)
    assert loud.code == 4
    sent = inbox.read_text()
    assert sent.startswith("optout: AI-training settings need attention\n")
    assert ("[replay] LinkedIn (default): 'Use my data for training content creation AI "
            "models' is on again") in sent
    assert f"LinkedIn (default): '{FORM_LABEL}' is on again" in sent


def test_a_login_still_needed_is_told_once_a_day_not_at_every_check(
        home: Path, tmp_path: Path) -> None:
    notifier, inbox = recorder(tmp_path)

    def check() -> None:  # signed out, no terminal: a person has to sign in
        assert optout("check", "linkedin", "--replay", variant("login"), "--notify", notifier,
                      home=home).code == 16

    check()
    check()
    told = "[replay] LinkedIn (default): a login is needed"  # saved pages, and it says so
    assert inbox.read_text().count(told) == 1
    # A day later it is told again.
    remembered = home / "notified-replay.json"  # remembered apart from the real sites
    assert not (home / "notified.json").exists()
    day_ago = "2000-01-01T00:00:00+00:00"
    remembered.write_text(json.dumps(dict.fromkeys(json.loads(remembered.read_text()), day_ago)))
    check()
    assert inbox.read_text().count(told) == 2


def test_a_failing_notifier_never_fails_the_check(home: Path) -> None:
    optout("run", "linkedin", "--replay", OFF, home=home)
    result = optout("check", "linkedin", "--replay", ON, "--notify", "command:false", home=home)
    assert result.code == 4  # the check's own answer, untouched
    assert "note: the command notification failed" in result.err
    assert not (home / "notified.json").exists()  # not told, so the next check tries again


def test_a_damaged_history_is_kept_and_named(home: Path) -> None:
    home.mkdir(parents=True)
    database = home / "history.sqlite3"
    database.write_bytes(b"this is not a database, but it is the person's file" * 100)
    before = database.read_bytes()
    status = optout("status", home=home)
    assert status.code == 1
    assert f"The history database {database} can't be used" in one_line_error(status)
    run = optout("run", "linkedin", "--replay", ON, "--yes", "--json", home=home)
    # The switch still gets turned off; the form's state is unknown, and that is never exit 0.
    assert states(run)["generative-ai-training"] == "turned-off"
    # Without a history it can't tell whether the form went out before: it never risks twice.
    assert "not sent: can't tell whether it was sent before" in run.err
    assert states(run)["data-processing-objection"] == "unknown"
    assert run.code == 1 == json.loads(run.out)["exit_code"]  # optout's own state unreadable
    assert "(this result was not recorded)" in run.err
    assert database.read_bytes() == before


def test_an_unattended_check_never_types_a_password(home: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(home.parent / "test-keyring.json"))
    keyring_file = JsonFileKeyring()
    keyring_file.set_password("optout:linkedin:default", "username", "member@example.com")
    keyring_file.set_password("optout:linkedin:default", "password", "correct horse")
    result = optout("check", "linkedin", "--replay", variant("login"), home=home)
    assert result.code == 16
    assert "login needed" in result.out
    assert "(no saved session that still works)" in one_line_error(result)
    assert not (home / "logins-replay.json").exists()  # no sign-in was even attempted
