"""One run per account at a time: a scheduled check and a person's `optout run` never share a
browser session. The second waits briefly (OPTOUT_LOCK_WAIT seconds, 20 by default), then stops
with one line."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import IO

from optout.errors import OptoutError, UsageError
from optout.paths import private_dir


class AccountBusy(OptoutError):
    kind = "busy"


def _wait_seconds() -> float:
    raw = os.environ.get("OPTOUT_LOCK_WAIT", "20")
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise UsageError(f"OPTOUT_LOCK_WAIT is '{raw}', not a number of seconds.") from None


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
    path = private_dir("locks") / f"{platform}-{account}.lock"
    wait = _wait_seconds()
    # Opened for append so a waiting run never truncates the holder's note; the OS drops the
    # lock when the holder exits, even after a crash.
    with open(path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise AccountBusy(
                    f"Another optout run is using {platform} account '{account}'.",
                    "Try again when it has finished.",
                )
            await asyncio.sleep(0.2)
        yield
