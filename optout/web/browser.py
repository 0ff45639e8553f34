"""The one place a browser is found and launched.

Order of preference: `OPTOUT_BROWSER` (a path the person chose), Playwright's own Chromium if
`playwright install` worked, then (for a run with no window) a Chromium headless shell, then
Chrome, Chromium or Edge where each system keeps them.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from optout.errors import BrowserNotFound, UsageError

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, ProxySettings

INSTALL_HINT = (
    "Install Chrome, Chromium or Edge (Debian/Ubuntu: `sudo apt-get install chromium`), "
    "or run `playwright install chromium`, or set OPTOUT_BROWSER to a browser's path."
)
# Replayed runs must not resolve any host: saved pages are served by the replay's routes. Names
# under .local go to an address instead: WebRTC resolves a peer's .local name by multicast DNS
# even once renamed ~NOTFOUND (Chromium 156 sent a query for "~NOTFOUND" to 224.0.0.251), and an
# address needs no query. (--disable-features=WebRtcHideLocalIpsWithMdns also stops it, but a
# second --disable-features replaces Playwright's own list.)
NO_DNS = "--host-resolver-rules=MAP *.local 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# A replayed run sends nothing off the machine, whatever the saved pages' scripts do. Routes see
# only requests; these close what bypasses them (each checked under strace with Chromium 156 and
# its headless shell, tests/test_sealed_replay.py).
OFFLINE_ARGS = (
    NO_DNS,
    # WebRTC's UDP (STUN, ICE checks, mDNS announcements) goes out of sockets no route or proxy
    # sees; this allows WebRTC only TCP through the proxy. Full Chromium reads this switch...
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    # ...and the headless shell only this one.
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    # QUIC is UDP, which no HTTP proxy carries: every connection stays TCP and goes to the proxy.
    "--disable-quic",
)
# Whatever bypasses the routes and the resolver (preconnects, WebSockets, shared workers' fetches,
# WebTransport, IP literals) goes to this proxy: a loopback port nothing answers. `<-loopback>`
# sends loopback addresses through it too, so no other port on this machine is reached either.
OFFLINE_PROXY: ProxySettings = {"server": "http://127.0.0.1:9", "bypass": "<-loopback>"}

LINUX_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
               "microsoft-edge", "microsoft-edge-stable")
LINUX_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium",
               "/usr/bin/google-chrome", "/opt/google/chrome/chrome", "/usr/bin/microsoft-edge")
MAC_APPS = ("Google Chrome.app/Contents/MacOS/Google Chrome",
            "Chromium.app/Contents/MacOS/Chromium",
            "Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
WINDOWS_EXES = (r"Google\Chrome\Application\chrome.exe",
                r"Microsoft\Edge\Application\msedge.exe",
                r"Chromium\Application\chrome.exe")


# Chromium's headless shell: what Playwright itself runs when no window is asked for; it starts
# and reads a platform's saved pages in about three quarters of the full browser's time (0.80 s
# against 1.02-1.13 s for `optout check x --replay fixtures/x/on`).
HEADLESS_SHELLS = ("chromium-headless-shell", "chrome-headless-shell")
HEADLESS_PATHS = ("/usr/bin/chromium-headless-shell",)


def headless_shells() -> list[Path]:
    """Where a headless shell may be: on PATH (Debian's package, Chrome for Testing's)."""
    found = [shutil.which(name) for name in HEADLESS_SHELLS]
    return [Path(p) for p in found if p] + [Path(p) for p in HEADLESS_PATHS]


def system_candidates() -> list[Path]:
    """Where Chrome, Chromium and Edge usually live on this operating system, best first."""
    if sys.platform == "darwin":
        roots = [Path("/Applications"), Path.home() / "Applications"]
        return [root / app for root in roots for app in MAC_APPS]
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
        return [Path(root) / exe for root in roots if root for exe in WINDOWS_EXES]
    found = [shutil.which(name) for name in LINUX_NAMES]
    return [Path(p) for p in found if p] + [Path(p) for p in LINUX_PATHS]


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def choose_executable(playwright_own: str | None, headed: bool = False) -> str | None:
    """The browser to launch; None means Playwright's own, which needs no path (and picks its
    own headless shell for a run with no window)."""
    chosen = os.environ.get("OPTOUT_BROWSER")
    if chosen:
        if not _runnable(Path(chosen)):
            raise BrowserNotFound(f"OPTOUT_BROWSER is '{chosen}', which is not a runnable file.",
                                  INSTALL_HINT)
        return chosen
    if playwright_own and _runnable(Path(playwright_own)):
        return None
    for candidate in ([] if headed else headless_shells()) + system_candidates():
        if _runnable(candidate):
            return str(candidate)
    raise BrowserNotFound("No Chrome, Chromium or Edge browser was found.", INSTALL_HINT)


def check_display(headed: bool) -> None:
    """A visible browser needs a screen; say so before launching rather than crash."""
    if headed and sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise UsageError("A visible browser needs a display, and this session has none "
                         "(no DISPLAY).",
                         "Run it on a desktop, or without --headed/--browser where you can.")


def sealing(offline: bool) -> dict[str, Any]:
    """Launch options that keep an offline browser's traffic on this machine (none otherwise)."""
    return {"args": list(OFFLINE_ARGS), "proxy": OFFLINE_PROXY} if offline else {"args": []}


@asynccontextmanager
async def launch(*, headed: bool = False, offline: bool = False) -> AsyncIterator[Browser]:
    """A running browser for the length of the block; `offline` sends nothing off the machine."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    check_display(headed)
    async with async_playwright() as playwright:
        executable = choose_executable(playwright.chromium.executable_path, headed)
        try:
            browser = await playwright.chromium.launch(
                executable_path=executable, headless=not headed, **sealing(offline))
        except PlaywrightError as exc:
            first = (exc.message or "").strip().splitlines()[0:1]
            raise BrowserNotFound(
                f"The browser {executable or '(Playwright Chromium)'} did not start: "
                f"{first[0] if first else type(exc).__name__}",
                INSTALL_HINT,
            ) from exc
        try:
            yield browser
        finally:
            await browser.close()


async def new_context(browser: Browser,
                      storage_state: dict[str, Any] | None = None) -> BrowserContext:
    # Service workers would bypass routes (replay, domain guard); English labels match flows.
    return await browser.new_context(service_workers="block", locale="en-US",
                                     viewport={"width": 1280, "height": 900},
                                     storage_state=storage_state)  # type: ignore[arg-type]


async def _found() -> str:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        own = playwright.chromium.executable_path
        windowless = choose_executable(own) or own
        try:
            windowed = choose_executable(own, headed=True) or own
        except BrowserNotFound:
            return f"{windowless} (none for a window, e.g. `optout login --browser`)"
        return windowless if windowless == windowed else f"{windowless} (with a window: {windowed})"


if __name__ == "__main__":  # `python -m optout.web.browser`: which browser optout would use
    import asyncio

    try:
        print(asyncio.run(_found()))  # noqa: T201
    except BrowserNotFound as exc:
        print(exc.one_line(), file=sys.stderr)  # noqa: T201
        raise SystemExit(1) from None
