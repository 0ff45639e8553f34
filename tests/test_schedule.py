"""`optout schedule`: systemd, cron, launchd and Task Scheduler entries, against fake tools.

The fake `systemctl`, `crontab`, `launchctl` and `schtasks` are the only programs on PATH: they
record every call and keep their state under the test's folder, so no real scheduler is touched.
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import Outcome
from optout.cli import schedule as cli_schedule
from optout.errors import UsageError
from optout.watch import history, schedule, schedule_desktop

FAKE_TOOL = '''#!{python}
import json, os, sys
from pathlib import Path

def fail(message, code=1):
    print(message, file=sys.stderr)
    sys.exit(code)

state = Path({state!r})
name, args = Path(sys.argv[0]).name, sys.argv[1:]
stdin = sys.stdin.read() if name == "crontab" and args == ["-"] else None
with open(state / "calls.jsonl", "a") as log:
    log.write(json.dumps({{"argv": [name, *args], "stdin": stdin}}) + "\\n")
config = json.loads((state / "config.json").read_text())
if [name, *args][:len(config["fail"])] == config["fail"]:
    fail("Failed: Access denied")
wanted = Path(os.environ["XDG_CONFIG_HOME"], "systemd/user/timers.target.wants/optout-check.timer")
table, loaded, task = state / "crontab", state / "launchd-loaded", state / "task.json"
verb = (name, *args[:2]) if name == "systemctl" else (name, args[0])
if verb == ("systemctl", "--user", "show-environment") and not config["user_manager"]:
    fail("Failed to connect to bus")
if verb == ("systemctl", "--user", "enable"):
    if not (wanted.parent.parent / args[3]).exists():
        fail(f"Unit file {{args[3]}} does not exist.")
    wanted.parent.mkdir(parents=True, exist_ok=True)
    wanted.unlink(missing_ok=True)
    wanted.symlink_to(wanted.parent.parent / args[3])
if verb == ("systemctl", "--user", "disable"):
    wanted.unlink(missing_ok=True)
if verb == ("systemctl", "--user", "list-timers"):
    print("NEXT                        LEFT    LAST PASSED UNIT               ACTIVATES\\n"
          "Tue 2026-11-24 06:04:11 UTC 3h left n/a  n/a    optout-check.timer optout-check.service"
          "\\n\\n1 timers listed.")
if verb == ("crontab", "-l"):
    print(table.read_text(), end="") if table.exists() else fail("no crontab for tester")
if verb == ("crontab", "-"):
    table.write_text(stdin)
if verb == ("launchctl", "bootout"):
    loaded.unlink() if loaded.exists() else fail("Boot-out failed: 3: No such process", 3)
if verb == ("launchctl", "bootstrap"):
    loaded.write_text(args[2])
if verb == ("schtasks", "/Create"):
    task.write_text(json.dumps(args))
if verb in (("schtasks", "/Delete"), ("schtasks", "/Query")) and not task.exists():
    fail("ERROR: The system cannot find the file specified.")
if verb == ("schtasks", "/Delete"):
    task.unlink()
if verb == ("schtasks", "/Query"):
    created = json.loads(task.read_text())
    print("TaskName:      \\\\optout-check\\nNext Run Time: 24/11/2026 09:17:00\\n"
          f"Schedule Type: {{created[created.index('/SC') + 1].title()}}\\n"
          f"Task To Run:   {{created[created.index('/TR') + 1]}}")
'''
REAL_PATH = os.environ.get("PATH", "")  # the fixture replaces PATH with the fake tools
NOTIFY = 'command:notify-send "optout at 100%" $USER \\ it\'s'


class Fakes:
    """The fake tools' folder and state, and the home folders the scheduled job sees."""

    def __init__(self, root: Path) -> None:
        self.root, self.bin, self.state = root, root / "bin", root / "state"
        self.home, self.config_home = root / "home", root / "config"
        self.optout_home = root / "optout-home"
        self.units = self.config_home / "systemd" / "user"

    def configure(self, user_manager: bool = True, fail: list[str] | None = None) -> None:
        (self.state / "config.json").write_text(
            json.dumps({"user_manager": user_manager, "fail": fail or ["never"]}))

    def calls(self, tool: str | None = None) -> list[list[str]]:
        log = self.state / "calls.jsonl"
        lines = log.read_text().splitlines() if log.exists() else []
        found = [json.loads(line)["argv"] for line in lines]
        return [argv for argv in found if tool is None or argv[0] == tool]

    def crontab(self) -> list[str]:
        table = self.state / "crontab"
        return table.read_text().splitlines() if table.exists() else []

    def env(self) -> dict[str, str]:
        return {"PATH": str(self.bin), "HOME": str(self.home),
                "XDG_CONFIG_HOME": str(self.config_home)}


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    found = Fakes(tmp_path)
    for folder in (found.bin, found.state, found.home):
        folder.mkdir()
    for tool in ("systemctl", "crontab", "launchctl", "schtasks"):
        script = found.bin / tool
        script.write_text(FAKE_TOOL.format(python=sys.executable, state=str(found.state)))
        script.chmod(0o755)
    found.configure()
    for key, value in found.env().items():
        monkeypatch.setenv(key, value)
    for key in ("OPTOUT_HOME", "DBUS_SESSION_BUS_ADDRESS"):
        monkeypatch.delenv(key, raising=False)
    return found


def cli(fakes: Fakes, *args: str) -> Outcome:
    """`optout ARGS` in a subprocess; the schedule commands are registered either way."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPTOUT_", "DBUS_", "XDG_"))}
    env |= fakes.env() | {"OPTOUT_HOME": str(fakes.optout_home)}
    runner = "import optout.cli.main, optout.cli.schedule, sys; sys.exit(optout.cli.main.main())"
    done = subprocess.run([sys.executable, "-c", runner, *args], env=env, cwd=fakes.root,
                          capture_output=True, text=True, timeout=60, check=False)
    return Outcome(done.returncode, done.stdout, done.stderr)


def one_line_error(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def unit_value(path: Path, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in path.read_text().splitlines()
            if line.startswith(f"{key}=")]


def exec_start_argv(service: Path) -> list[str]:
    """The argv systemd runs: shell-like quotes, then %X specifiers and $VAR variables."""

    def expanded(found: re.Match[str]) -> str:
        escape = found.group(0) in ("%%", "$$")
        return found.group(0)[1] if escape else f"<systemd expands {found.group(0)}>"

    words = shlex.split(unit_value(service, "ExecStart")[0])
    return [re.sub(r"%.|\$.", expanded, word) for word in words]


def as_cron_runs(line: str) -> str:
    """The shell command cron makes of a crontab line: `\\%` is `%`, a bare `%` ends it."""
    return re.split(r"(?<!\\)%", line.split(" ", 5)[5])[0].replace("\\%", "%")


def expected_argv(*options: str) -> list[str]:
    return [os.path.abspath(sys.executable), "-m", "optout", "check", "--all", *options]


@pytest.mark.parametrize(("text", "hours", "described"), [
    ("daily", 24, "daily"), ("weekly", 168, "weekly"), ("1h", 1, "every hour"),
    ("6h", 6, "every 6 hours"), ("24h", 24, "every 24 hours"), (" 12H ", 12, "every 12 hours"),
])
def test_every_accepts_daily_weekly_and_whole_hours(text: str, hours: int,
                                                     described: str) -> None:
    every = schedule.parse_every(text)
    assert (every.hours, every.describe()) == (hours, described)


@pytest.mark.parametrize("text", ["0h", "25h", "6", "hourly", "1.5h", "-1h", "", "h"])
def test_every_refuses_anything_else(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        schedule.parse_every(text)
    assert refused.value.one_line() == (
        f"--every '{text}' is not a schedule optout knows. "
        "Use daily, weekly, or Nh with N from 1 to 24 (e.g. 6h).")


@pytest.mark.parametrize("text", ["25h", "-1h"])
def test_a_bad_every_is_one_usage_line(fakes: Fakes, text: str) -> None:
    result = cli(fakes, "schedule", "install", "--every", text)
    assert result.code == 2
    assert one_line_error(result) == (
        f"optout: --every '{text}' is not a schedule optout knows. "
        "Use daily, weekly, or Nh with N from 1 to 24 (e.g. 6h).")
    assert fakes.calls() == []


def test_a_mistyped_notifier_is_refused_before_anything_is_installed(fakes: Fakes) -> None:
    result = cli(fakes, "schedule", "install", "--notify", "pager")
    assert result.code == 2
    assert "--notify 'pager' is not a notifier" in one_line_error(result)
    assert fakes.calls() == []


def test_systemd_install_writes_a_timer_and_a_oneshot_service(fakes: Fakes) -> None:
    result = cli(fakes, "schedule", "install", "--every", "6h", "--fix",
                 "--notify", "desktop", "--notify", NOTIFY)
    assert result.code == 0, result.err
    assert "Installed the systemd user timer optout-check.timer (every 6 hours)" in result.err
    assert "It runs: " in result.err and "check --all --fix --notify desktop" in result.err
    service, timer = fakes.units / "optout-check.service", fakes.units / "optout-check.timer"
    assert unit_value(service, "Type") == ["oneshot"]
    assert {stat.S_IMODE(unit.stat().st_mode) for unit in (service, timer)} == {0o600}
    assert exec_start_argv(service) == expected_argv("--fix", "--notify", "desktop",
                                                     "--notify", NOTIFY)
    assert shlex.split(unit_value(service, "Environment")[0]) == [
        f"OPTOUT_HOME={fakes.optout_home}"]
    assert unit_value(timer, "OnCalendar") == ["*-*-* 00/6:00:00"]
    assert unit_value(timer, "Persistent") == ["true"]
    assert unit_value(timer, "RandomizedDelaySec") == ["10min"]
    assert fakes.calls("systemctl")[1:] == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "optout-check.timer"]]
    assert ["crontab", "-"] not in fakes.calls("crontab")
    analyze = shutil.which("systemd-analyze", path=REAL_PATH)
    if analyze:
        verified = subprocess.run([analyze, "verify", str(service), str(timer)],
                                  capture_output=True, text=True, check=False)
        assert (verified.returncode, verified.stdout + verified.stderr) == (0, "")


def test_systemd_install_twice_keeps_one_timer_and_status_shows_it(fakes: Fakes) -> None:
    assert cli(fakes, "schedule", "install", "--fix").code == 0
    assert unit_value(fakes.units / "optout-check.timer", "OnCalendar") == ["daily"]
    assert cli(fakes, "schedule", "install", "--every", "12h").code == 0
    assert sorted(p.name for p in fakes.units.iterdir()) == [
        "optout-check.service", "optout-check.timer", "timers.target.wants"]
    result = cli(fakes, "schedule", "status")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Scheduled with: systemd user timer {fakes.units / 'optout-check.timer'}",
        "Schedule: every 12 hours",
        f"Runs: {shlex.join(expected_argv())}",
        "Next run: Tue 2026-11-24 06:04:11 UTC",
        "Last result: no check recorded yet."]
    assert ["systemctl", "--user", "list-timers", "optout-check.timer", "--no-pager"] in (
        fakes.calls("systemctl"))


def test_systemd_remove_leaves_nothing_behind(fakes: Fakes) -> None:
    cli(fakes, "schedule", "install")
    assert (fakes.units / "timers.target.wants" / "optout-check.timer").is_symlink()
    result = cli(fakes, "schedule", "remove")
    assert result.code == 0, result.err
    assert "Removed the systemd user timer optout-check.timer" in result.err
    assert list(fakes.units.rglob("optout-check*")) == []
    assert ["systemctl", "--user", "disable", "--now", "optout-check.timer"] in (
        fakes.calls("systemctl"))
    assert fakes.calls("systemctl")[-1] == ["systemctl", "--user", "daemon-reload"]
    again = cli(fakes, "schedule", "remove")
    assert (again.code, again.err.strip()) == (
        0, "No scheduled check was installed; nothing to remove.")
    status = cli(fakes, "schedule", "status")
    assert status.out.splitlines() == [
        "No scheduled check is installed (`optout schedule install` adds one).",
        "Last result: no check recorded yet."]


def test_systemd_remove_works_without_a_running_user_manager(fakes: Fakes) -> None:
    cli(fakes, "schedule", "install")
    fakes.configure(user_manager=False)
    result = cli(fakes, "schedule", "remove")
    assert result.code == 0, result.err
    assert "Removed the systemd user timer optout-check.timer" in result.err
    assert list(fakes.units.rglob("optout-check*")) == []
    assert ["systemctl", "--user", "disable", "--now", "optout-check.timer"] not in (
        fakes.calls("systemctl"))


def test_status_shows_the_last_recorded_check(fakes: Fakes, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(history, "latest_summary", lambda: "2026-11-23T09:17:00: 1 off")
    cli_schedule.status()
    assert capsys.readouterr().out.splitlines() == [
        "No scheduled check is installed (`optout schedule install` adds one).",
        "Last result: 2026-11-23T09:17:00: 1 off"]


def test_cron_entry_is_replaced_then_removed_and_other_lines_stay(fakes: Fakes) -> None:
    fakes.configure(user_manager=False)
    (fakes.state / "crontab").write_text("MAILTO=me@example.com\n5 4 * * * backup.sh\n")
    first = cli(fakes, "schedule", "install", "--every", "6h", "--notify", "desktop")
    assert first.code == 0, first.err
    assert "Added a crontab entry (every 6 hours), marked '# optout-check'" in first.err
    assert cli(fakes, "schedule", "install", "--fix").code == 0
    *others, line = fakes.crontab()
    assert others == ["MAILTO=me@example.com", "5 4 * * * backup.sh"]
    assert line.startswith("17 9 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/")
    assert line.endswith(f"OPTOUT_HOME={shlex.quote(str(fakes.optout_home))} "
                         f"{shlex.join(expected_argv('--fix'))} # optout-check")
    assert not (fakes.units / "optout-check.timer").exists()
    status = cli(fakes, "schedule", "status")
    assert status.out.splitlines()[:2] == [
        "Scheduled with: crontab (the line marked '# optout-check')", "Schedule: daily"]
    assert "Next run" not in status.out
    removed = cli(fakes, "schedule", "remove")
    assert "Removed the crontab entry marked '# optout-check'." in removed.err
    assert fakes.crontab() == others
    assert cli(fakes, "schedule", "remove").err.startswith("No scheduled check was installed")


def test_cron_schedules() -> None:
    assert [schedule.cron_schedule(schedule.parse_every(every)) for every in (
        "daily", "weekly", "6h")] == ["17 9 * * *", "17 9 * * 1", "0 */6 * * *"]


def test_cron_line_runs_exactly_the_command_in_a_shell(fakes: Fakes,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """cron's handling of % and then `sh -c` give back each word and variable unchanged."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/tmp/my bus")
    recorder = fakes.root / "record"
    recorder.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                        "print(json.dumps([sys.argv[1:], os.environ['DBUS_SESSION_BUS_ADDRESS'],"
                        " os.environ['OPTOUT_HOME']]))\n")
    recorder.chmod(0o755)
    words = [str(recorder), "--notify", NOTIFY, "it's $HOME"]
    job = schedule.Job(schedule.parse_every("daily"), words, {"OPTOUT_HOME": "/a b/%x"})
    command = as_cron_runs(schedule.cron_line(job))
    ran = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, check=True)
    assert json.loads(ran.stdout) == [words[1:], "unix:path=/tmp/my bus", "/a b/%x"]


def test_installing_with_systemd_removes_an_earlier_cron_entry(fakes: Fakes) -> None:
    fakes.configure(user_manager=False)
    assert cli(fakes, "schedule", "install", "--every", "1h").code == 0  # from no crontab
    assert [line.split(" DBUS")[0] for line in fakes.crontab()] == ["0 */1 * * *"]
    fakes.configure(user_manager=True)
    result = cli(fakes, "schedule", "install")
    assert result.code == 0, result.err
    assert "Removed the crontab entry marked '# optout-check' (an earlier install)." in result.err
    assert fakes.crontab() == []
    assert (fakes.units / "optout-check.timer").exists()


def test_no_scheduler_program_is_one_clear_line(fakes: Fakes) -> None:
    for tool in ("systemctl", "crontab"):
        (fakes.bin / tool).unlink()
    result = cli(fakes, "schedule", "install")
    assert result.code == 1
    assert one_line_error(result) == (
        "optout: `crontab` is not installed or not on PATH. Install cron, or run "
        "`optout check --all` from a scheduler of your own.")


def test_a_failing_scheduler_is_one_clear_line(fakes: Fakes) -> None:
    fakes.configure(fail=["systemctl", "--user", "enable"])
    result = cli(fakes, "schedule", "install")
    assert result.code == 1
    assert one_line_error(result).startswith(
        "optout: `systemctl --user enable --now optout-check.timer` failed (exit 1): "
        "Failed: Access denied.")


def test_launchd_agent_is_loaded_replaced_and_removed(fakes: Fakes,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_HOME", "relative-home")
    job = schedule.Job.make(schedule.parse_every("6h"), True, ["desktop"])
    plist_path = fakes.home / "Library" / "LaunchAgents" / "org.optout.check.plist"
    said = schedule.install(job, system="darwin")
    assert said == [f"Installed the launchd agent {plist_path} (every 6 hours)."]
    plist = plistlib.loads(plist_path.read_bytes())
    assert stat.S_IMODE(plist_path.stat().st_mode) == 0o600
    assert plist["Label"] == "org.optout.check"
    assert plist["ProgramArguments"] == expected_argv("--fix", "--notify", "desktop")
    assert plist["StartInterval"] == 6 * 3600
    assert plist["EnvironmentVariables"] == {"OPTOUT_HOME": str(Path.cwd() / "relative-home")}
    domain = f"gui/{os.getuid()}"
    monkeypatch.delenv("OPTOUT_HOME")
    schedule.install(schedule.Job.make(schedule.parse_every("weekly"), False, []), "darwin")
    assert fakes.calls("launchctl") == [
        ["launchctl", verb, domain, str(plist_path)]
        for verb in ("bootout", "bootstrap", "bootout", "bootstrap")]
    found = schedule.status("darwin")
    assert found is not None and (found.schedule, found.next_run) == ("weekly", None)
    assert found.command == shlex.join(expected_argv())
    assert "EnvironmentVariables" not in plistlib.loads(plist_path.read_bytes())
    assert schedule.remove("darwin") == [f"the launchd agent {plist_path}"]
    assert not plist_path.exists()
    assert not (fakes.state / "launchd-loaded").exists()
    assert schedule.remove("darwin") == []
    assert schedule.status("darwin") is None


@pytest.mark.parametrize(("every", "expected"), [
    ("daily", ["/SC", "DAILY", "/ST", "09:17"]),
    ("24h", ["/SC", "DAILY", "/ST", "09:17"]),
    ("weekly", ["/SC", "WEEKLY", "/D", "MON", "/ST", "09:17"]),
    ("6h", ["/SC", "HOURLY", "/MO", "6"]),
])
def test_task_scheduler_schedules(every: str, expected: list[str]) -> None:
    assert schedule_desktop.schtasks_schedule(schedule.parse_every(every)) == expected


def test_task_scheduler_task_is_created_replaced_and_deleted(fakes: Fakes) -> None:
    job = schedule.Job.make(schedule.parse_every("6h"), True, ["desktop"])
    assert schedule.install(job, "win32") == [
        "Created the Task Scheduler task optout-check (every 6 hours)."]
    schedule.install(job, "win32")
    command = subprocess.list2cmdline(expected_argv("--fix", "--notify", "desktop"))
    create = ["schtasks", "/Create", "/F", "/TN", "optout-check", "/SC", "HOURLY", "/MO", "6",
              "/TR", command]
    assert [call for call in fakes.calls() if call[1] == "/Create"] == [create, create]
    found = schedule.status("win32")
    assert found is not None
    assert (found.schedule, found.command, found.next_run) == (
        "Hourly", command, "24/11/2026 09:17:00")
    assert schedule.remove("win32") == ["the Task Scheduler task optout-check"]
    assert fakes.calls()[-1] == ["schtasks", "/Delete", "/F", "/TN", "optout-check"]
    assert schedule.remove("win32") == []
    assert schedule.status("win32") is None


def test_task_scheduler_sets_optout_home_through_cmd() -> None:
    argv = ["C:\\Program Files\\Python\\python.exe", "-m", "optout", "check", "--all"]
    job = schedule.Job(schedule.parse_every("daily"), argv, {"OPTOUT_HOME": "D:\\optout data"})
    assert schedule_desktop.schtasks_command(job) == (
        'cmd /c set "OPTOUT_HOME=D:\\optout data" && '
        '"C:\\Program Files\\Python\\python.exe" -m optout check --all')
