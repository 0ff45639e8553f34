"""Evidence receipts: what optout saw and did, each with a picture of the control, in a chain.

Every observation and change appends one receipt to `receipts/receipts.jsonl` under optout's
home: the setting's state before and after, the time, the page, the flow's version and verified
date, and the SHA-256 of a screenshot of the control's section (saved beside it, with emails,
names and form fields masked). Each receipt carries the hash of the one before it, so a reader
can tell that none was removed, reordered or altered (`verify`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from optout.errors import OptoutError
from optout.flow import Flow
from optout.paths import private_dir, refusals
from optout.results import PlatformResult

GENESIS = "0" * 64  # the "previous" of the first receipt


class ReceiptsUnavailable(OptoutError):
    kind = "receipts"


@dataclass(frozen=True)
class Receipt:
    at: str
    command: str
    source: str  # "live", or "replay" for runs on saved pages
    platform: str
    account: str
    setting: str
    label: str
    url: str
    before: str | None
    state: str
    action: str
    reason: str
    flow_version: int
    flow_verified: str
    screenshot: str | None  # file name beside the log
    screenshot_sha256: str | None
    previous: str
    hash: str = ""

    def digest(self) -> str:
        body = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "hash"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def folder() -> Path:
    return private_dir("receipts")


def log_path() -> Path:
    return folder() / "receipts.jsonl"


@contextmanager
def _locked() -> Iterator[None]:
    """One writer at a time across processes, so the chain never forks."""
    path = folder() / ".lock"
    with refusals(path):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)  # user-only
    with os.fdopen(fd, "a+", encoding="utf-8") as handle:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def load() -> list[Receipt]:
    path = log_path()
    if not path.exists():
        return []
    try:
        return [Receipt(**json.loads(line)) for line in
                path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ValueError, TypeError) as exc:
        raise _unreadable(path, exc) from None


def append(result: PlatformResult, flow: Flow, command: str, source: str, at: str,
           shots: dict[str, bytes]) -> list[Receipt]:
    """One receipt per setting of `result`, chained after the last one in the log."""
    written = []
    with _locked():
        previous = _last_hash(log_path())
        lines = []
        for setting in result.settings:
            shot = shots.get(setting.id)
            name = digest = None
            if shot is not None:
                digest = hashlib.sha256(shot).hexdigest()
                name = f"{digest}.png"  # named by content: the same picture is kept once
                _write_private(folder() / name, shot)
            receipt = Receipt(
                at=at, command=command, source=source, platform=result.platform,
                account=result.account, setting=setting.id, label=setting.label, url=setting.url,
                before=setting.before.value if setting.before else None,
                state=setting.state.value, action=setting.action.value, reason=setting.reason,
                flow_version=flow.version, flow_verified=flow.verified.isoformat(),
                screenshot=name, screenshot_sha256=digest, previous=previous)
            receipt = Receipt(**(asdict(receipt) | {"hash": receipt.digest()}))
            previous = receipt.hash
            written.append(receipt)
            lines.append(json.dumps(asdict(receipt), ensure_ascii=False))
        if lines:
            with refusals(log_path()):
                fd = os.open(log_path(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                with os.fdopen(fd, "a", encoding="utf-8") as out:
                    out.write("\n".join(lines) + "\n")
    return written


def _last_hash(path: Path) -> str:
    """The last receipt's hash, read from the log's end: a check after a year of daily checks
    appends as quickly as the first did."""
    if not path.exists():
        return GENESIS
    with refusals(path), path.open("rb") as log:
        end, chunk = log.seek(0, os.SEEK_END), 8192
        while True:
            start = max(0, end - chunk)
            log.seek(start)
            lines = [line for line in log.read().splitlines() if line.strip()]
            if start == 0 or len(lines) >= 2:  # the last line is whole once another precedes it
                break
            chunk *= 8
    if not lines:
        return GENESIS
    try:
        return str(Receipt(**json.loads(lines[-1])).hash)
    except (ValueError, TypeError) as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: Exception) -> ReceiptsUnavailable:
    return ReceiptsUnavailable(f"The receipts log {path} can't be read ({exc}).",
                               "It was left as it is; `optout report` needs it whole.")


def _write_private(path: Path, data: bytes) -> None:
    if path.exists():
        return
    partial = path.with_name(path.name + ".partial")  # a full disk never leaves half a picture
    with refusals(path):
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(partial, path)


def verify(receipts: list[Receipt] | None = None) -> list[str]:
    """What is wrong with the chain (nothing when it is whole), one line per problem."""
    chain = load() if receipts is None else receipts
    problems = []
    previous = GENESIS
    for number, receipt in enumerate(chain, start=1):
        where = f"receipt {number} ({receipt.platform} {receipt.setting}, {receipt.at})"
        if receipt.previous != previous:
            problems.append(f"{where}: the receipt before it is missing or was changed")
        if receipt.digest() != receipt.hash:
            problems.append(f"{where}: its contents were changed after it was written")
        if receipt.screenshot:
            picture = folder() / receipt.screenshot
            if not picture.exists():
                problems.append(f"{where}: its screenshot {receipt.screenshot} is missing")
            elif hashlib.sha256(picture.read_bytes()).hexdigest() != receipt.screenshot_sha256:
                problems.append(f"{where}: its screenshot was changed")
        previous = receipt.hash
    return problems
