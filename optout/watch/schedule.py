"""A scheduled, non-interactive `optout check --all`: systemd, cron, launchd or Task Scheduler.

Each scheduler holds at most one entry named `optout-check`. Installing replaces it, removing
deletes everything installing created, and status reads the schedule back from the scheduler.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path

from optout.errors import OptoutError
from optout.watch.schedule_base import (
    NAME,
    Every,
    Job,
    Status,
    failed,
    match_every,
    parse_every,
    run,
    write_private,
)
from optout.watch.schedule_desktop import Launchd, Schtasks

# The commands' API: the shared types come from schedule_base, the schedulers from here.
__all__ = ["Every", "Job", "Scheduler", "Status", "install", "parse_every", "remove",
           "schedulers", "status"]

SYSTEM = sys.platform  # which scheduler to use; a parameter overrides it
CRON_MARK = f"# {NAME}"


def on_calendar(every: Every) -> str:
    return every.label if every.label in ("daily", "weekly") else f"*-*-* 00/{every.hours}:00:00"


def _systemd_quoted(arg: str, dollars: bool = True) -> str:
    """One word for ExecStart=/Environment=: escapes for quotes, specifiers and variables."""
    text = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    if dollars:
        text = text.replace("$", "$$")
    return text if re.fullmatch(r"[A-Za-z0-9_@+=:,./-]+", text) else f'"{text}"'


def systemd_units(job: Job) -> dict[str, str]:
    """The unit files' names and text."""
    environment = "".join(f"Environment={_systemd_quoted(f'{k}={v}', dollars=False)}\n"
                          for k, v in job.env.items())
    service = (
        "[Unit]\n"
        "Description=optout: check that AI-training settings are still off\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{environment}"
        f"ExecStart={' '.join(_systemd_quoted(arg) for arg in job.argv)}\n"
    )
    timer = (
        "[Unit]\n"
        f"Description=Run optout check {job.every.describe()}\n\n"
        "[Timer]\n"
        f"OnCalendar={on_calendar(job.every)}\n"
        "Persistent=true\n"  # a run missed while the computer was off happens at the next boot
        "RandomizedDelaySec=10min\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{NAME}.service": service, f"{NAME}.timer": timer}


def next_elapse(list_timers: str) -> str | None:
    """The NEXT column of `systemctl list-timers`, if the table has one."""
    lines = [line for line in list_timers.splitlines() if line.strip()]
    if len(lines) < 2 or "NEXT" not in lines[0] or "LEFT" not in lines[0]:
        return None
    start, end = lines[0].index("NEXT"), lines[0].index("LEFT")
    value = lines[1][start:end].strip()
    return None if not value or value in ("n/a", "-") else value


class Systemd:
    HINT = "Check that `systemctl --user status` works in your session."

    def __init__(self, available: bool) -> None:
        self.available = available
        base = os.environ.get("XDG_CONFIG_HOME") or ""
        config = Path(base) if os.path.isabs(base) else Path.home() / ".config"
        self.folder = config / "systemd" / "user"
        self.service = self.folder / f"{NAME}.service"
        self.timer = self.folder / f"{NAME}.timer"
        self.wanted = self.folder / "timers.target.wants" / f"{NAME}.timer"  # made by `enable`

    @staticmethod
    def user_manager() -> bool:
        """Whether a systemd user manager runs for this user (it does not in many containers)."""
        try:
            return run(["systemctl", "--user", "show-environment"], check=False).returncode == 0
        except OptoutError:
            return False  # no systemctl at all

    def present(self) -> bool:
        return self.service.exists() or self.timer.exists()

    def install(self, job: Job) -> list[str]:
        for name, text in systemd_units(job).items():
            write_private(self.folder / name, text.encode())
        run(["systemctl", "--user", "daemon-reload"], hint=self.HINT)
        run(["systemctl", "--user", "enable", "--now", f"{NAME}.timer"], hint=self.HINT)
        return [f"Installed the systemd user timer {NAME}.timer ({job.every.describe()}) "
                f"and {NAME}.service in {self.folder}."]

    def remove(self) -> list[str]:
        if self.available:
            run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"], hint=self.HINT)
        # Without a user manager nobody runs `disable`, so its link is removed here too.
        for path in (self.service, self.timer, self.wanted):
            path.unlink(missing_ok=True)
        if self.available:
            run(["systemctl", "--user", "daemon-reload"], hint=self.HINT)
        return [f"the systemd user timer {NAME}.timer and {NAME}.service from {self.folder}"]

    def status(self) -> Status:
        timer = _unit_values(self.timer)
        service = _unit_values(self.service)
        next_run = None
        if self.available:
            listed = run(["systemctl", "--user", "list-timers", f"{NAME}.timer", "--no-pager"],
                         check=False)
            next_run = next_elapse(listed.stdout) if listed.returncode == 0 else None
        return Status(f"systemd user timer {self.timer}",
                      match_every(timer.get("OnCalendar", "?"), on_calendar),
                      service.get("ExecStart", "?"), next_run)


def _unit_values(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    pairs = (line.split("=", 1) for line in lines if "=" in line and line[0] not in "#;")
    return {key.strip(): value.strip() for key, value in pairs}


def cron_schedule(every: Every) -> str:
    fixed = {"daily": "17 9 * * *", "weekly": "17 9 * * 1"}
    return fixed.get(every.label, f"0 */{every.hours} * * *")


def cron_line(job: Job) -> str:
    # cron starts jobs without the desktop session's bus, and the keyring is reached over it.
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS") or f"unix:path=/run/user/{os.getuid()}/bus"
    env = {"DBUS_SESSION_BUS_ADDRESS": bus, **job.env}
    words = [f"{key}={shlex.quote(value)}" for key, value in env.items()]
    # cron turns a bare % into a newline, so each one is escaped.
    command = " ".join([*words, shlex.join(job.argv)]).replace("%", "\\%")
    return f"{cron_schedule(job.every)} {command} {CRON_MARK}"


def _marked(line: str) -> bool:
    return line.rstrip().endswith(CRON_MARK)


class Cron:
    HINT = "Install cron, or run `optout check --all` from a scheduler of your own."

    def table(self) -> list[str]:
        done = run(["crontab", "-l"], check=False, hint=self.HINT)
        if done.returncode != 0 and "no crontab" in done.stderr.lower():
            return []  # a user who never had a crontab
        if done.returncode != 0:
            raise failed(done, self.HINT)
        return done.stdout.splitlines()

    def write(self, lines: list[str]) -> None:
        run(["crontab", "-"], stdin="".join(f"{line}\n" for line in lines), hint=self.HINT)

    def present(self) -> bool:
        if shutil.which("crontab") is None:
            return False  # no cron here: nothing of ours can be in it
        return any(_marked(line) for line in self.table())

    def install(self, job: Job) -> list[str]:
        line = cron_line(job)
        self.write([kept for kept in self.table() if not _marked(kept)] + [line])
        return [f"Added a crontab entry ({job.every.describe()}), marked '{CRON_MARK}'."]

    def remove(self) -> list[str]:
        lines = self.table()
        if not any(_marked(line) for line in lines):
            return []
        self.write([line for line in lines if not _marked(line)])
        return [f"the crontab entry marked '{CRON_MARK}'"]

    def status(self) -> Status:
        line = next(line for line in self.table() if _marked(line))
        fields = line.split(None, 5)
        command = fields[5].removesuffix(CRON_MARK).strip() if len(fields) > 5 else "?"
        return Status(f"crontab (the line marked '{CRON_MARK}')",
                      match_every(" ".join(fields[:5]), cron_schedule), command)


# macOS and Windows live apart to keep each file to one idea; imported after the shared parts.

Scheduler = Systemd | Cron | Launchd | Schtasks


def schedulers(system: str | None = None) -> list[Scheduler]:
    """The schedulers to look in, the one to install with first."""
    chosen = system or SYSTEM
    if chosen == "darwin":
        return [Launchd()]
    if chosen == "win32":
        return [Schtasks()]
    if Systemd.user_manager():
        return [Systemd(available=True), Cron()]
    return [Cron(), Systemd(available=False)]


def install(job: Job, system: str | None = None) -> list[str]:
    """Install or replace the entry; older entries in the other scheduler are removed."""
    preferred, *others = schedulers(system)
    said = preferred.install(job)
    said += [f"Removed {what} (an earlier install)." for other in others if other.present()
             for what in other.remove()]
    return said


def remove(system: str | None = None) -> list[str]:
    """What was removed; empty when nothing was installed."""
    return [what for scheduler in schedulers(system) if scheduler.present()
            for what in scheduler.remove()]


def status(system: str | None = None) -> Status | None:
    for scheduler in schedulers(system):
        if scheduler.present():
            return scheduler.status()
    return None
