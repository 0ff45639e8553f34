"""Taking a platform's session from the person's own browser: only that platform's cookies.

The browser may be running, so its store is never opened: it is copied (with its write-ahead
log, which holds what Firefox wrote last) into a private scratch folder, and the copy is cut
down to the rows of the flow's own domains before anything is decrypted, so no other site's
cookie is ever read. Values are decrypted by `optout.credentials.browser_cookies` (the cookie
library); the attributes it drops (HttpOnly, SameSite, the expiry in the store's own clock) are
read here from the same rows. The scratch folder is removed before this returns.

The library is yt-dlp's cookie reader, compared in 2026-12 with the others made for it:
- yt-dlp (released monthly, last 2026-10): Chrome, Chromium, Edge, Brave, Opera, Vivaldi,
  Firefox, Safari on Linux, macOS and Windows; Linux keys from the Secret Service, KWallet or
  the basic key, store version 24's hash prefix, Firefox's millisecond expiry; a cookie it
  can't decrypt is skipped and counted, not fatal; no dependencies of its own.
- browser-cookie3 (last release 2025-01): similar browsers, but one undecryptable cookie fails
  the whole store, and it copies Firefox's plain-text store into a shared temporary file.
- pycookiecheat (2024-11): no Windows, and pins exact versions of cryptography and keyring.
- rookiepy (2024-11): a compiled extension, no release since.
What none of them does is written here: profiles by name (`optout.web.profiles`), copying the
write-ahead log, keeping only the platform's rows, HttpOnly and SameSite.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optout import credentials
from optout.errors import CookieStoreUnreadable, PersonNeeded
from optout.flow import Flow
from optout.logs import log
from optout.printable import one_line
from optout.web.profiles import Profile

# Seconds from 1601-01-01 (Chrome's clock, in microseconds) to 1970-01-01.
CHROME_EPOCH = 11644473600
CHROME_SAME_SITE = {0: "None", 1: "Lax", 2: "Strict"}  # -1 is unset: browsers treat it as Lax
FIREFOX_SAME_SITE = {0: "None", 1: "Lax", 2: "Strict"}
# Rows as the store keeps them: (host, name, path, expiry, secure, http_only, same_site, prefix).
CHROME_ROWS = ("SELECT host_key, name, path, CASE WHEN has_expires THEN expires_utc ELSE 0 END, "
               "is_secure, is_httponly, samesite, substr(encrypted_value, 1, 3) FROM cookies")
FIREFOX_ROWS = ("SELECT host, name, path, expiry, isSecure, isHttpOnly, sameSite, '' "
                "FROM moz_cookies")
# A cookie partitioned under another site (CHIPS) is that site's, not the platform's session.
CHROME_KEEP = "DELETE FROM cookies WHERE NOT optout_keeps(host_key) OR top_frame_site_key != ''"
FIREFOX_KEEP = ("DELETE FROM moz_cookies WHERE NOT optout_keeps(host) "
                "OR originAttributes LIKE '%partitionKey=%'")
HINT_BROWSER = "`optout login {slug} --browser` signs you in in a browser window instead."
OR_WINDOW = "or sign in in a browser window with `optout login {slug} --browser`."


class NotSignedIn(PersonNeeded):
    """The profile holds no sign-in for the platform: nothing was saved."""

    kind = "not-signed-in"


@dataclass(frozen=True)
class Taken:
    cookies: list[dict[str, Any]]  # as Playwright's storage state keeps them

    def state(self) -> dict[str, Any]:
        return {"cookies": self.cookies, "origins": []}


def take(flow: Flow, profile: Profile) -> Taken:
    """The flow's cookies from `profile`; NotSignedIn without its signed-in cookie."""
    store = profile.cookie_file()
    hint = HINT_BROWSER.format(slug=flow.slug)
    if store is None:
        raise CookieStoreUnreadable(f"{profile.describe()} has no cookie store in "
                                    f"{one_line(str(profile.folder))}.", hint)
    firefox = profile.browser == "firefox"
    with tempfile.TemporaryDirectory(prefix="optout-cookies-") as scratch:
        folder = Path(scratch) / "User Data" / "Profile"
        copy = _copy_store(store, profile, folder, flow.slug)
        rows = _keep_only(copy, flow, firefox, profile, hint)
        try:
            values, warnings = credentials.browser_cookies(profile.browser, folder)
        except Exception as exc:  # the library's own failures: its text may name the store
            log.debug("cookie store: %s", type(exc).__name__)
            raise CookieStoreUnreadable(
                f"The cookies of {profile.describe()} could not be decrypted "
                f"({type(exc).__name__}).", hint) from None
    cookies = _merged(rows, values, firefox)
    wanted = flow.login.signed_in_cookie
    if not any(c["name"] == wanted and c["value"] for c in cookies):
        decrypted = {(c.domain, c.name, c.path) for c in values if c.value is not None}
        beyond_reach = [row for row in rows if row[1] == wanted and _current(row[3], firefox)
                        and (row[0], row[1], row[2]) not in decrypted]
        if beyond_reach:
            raise CookieStoreUnreadable(_why_unreadable(profile, beyond_reach, warnings), hint)
        raise NotSignedIn(f"You are not signed in to {flow.title} in {profile.describe()}; "
                          "nothing was saved.",
                          f"Sign in to {flow.title} in that profile and run this again, "
                          + OR_WINDOW.format(slug=flow.slug))
    return Taken(cookies)


def _copy_store(store: Path, profile: Profile, folder: Path, slug: str) -> Path:
    folder.mkdir(parents=True)
    copy = folder / store.name
    try:
        for suffix in ("", "-wal", "-journal"):
            source = store.with_name(store.name + suffix)
            if suffix == "" or source.is_file():
                shutil.copyfile(source, copy.with_name(copy.name + suffix))
        local_state = profile.folder.parent / "Local State"
        if profile.browser != "firefox" and local_state.is_file():
            # Windows keeps the store's key, itself encrypted for the user, beside the profiles.
            shutil.copyfile(local_state, folder.parent / "Local State")
    except PermissionError:
        raise CookieStoreUnreadable(
            f"{profile.title} holds its cookie store locked while it runs "
            f"({one_line(str(store))}).", f"Close {profile.title} and run this again, "
            + OR_WINDOW.format(slug=slug)) from None
    except OSError as exc:
        raise CookieStoreUnreadable(f"The cookie store of {profile.describe()} could not be copied "
                                    f"({type(exc).__name__}).",
                                    HINT_BROWSER.format(slug=slug)) from None
    return copy


def _keep_only(copy: Path, flow: Flow, firefox: bool, profile: Profile,
               hint: str) -> list[tuple[Any, ...]]:
    """Delete every other site's row from the copy (and its freed pages); the rows kept."""
    keeps: Callable[[str], int] = lambda host: int(flow.owns_host(str(host)))  # noqa: E731
    try:
        with sqlite3.connect(copy) as db:
            db.create_function("optout_keeps", 1, keeps, deterministic=True)
            db.execute("PRAGMA secure_delete = ON")
            db.execute(FIREFOX_KEEP if firefox else CHROME_KEEP)
            rows = db.execute(FIREFOX_ROWS if firefox else CHROME_ROWS).fetchall()
            version = db.execute("PRAGMA user_version").fetchone()[0]
        db.close()
        with sqlite3.connect(copy) as db:
            db.execute("PRAGMA journal_mode = DELETE")  # the log's pages go into the file
            db.execute("VACUUM")
        db.close()
    except sqlite3.Error as exc:
        raise CookieStoreUnreadable(
            f"The cookie store of {profile.describe()} can't be read ({type(exc).__name__}: "
            f"{one_line(str(exc))}).", hint) from None
    # Firefox counts expiry in milliseconds from store version 16 (Firefox 142).
    scale = 1000 if firefox and version >= 16 else 1
    return [(*row[:3], (row[3] or 0) / scale, *row[4:]) for row in rows]


def _merged(rows: list[tuple[Any, ...]], values: list[Any], firefox: bool) -> list[dict[str, Any]]:
    decrypted = {(c.domain, c.name, c.path): c.value for c in values if c.value is not None}
    now = time.time()
    cookies = []
    for host, name, path, expiry, secure, http_only, same_site, _prefix in rows:
        value = decrypted.get((host, name, path))
        if value is None:
            continue
        expires = _unix_expiry(expiry, firefox)
        if not _current(expiry, firefox, now):
            continue  # expired: the browser would not send it either
        names = FIREFOX_SAME_SITE if firefox else CHROME_SAME_SITE
        policy = names.get(same_site, "Lax")
        if policy == "None" and not secure:
            policy = "Lax"  # browsers refuse SameSite=None without Secure
        cookies.append({"name": name, "value": value, "domain": host, "path": path or "/",
                        "expires": expires, "httpOnly": bool(http_only), "secure": bool(secure),
                        "sameSite": policy})
    return cookies


def _current(expiry: float, firefox: bool, now: float | None = None) -> bool:
    """True for a cookie that has not expired (one that ends with the session never has)."""
    expires = _unix_expiry(expiry, firefox)
    return expires == -1 or expires > (time.time() if now is None else now)


def _unix_expiry(expiry: float, firefox: bool) -> float:
    """Seconds since 1970, or -1 for a cookie that ends with the browser's session."""
    if not expiry:
        return -1
    return float(expiry) if firefox else expiry / 1_000_000 - CHROME_EPOCH


def _why_unreadable(profile: Profile, rows: list[tuple[Any, ...]], warnings: list[str]) -> str:
    if any(row[7] == b"v20" or row[7] == "v20" for row in rows):
        return (f"{profile.title} keeps its cookies with app-bound encryption (Windows), which "
                "only the browser itself may read.")
    if any(row[7] in (b"v11", "v11") for row in rows):
        return (f"{profile.title}'s cookie key in the desktop keyring (Secret Service or KWallet) "
                "could not be read: is the keyring unlocked?")
    said = f" ({one_line(warnings[0])})" if warnings else ""
    return f"The sign-in cookie in {profile.describe()} could not be decrypted{said}."
