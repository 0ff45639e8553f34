"""What the schedulers share: the entry's name, how often it runs, the job, its status, and running
a scheduler's own tool. Each scheduler's module takes these from here; none imports another.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from optout.errors import OptoutError, UsageError

NAME = "optout-check"
LAUNCHD_LABEL = "org.optout.check"


@dataclass(frozen=True)
class Every:
    """How often the check runs: `label` as the person typed it, `hours` between runs."""

    label: str
    hours: int

    def describe(self) -> str:
        if self.label in ("daily", "weekly"):
            return self.label
        return "every hour" if self.hours == 1 else f"every {self.hours} hours"


def parse_every(text: str) -> Every:
    label = text.strip().lower()
    if label == "daily":
        return Every("daily", 24)
    if label == "weekly":
        return Every("weekly", 24 * 7)
    match = re.fullmatch(r"([0-9]{1,2})h", label)
    if match and 1 <= int(match.group(1)) <= 24:
        return Every(f"{int(match.group(1))}h", int(match.group(1)))
    raise UsageError(f"--every '{text}' is not a schedule optout knows.",
                     "Use daily, weekly, or Nh with N from 1 to 24 (e.g. 6h).")


ALL_EVERY = [parse_every(text) for text in ("daily", "weekly", *(f"{n}h" for n in range(1, 25)))]


@dataclass(frozen=True)
class Job:
    """What the scheduler runs: the command line and the environment it needs."""

    every: Every
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(cls, every: Every, fix: bool, notify: Sequence[str]) -> Job:
        argv = [os.path.abspath(sys.executable), "-m", "optout", "check", "--all"]
        argv += ["--fix"] if fix else []
        for spec in notify:
            argv += ["--notify", spec]
        if any("\n" in arg or "\r" in arg for arg in argv):
            raise UsageError("A --notify value contains a line break.", "Give it on one line.")
        env = {}
        if os.environ.get("OPTOUT_HOME"):
            # The scheduled run starts elsewhere, so a relative home must become absolute.
            env["OPTOUT_HOME"] = os.path.abspath(os.path.expanduser(os.environ["OPTOUT_HOME"]))
        return cls(every, argv, env)


@dataclass(frozen=True)
class Status:
    scheduler: str
    schedule: str
    command: str
    next_run: str | None = None


def run(argv: Sequence[str], stdin: str | None = None, check: bool = True,
        hint: str = "") -> subprocess.CompletedProcess[str]:
    """Run a scheduler's tool; a missing or failing tool becomes one line, never a traceback."""
    try:
        done = subprocess.run(list(argv), input=stdin, capture_output=True, text=True,
                              timeout=60, check=False)
    except FileNotFoundError:
        raise OptoutError(f"`{argv[0]}` is not installed or not on PATH.", hint) from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OptoutError(f"`{shlex.join(argv)}` could not run: {exc}.", hint) from None
    if check and done.returncode != 0:
        raise failed(done, hint)
    return done


def failed(done: subprocess.CompletedProcess[str], hint: str) -> OptoutError:
    why = (done.stderr.strip() or done.stdout.strip()).splitlines()
    detail = f": {why[0]}" if why else ""
    return OptoutError(f"`{shlex.join(done.args)}` failed (exit {done.returncode}){detail}.", hint)


def write_private(path: Path, data: bytes) -> None:
    """Readable by the user only, as a --notify value may hold a token; replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
        out.write(data)
    os.replace(partial, path)


def match_every(value: object, render: Callable[[Every], object]) -> str:
    """The schedule a scheduler's value stands for; a value optout never writes is shown as is."""
    known = (every.describe() for every in ALL_EVERY if render(every) == value)
    return next(known, f"custom ({value})")
