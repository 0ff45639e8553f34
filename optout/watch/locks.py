"""One run per account at a time: a scheduled check and a person's `optout run` never share a
browser session. The second waits briefly (OPTOUT_LOCK_WAIT seconds, 20 by default), then stops
with one line. The lock is filelock's (the OS's own file locks, on Unix and Windows), taken only by
the commands that take one."""

from __future__ import annotations

import math
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

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


@asynccontextmanager
async def account_lock(platform: str, account: str) -> AsyncIterator[None]:
    """Hold the account's lock for the block; AccountBusy after OPTOUT_LOCK_WAIT seconds."""
    from filelock import AsyncFileLock, Timeout

    wait = wait_seconds()
    path = private_dir("locks") / f"{platform}-{account}.lock"
    # The OS drops the lock when the holder exits, even after a crash: no soft (marker-file)
    # fallback, whose markers a killed run would leave behind. User-only, like the whole home.
    lock = AsyncFileLock(path, timeout=wait, mode=0o600, poll_interval=0.2,
                         fallback_to_soft=False, preserve_lock_file=True)
    with refusals(path):
        try:
            await lock.acquire()
        except Timeout:  # a TimeoutError, so an OSError: said before `refusals` takes it
            raise AccountBusy(f"Another optout run is using {platform} account '{account}'.",
                              "Try again when it has finished.") from None
    try:
        yield
    finally:
        await lock.release()
