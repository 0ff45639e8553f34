"""Real browser profiles for `login --from-browser` tests, made on this machine.

A Chromium profile is made by the installed Chromium itself: a throwaway user-data folder with
the basic password store, signed in to LinkedIn on replayed pages (the replayed sign-in sets
`li_at` and `liap`; a replayed response sets an HttpOnly canary), with other sites' cookies
beside it that must never be taken. Run as a script (`python browser_profiles.py make DIR` or
`hold DIR`) so the browser runs in a process of its own, away from the test's event loop.
A Firefox-layout profile is written directly: `profiles.ini` and `cookies.sqlite` as Firefox
142 and newer keep them (schema 17, expiry in milliseconds, write-ahead log).
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).parent
FIXTURES = TESTS.parent / "fixtures"
LINKEDIN_CANARY = "OPTOUT-CANARY-bcookie-7f3a9c"
OTHER_SITE_CANARY = "OPTOUT-CANARY-other-site-51d2"
X_CANARY = "OPTOUT-CANARY-x-auth-token-c04e"
# Sites that must never be read: another site, and one whose name only ends like the platform's.
OTHER_SITES = ("https://www.example.org/", "https://www.notlinkedin.com/")


def _own_chromium() -> dict[str, str]:
    """The environment for the installed Chromium itself (not the suite's headless shell)."""
    return {k: v for k, v in os.environ.items() if k != "OPTOUT_BROWSER"} | {
        "PYTHONPATH": str(TESTS.parent)}


def make_chromium_profile(user_data: Path) -> None:
    subprocess.run([sys.executable, __file__, "make", str(user_data)], check=True, timeout=90,
                   env=_own_chromium())


class HeldOpen:
    """Chromium running on a profile (its cookie store open) for the life of a `with`."""

    def __init__(self, user_data: Path) -> None:
        self.user_data = user_data

    def __enter__(self) -> HeldOpen:
        self.process = subprocess.Popen([sys.executable, __file__, "hold", str(self.user_data)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=_own_chromium())
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "open"
        return self

    def __exit__(self, *_: object) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def write_firefox_profile(root: Path, name: str = "default-release", hold: bool = False,
                          signed_in_until: float | None = None) -> sqlite3.Connection | None:
    """A Firefox folder (`profiles.ini`, one profile) whose store is signed in to X.

    With `hold`, X's sign-in cookie is written last through a connection left open: it is only
    in the write-ahead log, as in a Firefox that is running."""
    folder = root / "abcd1234.default-release"
    folder.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Install4F96D1932A9F858E]\nDefault=abcd1234.default-release\nLocked=1\n\n"
        f"[Profile0]\nName={name}\nIsRelative=1\nPath=abcd1234.default-release\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n", encoding="utf-8")
    db = sqlite3.connect(folder / "cookies.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA user_version = 17")
    db.execute("""CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT
        NULL DEFAULT '', name TEXT, value TEXT, host TEXT, path TEXT, expiry INTEGER,
        lastAccessed INTEGER, creationTime INTEGER, isSecure INTEGER, isHttpOnly INTEGER,
        inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0, schemeMap INTEGER
        DEFAULT 0, isPartitionedAttributeSet INTEGER DEFAULT 0,
        CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes))""")
    later = int((time.time() + 86400 * 30) * 1000)  # milliseconds, as Firefox 142 keeps them
    signed_in = later if signed_in_until is None else int(signed_in_until * 1000)
    rows = [(".x.com", "auth_token", X_CANARY, 1, 1, 0), ("x.com", "lang", "en", 1, 0, 1),
            (".box.com", "twid", "u%3D1", 1, 0, 1), (".example.org", "sid",
                                                      OTHER_SITE_CANARY, 1, 1, 0)]
    for host, cookie, value, secure, http_only, same_site in rows:
        _firefox_row(db, host, cookie, value, later, secure, http_only, same_site)
    if not hold:
        _firefox_row(db, ".x.com", "twid", "u%3D1234", signed_in, 1, 0, 0)
    if not hold:
        db.close()
        return None
    db.execute("PRAGMA wal_autocheckpoint = 0")
    _firefox_row(db, ".x.com", "twid", "u%3D1234", signed_in, 1, 0, 0)
    return db  # the caller closes it when "Firefox" quits


def _firefox_row(db: sqlite3.Connection, host: str, name: str, value: str, expiry: int,
                 secure: int, http_only: int, same_site: int) -> None:
    now = int(time.time() * 1_000_000)
    db.execute("INSERT INTO moz_cookies (name, value, host, path, expiry, lastAccessed, "
               "creationTime, isSecure, isHttpOnly, sameSite) VALUES (?, ?, ?, '/', ?, ?, ?, ?, "
               "?, ?)", (name, value, host, expiry, now, now, secure, http_only, same_site))


async def _make(user_data: Path, hold: bool) -> None:
    from playwright.async_api import Route, async_playwright

    from optout.web.browser import OFFLINE_ARGS, choose_executable
    from optout.web.replay import Replay

    async with async_playwright() as playwright:
        executable = choose_executable(playwright.chromium.executable_path, headed=True)
        context = await playwright.chromium.launch_persistent_context(
            user_data, executable_path=executable, headless=True,
            args=["--password-store=basic", *OFFLINE_ARGS])
        if hold:
            sys.stdout.write("open\n")  # the profile is in use now
            sys.stdout.flush()
            await asyncio.to_thread(sys.stdin.read)
            await context.close()
            return
        await Replay.open(FIXTURES / "linkedin" / "login").attach(context)

        async def canary(route: Route) -> None:
            await route.fulfill(body="<!DOCTYPE html><title>ok</title>", headers={
                "content-type": "text/html", "set-cookie": f"bcookie={LINKEDIN_CANARY}; "
                "Domain=.linkedin.com; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=86400"})

        async def other_site(route: Route) -> None:
            await route.fulfill(body="<!DOCTYPE html><title>other</title>", headers={
                "content-type": "text/html", "set-cookie": f"sid={OTHER_SITE_CANARY}; Path=/; "
                "Secure; HttpOnly; Max-Age=86400"})

        await context.route("https://www.linkedin.com/optout-test/canary", canary)
        for site in OTHER_SITES:
            await context.route(site, other_site)
        page = context.pages[0] if context.pages else await context.new_page()
        await page.goto("https://www.linkedin.com/checkpoint/lg/login-submit")
        await page.wait_for_url("https://www.linkedin.com/feed/")
        await page.goto("https://www.linkedin.com/optout-test/canary")
        for site in OTHER_SITES:
            await page.goto(site)
        names = sorted(c["name"] for c in await context.cookies())
        assert names == ["bcookie", "li_at", "liap", "sid", "sid"], names
        await context.close()  # Chromium writes its cookie store as it closes


if __name__ == "__main__":
    asyncio.run(_make(Path(sys.argv[2]), hold=sys.argv[1] == "hold"))
