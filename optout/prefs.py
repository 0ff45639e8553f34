"""The person's choices that stick: settings they decided to leave as they are (`optout skip`).

One TOML file, `preferences.toml` in optout's config folder (`~/.config/optout` on Linux; in
`OPTOUT_HOME` when that is set), read with the standard library and written with tomlkit, which
keeps the person's own comments and layout. A damaged file is a usage error (exit 2) and is
never overwritten. Each skip is one `[[skip]]` table:

    [[skip]]
    platform = "linkedin"
    account = "default"
    setting = "data-processing-objection"
    since = 2026-12-02
    why = "I'd rather not send the form"
    seen = "on"    # the state when it was skipped: a later change is told once

and the regional site an account uses, where a platform has several (`--site`), one `[[site]]`:

    [[site]]
    platform = "ebay"
    account = "default"
    site = "ebay.co.uk"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from optout.errors import UsageError
from optout.paths import make_private_dirs, refusals
from optout.printable import one_line

FILE = "preferences.toml"
HEADER = ("# optout's preferences. `optout skip` and `optout unskip` edit this file; your own\n"
          "# comments are kept. See the README, \"Choices that stick\".\n")


@dataclass(frozen=True)
class Skip:
    platform: str
    account: str
    setting: str
    since: date
    why: str = ""
    seen: str = ""  # the state read when it was skipped, or last told

    def describe(self) -> str:
        return f"skipped on {self.since.isoformat()}" + (f": {one_line(self.why)}"
                                                        if self.why else "")


def config_dir() -> Path:
    if os.environ.get("OPTOUT_HOME"):
        return Path(os.environ["OPTOUT_HOME"]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("optout", appauthor=False))


def path() -> Path:
    return config_dir() / FILE


def _damaged(where: Path, why: str) -> UsageError:
    return UsageError(f"optout's preferences {where} {why}.",
                      "It was left as it is: repair it (or move it aside) and run this again.")


def _text() -> str:
    where = path()
    try:
        return where.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise _damaged(where, f"can't be read ({type(exc).__name__})") from None


def _tables(text: str | None, name: str) -> list[Any]:
    """The file's (or `text`'s) [[name]] tables; a damaged file is a UsageError."""
    try:
        data = tomllib.loads(_text() if text is None else text)
    except tomllib.TOMLDecodeError as exc:
        raise _damaged(path(), f"is not valid TOML ({exc})") from None
    entries = data.get(name, [])
    if not isinstance(entries, list):
        raise _damaged(path(), f"has a '{name}' that is not a list of [[{name}]] tables")
    return entries


def skips(text: str | None = None) -> list[Skip]:
    """Every skip in the file (or in `text`, its content already read); a damaged file is a
    UsageError and is left as it is."""
    where = path()
    entries = _tables(text, "skip")
    found = []
    for number, entry in enumerate(entries, 1):
        found.append(_skip(entry, where, number))
    return found


def _skip(entry: Any, where: Path, number: int) -> Skip:
    fields = ("platform", "account", "setting")
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k]
                                              for k in fields):
        raise _damaged(where, f"has a [[skip]] (number {number}) without platform, account "
                              "and setting")
    since = entry.get("since", date.today())
    if not isinstance(since, date):
        raise _damaged(where, f"has a [[skip]] (number {number}) whose 'since' is not a date")
    why, seen = entry.get("why", ""), entry.get("seen", "")
    if not isinstance(why, str) or not isinstance(seen, str):
        raise _damaged(where, f"has a [[skip]] (number {number}) whose 'why' or 'seen' is not "
                              "text")
    return Skip(entry["platform"], entry["account"], entry["setting"], since, why, seen)


def sites(text: str | None = None) -> dict[tuple[str, str], str]:
    """The regional site chosen per (platform, account); a damaged file is a UsageError."""
    where = path()
    entries = _tables(text, "site")
    chosen = {}
    for number, entry in enumerate(entries, 1):
        fields = ("platform", "account", "site")
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k]
                                                  for k in fields):
            raise _damaged(where, f"has a [[site]] (number {number}) without platform, account "
                                  "and site")
        chosen[(entry["platform"], entry["account"])] = entry["site"]
    return chosen


def site_of(platform: str, account: str) -> str | None:
    """The regional site this account uses, if one was chosen."""
    return sites().get((platform, account))


def choose_site(platform: str, account: str, site: str | None) -> None:
    """Remember the account's regional site; None forgets it (the platform's default)."""
    import tomlkit

    document = _document()
    tables = document.get("site")
    if tables is None:
        if site is None:
            return
        tables = tomlkit.aot()
        document.append("site", tables)
    for index in reversed(range(len(tables))):
        if (tables[index].get("platform"), tables[index].get("account")) == (platform, account):
            del tables[index]
    if site is not None:
        table = tomlkit.table()
        table["platform"], table["account"], table["site"] = platform, account, site
        tables.append(table)
    _write(document)


def skipped(platform: str, account: str) -> dict[str, Skip]:
    """The account's skipped settings by id."""
    return {s.setting: s for s in skips() if s.platform == platform and s.account == account}


def _document() -> Any:
    import tomlkit

    text = _text()
    skips(text)  # a damaged file stops here, before anything could overwrite it
    sites(text)
    return tomlkit.parse(text) if text else tomlkit.parse(HEADER)


def _write(document: Any) -> None:
    import tomlkit

    where = path()
    with refusals(where):
        make_private_dirs(where.parent)
        partial = where.with_name(where.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(tomlkit.dumps(document))
        os.replace(partial, where)


def _matches(entry: Any, platform: str, account: str, setting: str) -> bool:
    return (entry.get("platform"), entry.get("account"), entry.get("setting")) == (
        platform, account, setting)


def add(skip: Skip) -> bool:
    """Record a skip (replacing the same setting's); False when it was there already."""
    import tomlkit

    document = _document()
    tables = document.get("skip")
    if tables is None:
        tables = tomlkit.aot()
        document.append("skip", tables)
    again = any(_matches(t, skip.platform, skip.account, skip.setting) for t in tables)
    for index in reversed(range(len(tables))):
        if _matches(tables[index], skip.platform, skip.account, skip.setting):
            del tables[index]
    table = tomlkit.table()
    for key in ("platform", "account", "setting"):
        table[key] = getattr(skip, key)
    table["since"] = skip.since
    if skip.why:
        table["why"] = skip.why
    if skip.seen:
        table["seen"] = skip.seen
    tables.append(table)
    _write(document)
    return not again


def remove(platform: str, account: str, setting: str) -> bool:
    """Forget a skip; False when there was none."""
    document = _document()
    tables = document.get("skip")
    if tables is None:
        return False
    kept = [i for i, t in enumerate(tables) if not _matches(t, platform, account, setting)]
    if len(kept) == len(tables):
        return False
    for index in reversed(range(len(tables))):
        if index not in kept:
            del tables[index]
    _write(document)
    return True


def saw(platform: str, account: str, setting: str, state: str) -> None:
    """Remember the state a skipped setting was last told in, so a change is told once."""
    document = _document()
    for table in document.get("skip") or []:
        if _matches(table, platform, account, setting):
            table["seen"] = state
    _write(document)
