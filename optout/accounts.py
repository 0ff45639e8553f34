"""Which accounts a person uses on each platform: a small index, never a secret.

The keyring can't list what it holds, so optout remembers account names (not usernames) in
`accounts.json` under its home when credentials or a session are stored, and forgets them on
logout.
"""

from __future__ import annotations

import json
import re

from optout.errors import OptoutError
from optout.paths import home, unusable, write_private_json
from optout.printable import one_line

DEFAULT = "default"
# What an account may be called, typed or read back: it names files under optout's home.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")


class AccountsUnreadable(OptoutError):
    """`accounts.json` is damaged or names an account optout would never make: left as it is."""

    kind = "accounts"


def _read() -> dict[str, list[str]]:
    where = home() / "accounts.json"
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:  # the home itself is in the way (a file, a folder it can't read)
        raise unusable(where, exc) from None
    except ValueError as exc:
        raise _unreadable(where, f"can't be read ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise _unreadable(where, "can't be read (not platforms with lists of accounts)")
    for platform, names in data.items():
        bad = next((n for n in (platform, *names) if not isinstance(n, str)
                    or not NAME.match(n)), None)
        if bad is not None:
            raise _unreadable(where, "names an account it would never make "
                                     f"('{one_line(str(bad))}')")
    return {k: sorted(set(v)) for k, v in data.items()}


def _unreadable(where: object, why: str) -> AccountsUnreadable:
    return AccountsUnreadable(f"optout's list of accounts {where} {why}.",
                              "It was left as it is: repair it, or move it aside and sign in "
                              "again.")


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
