"""Which accounts a person uses on each platform: a small index, never a secret.

The keyring can't list what it holds, so optout remembers account names (not usernames) in
`accounts.json` under its home when credentials or a session are stored, and forgets them on
logout.
"""

from __future__ import annotations

import json

from optout.paths import home, write_private_json

DEFAULT = "default"


def _read() -> dict[str, list[str]]:
    try:
        data = json.loads((home() / "accounts.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: sorted({str(a) for a in v}) for k, v in data.items() if isinstance(v, list)}


def known(platform: str) -> list[str]:
    return _read().get(platform, [])


def everything() -> dict[str, list[str]]:
    return _read()


def remember(platform: str, account: str) -> None:
    data = _read()
    data[platform] = sorted({*data.get(platform, []), account})
    write_private_json(home() / "accounts.json", data)


def forget(platform: str, account: str) -> None:
    data = _read()
    left = [a for a in data.get(platform, []) if a != account]
    if left:
        data[platform] = left
    else:
        data.pop(platform, None)
    write_private_json(home() / "accounts.json", data)


def resolve(platform: str, chosen: str | None) -> str:
    """The account a command means: the one named, else the only one known, else 'default'."""
    if chosen:
        return chosen
    only = known(platform)
    return only[0] if len(only) == 1 else DEFAULT
