"""Every observation optout makes, in an SQLite database under its home.

WAL mode and one transaction per platform result keep it whole through crashes and readable while
a check writes. The schema has a version and migrations. A database that can't be opened is one
line (exit 1) and is never replaced or deleted: the old file stays for the person to keep.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from optout.errors import OptoutError
from optout.paths import private_dir, refusals, unusable
from optout.results import PlatformResult

MIGRATIONS = (
    # 1: one row per setting (or newly seen control) per observation.
    """
    CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        run TEXT NOT NULL,
        at TEXT NOT NULL,
        command TEXT NOT NULL,
        platform TEXT NOT NULL,
        account TEXT NOT NULL,
        setting TEXT NOT NULL,
        label TEXT NOT NULL,
        state TEXT NOT NULL,
        before TEXT,
        action TEXT NOT NULL,
        reason TEXT NOT NULL,
        flow_version INTEGER NOT NULL
    );
    CREATE INDEX observations_by_setting ON observations (platform, account, setting, at);
    """,
    # 2: runs on saved pages (--replay) are kept apart from runs on the real sites.
    """
    ALTER TABLE observations ADD COLUMN source TEXT NOT NULL DEFAULT 'live';
    """,
)
VERIFIED_OFF = ("off", "turned-off")


class HistoryUnavailable(OptoutError):
    kind = "history"


@dataclass(frozen=True)
class Observation:
    at: str
    command: str
    platform: str
    account: str
    setting: str
    label: str
    state: str
    reason: str
    source: str = "live"  # "replay": read from saved pages, not the real site

    @property
    def replayed(self) -> bool:
        return self.source != "live"

    def as_dict(self) -> dict[str, str]:
        return {"at": self.at, "command": self.command, "platform": self.platform,
                "account": self.account, "setting": self.setting, "label": self.label,
                "state": self.state, "reason": self.reason, "source": self.source}


def path() -> Path:
    return private_dir() / "history.sqlite3"


@contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    """The database; HomeUnusable when the home refuses it (read-only, full), HistoryUnavailable
    when the file itself is damaged."""
    where = path()
    with refusals(where):
        if not where.exists():  # user-only from the start
            os.close(os.open(where, os.O_WRONLY | os.O_CREAT, 0o600))
    try:
        db = sqlite3.connect(where, timeout=10)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            _migrate(db)
            yield db
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        # SQLite's codes for "the OS said no": the file read-only, the folder (its journal)
        # not writable, the disk full. Damage (corrupt, not a database) is HistoryUnavailable.
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        refused = {3: (where, errno.EACCES), 8: (where, errno.EACCES), 13: (where, errno.ENOSPC),
                   14: (where, errno.EISDIR) if where.is_dir() else (where.parent, errno.EACCES)}
        if code in refused:
            at, number = refused[code]
            raise unusable(at, OSError(number, os.strerror(number))) from None
        raise HistoryUnavailable(
            f"The history database {where} can't be used ({exc}).",
            "It was left as it is: move it aside to start a new history, or restore a backup.",
        ) from None


def _migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(f"schema version {version} is newer than this optout")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with db:
            db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")


def record(results: list[PlatformResult], command: str, flow_versions: dict[str, int],
           source: str = "live") -> None:
    run, at = uuid.uuid4().hex, now()
    with connect() as db:
        for result in results:
            rows = [(run, at, command, result.platform, result.account, s.id, s.label,
                     s.state.value, s.before.value if s.before else None, s.action.value,
                     s.reason, flow_versions.get(result.platform, 0), source)
                    for s in result.settings]
            with db:  # one transaction per platform: all of its rows or none
                db.executemany(
                    "INSERT INTO observations (run, at, command, platform, account, setting, "
                    "label, state, before, action, reason, flow_version, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def form_sent(platform: str, account: str, setting: str,
              source: str = "live") -> tuple[str, str] | None:
    """When this account's form was first sent and confirmed, with the page's words; or None."""
    with connect() as db:
        row = db.execute(
            "SELECT at, reason FROM observations WHERE platform = ? AND account = ? "
            "AND setting = ? AND source = ? AND state = 'form-submitted' AND action = 'send-form' "
            "ORDER BY id LIMIT 1", (platform, account, setting, source)).fetchone()
    return (row[0], row[1]) if row else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def was_verified_off(platform: str, account: str, setting: str, source: str = "live") -> bool:
    """True when this setting was last read off (or already reported as changed back).

    Only runs of the same source count: a replayed "off" says nothing of the real account.
    """
    with connect() as db:
        row = db.execute(
            "SELECT state FROM observations WHERE platform = ? AND account = ? AND setting = ? "
            "AND source = ? AND state IN ('off', 'turned-off', 'on', 'changed-back', "
            "'did-not-persist', 'restored') "
            "ORDER BY id DESC LIMIT 1", (platform, account, setting, source)).fetchone()
    return row is not None and row[0] in (*VERIFIED_OFF, "changed-back")


def seen(platform: str, account: str, setting: str, source: str = "live") -> bool:
    with connect() as db:
        return db.execute(
            "SELECT 1 FROM observations WHERE platform = ? AND account = ? AND setting = ? "
            "AND source = ? LIMIT 1", (platform, account, setting, source)).fetchone() is not None


def _rows(sql: str, args: tuple[str, ...]) -> list[Observation]:
    with connect() as db:
        return [Observation(*row) for row in db.execute(sql, args).fetchall()]


COLUMNS = "at, command, platform, account, setting, label, state, reason, source"


LIVE_ONLY = "source = 'live'"  # real runs; replayed ones only when a person asks for them


def latest(replays: bool = False) -> list[Observation]:
    """The last observation of every setting of every account (real and replayed apart)."""
    only = "" if replays else f"WHERE {LIVE_ONLY} "
    return _rows(
        f"SELECT {COLUMNS} FROM observations WHERE id IN (SELECT MAX(id) FROM observations "
        f"{only}GROUP BY platform, account, setting, source) "
        "ORDER BY platform, account, setting, source", ())


def timeline(platform: str | None = None, since: str | None = None,
             replays: bool = False) -> list[Observation]:
    where, args = ([] if replays else [LIVE_ONLY]), []
    if platform:
        where.append("platform = ?")
        args.append(platform)
    if since:
        where.append("at >= ?")
        args.append(since)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return _rows(f"SELECT {COLUMNS} FROM observations{clause} ORDER BY id", tuple(args))


def replayed_count() -> int:
    """How many observations came from saved pages (shown only when asked for)."""
    with connect() as db:
        return int(db.execute(
            "SELECT COUNT(*) FROM observations WHERE source != 'live'").fetchone()[0])


def latest_summary() -> str | None:
    """One line about the most recent check of the real sites, or None when there is none."""
    if not path().exists():
        return None
    with connect() as db:
        row = db.execute("SELECT run, at FROM observations WHERE source = 'live' "
                         "ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        states = db.execute("SELECT state, COUNT(*) FROM observations WHERE run = ? "
                            "GROUP BY state ORDER BY state", (row[0],)).fetchall()
    counts = ", ".join(f"{n} {state}" for state, n in states)
    return f"{row[1]}: {counts}"


def changed_by_optout(platform: str, account: str, source: str = "live") -> dict[str, str]:
    """Settings optout turned off and has not put back since: setting id -> when it changed it."""
    with connect() as db:
        rows = db.execute(
            "SELECT setting, state, at FROM observations WHERE platform = ? AND account = ? "
            "AND source = ? AND ((action = 'turn-off' AND state = 'turned-off') "
            "OR state = 'restored') ORDER BY id", (platform, account, source)).fetchall()
    changed: dict[str, str] = {}
    for setting, state, at in rows:
        if state == "restored":
            changed.pop(setting, None)
        else:
            changed[setting] = at
    return changed
