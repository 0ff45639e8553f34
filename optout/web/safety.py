"""Account safety: few automatic sign-ins, and a stop at the first sign of the platform's unease.

Every automatic sign-in attempt is written to a ledger before it is made; past the daily cap
(OPTOUT_MAX_LOGINS_PER_DAY, 3 by default) optout stops with a message instead of signing in.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass

from optout.errors import PersonNeeded, UsageError
from optout.paths import home, write_private_json

DAY = 24 * 3600
DEFAULT_CAP = 3


def daily_cap() -> int:
    raw = os.environ.get("OPTOUT_MAX_LOGINS_PER_DAY", str(DEFAULT_CAP))
    if not raw.isdigit():
        raise UsageError(f"OPTOUT_MAX_LOGINS_PER_DAY is '{raw}', not a whole number.",
                         f"Set it to a number such as {DEFAULT_CAP}, or unset it.")
    return int(raw)


@dataclass(frozen=True)
class LoginLedger:
    namespace: str = "live"

    def _path(self) -> os.PathLike[str]:
        return home() / f"logins-{self.namespace}.json"

    def _read(self) -> dict[str, list[float]]:
        try:
            with open(self._path(), encoding="utf-8") as src:
                data = json.load(src)
        except (OSError, ValueError):
            return {}  # no ledger yet, or a damaged one: start counting again
        return {k: [float(t) for t in v] for k, v in data.items() if isinstance(v, list)}

    def recent(self, platform: str, account: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        return sum(1 for t in self._read().get(f"{platform}/{account}", []) if now - t < DAY)

    def claim(self, platform: str, title: str, account: str) -> None:
        """Record one attempt, or refuse it when today's cap is reached."""
        cap, now = daily_cap(), time.time()
        entries = self._read()
        key = f"{platform}/{account}"
        today = [t for t in entries.get(key, []) if now - t < DAY]
        if len(today) >= cap:
            raise PersonNeeded(
                f"optout already signed in to {title} {len(today)} times in the last 24 hours "
                f"(account '{account}'); it stops here to protect the account.",
                "Try again tomorrow, sign in yourself with "
                f"`optout login {platform} --account {account} --browser`, "
                "or raise OPTOUT_MAX_LOGINS_PER_DAY.",
            )
        entries[key] = [*today, now]
        write_private_json(home() / f"logins-{self.namespace}.json", entries)
