"""Telling the person when, and only when, something needs their attention.

Notifiers: `desktop` (notify-send, osascript or a Windows toast), `apprise:URL` (email, ntfy,
Matrix, Slack... through the optional `apprise` package) and `command:CMD` (any program; the
summary arrives on its standard input). A notifier that fails is noted and logged; it never
fails the check. A problem that stays (a session that expired, a switch still on again) is
repeated once a day, not at every scheduled check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from optout.errors import HomeUnusable, UsageError
from optout.logs import log
from optout.paths import home, write_private_json
from optout.printable import one_line
from optout.results import PlatformResult, SettingState

TITLE = "optout: AI-training settings need attention"
REPEAT_AFTER = timedelta(hours=24)
TOLD = "notified.json"  # each line sent, and when
TOLD_OF_REPLAYS = "notified-replay.json"  # runs on saved pages are remembered apart
REPLAYED = "[replay] "  # each line of a check on saved pages says so
NEEDS_LOOK = {SettingState.CHANGED_BACK: "is on again", SettingState.NEW_CONTROL: "is new"}
ERRORS = {"person-needed": "a login is needed", "credentials": "a login is needed",
          "language": "its pages are in a language optout does not read yet",
          "flow-broken": "the site changed; optout can't read it"}


@dataclass(frozen=True)
class Notifier:
    kind: str
    target: str = ""


def parse(spec: str) -> Notifier:
    kind, _, target = spec.partition(":")
    if spec == "desktop":
        return Notifier("desktop")
    if kind in ("apprise", "command") and target.strip():
        return Notifier(kind, target.strip())
    raise UsageError(f"--notify '{one_line(spec)}' is not a notifier.",
                     "Use desktop, apprise:URL or command:PROGRAM.")


def attention(results: list[PlatformResult], replayed: bool = False) -> str | None:
    """The summary of what needs a person, or None when everything is as it should be."""
    lines = []
    for result in results:
        who = f"{REPLAYED if replayed else ''}{result.title} ({result.account})"
        for setting in result.settings:
            if setting.state in NEEDS_LOOK:
                lines.append(f"{who}: '{setting.label}' {NEEDS_LOOK[setting.state]}")
        if result.error is not None and result.error.kind in ERRORS:
            lines.append(f"{who}: {ERRORS[result.error.kind]}")
    return "\n".join(lines) if lines else None


def _memory(summary: str) -> str:
    return TOLD_OF_REPLAYS if summary.startswith(REPLAYED) else TOLD


def _told(name: str = TOLD) -> dict[str, datetime]:
    import json

    try:
        return {line: datetime.fromisoformat(at) for line, at in
                json.loads((home() / name).read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # nothing remembered (or a damaged file): better told twice than never


def not_told_lately(summary: str, now: datetime | None = None) -> str | None:
    """The lines of `summary` not told in the last day."""
    now = now or datetime.now(UTC)
    told = _told(_memory(summary))
    fresh = [line for line in summary.splitlines()
             if line not in told or now - told[line] >= REPEAT_AFTER]
    return "\n".join(fresh) if fresh else None


def remember(summary: str, sent: str, now: datetime | None = None) -> None:
    """`sent` was told now; a line no longer in `summary` is forgotten (it may come back)."""
    now = now or datetime.now(UTC)
    lines, fresh = summary.splitlines(), sent.splitlines()
    kept = {line: at for line, at in _told(_memory(summary)).items()
            if line in lines and line not in fresh}
    kept |= dict.fromkeys(fresh, now)
    try:
        write_private_json(home() / _memory(summary),
                           {line: at.isoformat() for line, at in kept.items()})
    except (OSError, HomeUnusable) as exc:
        log.warning("could not remember the notification: %s", exc)


def send(notifiers: list[Notifier], body: str, note: Callable[[str], None]) -> bool:
    """Whether at least one notifier took the message."""
    delivered = False
    for notifier in notifiers:
        try:
            SENDERS[notifier.kind](notifier.target, body)
            delivered = True
        except Exception as exc:  # a notifier must never fail the check
            log.warning("notifier %s failed: %s", notifier.kind, exc)
            note(f"the {notifier.kind} notification failed ({type(exc).__name__}: {exc}).")
    return delivered


def _desktop(_target: str, body: str) -> None:
    if sys.platform == "darwin":
        script = f"display notification {_quoted(body)} with title {_quoted(TITLE)}"
        command = ["osascript", "-e", script]
    elif sys.platform == "win32":
        command = ["powershell", "-NoProfile", "-Command",
                   "Add-Type -AssemblyName System.Windows.Forms; "
                   "$n = New-Object System.Windows.Forms.NotifyIcon; "
                   "$n.Icon = [System.Drawing.SystemIcons]::Information; $n.Visible = $true; "
                   f"$n.ShowBalloonTip(10000, {_quoted(TITLE)}, {_quoted(body)}, 'Warning')"]
    else:
        if shutil.which("notify-send") is None:
            raise RuntimeError("notify-send is not installed (package libnotify-bin)")
        command = ["notify-send", "--urgency=normal", TITLE, body]
    subprocess.run(command, check=True, capture_output=True, timeout=30)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _apprise(url: str, body: str) -> None:
    try:
        import apprise  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise RuntimeError("apprise is not installed: pip install 'optout[apprise]'") from None
    sender = apprise.Apprise()
    if not sender.add(url) or not sender.notify(title=TITLE, body=body):
        raise RuntimeError("apprise could not deliver it")


def _command(program: str, body: str) -> None:
    import shlex

    subprocess.run(shlex.split(program), input=f"{TITLE}\n{body}\n", text=True, check=True,
                   capture_output=True, timeout=60)


SENDERS: dict[str, Callable[[str, str], None]] = {
    "desktop": _desktop, "apprise": _apprise, "command": _command}
