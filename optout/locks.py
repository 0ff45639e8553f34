"""One run per account at a time: a scheduled check and a person's `optout run` never share a
browser session. The second waits briefly (OPTOUT_LOCK_WAIT seconds, 20 by default), then stops
with one line."""

from __future__ import annotations

import asyncio
import math
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import IO

from optout.errors import OptoutError, UsageError
from optout.paths import private_dir, refusals


class AccountBusy(OptoutError):
    kind = "busy"


def wait_seconds() -> float:
    """OPTOUT_LOCK_WAIT: a finite number of seconds, 0 or more (never inf, nan or negative)."""
    raw = os.environ.get("OPTOUT_LOCK_WAIT", "20")
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise UsageError(f"OPTOUT_LOCK_WAIT is '{raw}', not a number of seconds (0 or more).",
                         "Set it to a number such as 20, or unset it.")
    return seconds


def _try_lock(handle: IO[str]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@asynccontextmanager
async def account_lock(platform: str, account: str) -> AsyncIterator[None]:
    wait = wait_seconds()
    path = private_dir("locks") / f"{platform}-{account}.lock"
    # Opened for append so a waiting run never truncates the holder's note; the OS drops the
    # lock when the holder exits, even after a crash. User-only, like everything in the home.
    with refusals(path):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise AccountBusy(
                    f"Another optout run is using {platform} account '{account}'.",
                    "Try again when it has finished.",
                )
            await asyncio.sleep(0.2)
        yield
