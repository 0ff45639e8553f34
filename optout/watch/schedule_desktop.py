"""The macOS and Windows schedulers: a launchd agent, or a Task Scheduler task."""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
from pathlib import Path

from optout.watch.schedule_base import (
    LAUNCHD_LABEL,
    NAME,
    Every,
    Job,
    Status,
    match_every,
    run,
    write_private,
)


def launchd_plist(job: Job) -> dict[str, object]:
    plist: dict[str, object] = {"Label": LAUNCHD_LABEL, "ProgramArguments": job.argv,
                                "StartInterval": job.every.hours * 3600, "RunAtLoad": False}
    if job.env:
        plist["EnvironmentVariables"] = dict(job.env)
    return plist


class Launchd:
    HINT = "Check `launchctl` works in your login session."

    def __init__(self) -> None:
        self.path = Path.home() / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"
        self.domain = f"gui/{os.getuid()}"

    def present(self) -> bool:
        return self.path.exists()

    def install(self, job: Job) -> list[str]:
        write_private(self.path, plistlib.dumps(launchd_plist(job)))
        # bootout fails when the agent is not loaded yet; that is the usual first install.
        run(["launchctl", "bootout", self.domain, str(self.path)], check=False, hint=self.HINT)
        run(["launchctl", "bootstrap", self.domain, str(self.path)], hint=self.HINT)
        return [f"Installed the launchd agent {self.path} ({job.every.describe()})."]

    def remove(self) -> list[str]:
        run(["launchctl", "bootout", self.domain, str(self.path)], check=False, hint=self.HINT)
        self.path.unlink(missing_ok=True)
        return [f"the launchd agent {self.path}"]

    def status(self) -> Status:
        plist = plistlib.loads(self.path.read_bytes())
        return Status(f"launchd agent {self.path}",
                      match_every(plist.get("StartInterval"), lambda e: e.hours * 3600),
                      shlex.join(str(arg) for arg in plist.get("ProgramArguments", [])))


def schtasks_schedule(every: Every) -> list[str]:
    if every.label == "weekly":
        return ["/SC", "WEEKLY", "/D", "MON", "/ST", "09:17"]
    if every.label == "daily" or every.hours == 24:  # HOURLY takes /MO 1 to 23
        return ["/SC", "DAILY", "/ST", "09:17"]
    return ["/SC", "HOURLY", "/MO", str(every.hours)]


def schtasks_command(job: Job) -> str:
    """The /TR text; Task Scheduler has no environment setting, so cmd sets OPTOUT_HOME."""
    command = subprocess.list2cmdline(job.argv)
    if not job.env:
        return command
    sets = " && ".join(f'set "{key}={value}"' for key, value in job.env.items())
    return f"cmd /c {sets} && {command}"


def _list_value(listing: str, key: str) -> str | None:
    """A value from `schtasks /FO LIST` output, whose lines read `Key:   value`."""
    for line in listing.splitlines():
        if line.lower().startswith(key.lower() + ":") and line[len(key) + 1:].strip():
            return line[len(key) + 1:].strip()
    return None


class Schtasks:
    HINT = "Check `schtasks /Query` works for your user."

    def present(self) -> bool:
        return self.query() is not None

    def query(self) -> str | None:
        done = run(["schtasks", "/Query", "/TN", NAME, "/FO", "LIST", "/V"], check=False,
                   hint=self.HINT)
        return done.stdout if done.returncode == 0 else None

    def install(self, job: Job) -> list[str]:
        run(["schtasks", "/Create", "/F", "/TN", NAME, *schtasks_schedule(job.every),
             "/TR", schtasks_command(job)], hint=self.HINT)
        return [f"Created the Task Scheduler task {NAME} ({job.every.describe()})."]

    def remove(self) -> list[str]:
        run(["schtasks", "/Delete", "/F", "/TN", NAME], hint=self.HINT)
        return [f"the Task Scheduler task {NAME}"]

    def status(self) -> Status:
        listing = self.query() or ""
        kind = _list_value(listing, "Schedule Type") or "?"
        repeat = _list_value(listing, "Repeat: Every") or "disabled"
        schedule = kind if "disabled" in repeat.lower() else f"{kind}, every {repeat}"
        return Status(f"Task Scheduler task {NAME}", schedule,
                      _list_value(listing, "Task To Run") or "?",
                      _list_value(listing, "Next Run Time"))
