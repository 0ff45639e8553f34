"""One async browser for a whole test session, on an event loop in its own thread.

Tests stay plain synchronous functions and call `shared.run(coroutine)`; the loop's thread keeps
the engine's async Playwright apart from pytest-playwright's sync fixtures in the main thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from optout.web.browser import NO_DNS, choose_executable

if TYPE_CHECKING:
    from playwright.async_api import Browser, Playwright

T = TypeVar("T")


def run_alone(coroutine: Coroutine[Any, Any, T], timeout: float = 120) -> T:
    """`coroutine` on a fresh event loop in its own thread: pytest-playwright's sync fixtures
    keep a loop running in the main thread, where `asyncio.run` refuses to start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="optout-alone") as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout)


class SharedBrowser:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="optout-browser",
                                       daemon=True)
        self.thread.start()
        self.playwright: Playwright = self.run(self._start_playwright())
        self.browser: Browser = self.run(self._launch())

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 120) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start_playwright(self) -> Playwright:
        from playwright.async_api import async_playwright

        return await async_playwright().start()

    async def _launch(self) -> Browser:
        executable = choose_executable(self.playwright.chromium.executable_path)
        return await self.playwright.chromium.launch(executable_path=executable, args=[NO_DNS])

    def close(self) -> None:
        self.run(self.browser.close())
        self.run(self.playwright.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()
