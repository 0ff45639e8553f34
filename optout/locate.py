"""Finding controls the way a person does, and the exactly-one rule.

Controls are found by role and accessible name inside a named section, or by a locale-free
anchor (a setting's own control: see `optout.engine.seeking`). Zero or several matches never
become "take the first": the caller learns the count and decides, with
`optout.engine.absence`, whether that means "not offered" or a broken flow.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from optout.errors import FlowBroken
from optout.flow import Find, Section
from optout.printable import one_line

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page, Request


@dataclass(frozen=True)
class Timing:
    """How long to wait for a page to settle; saved pages settle at once, real ones don't.

    A page is waited for once: until its landmark shows and it stops changing (`settle_page`).
    After that, questions about it are answered from what it holds (`settled`); only what a
    click asked for (a dialog, a menu, a new state) is waited for again.
    """

    section: float = 15.0  # seconds for the section to appear
    control: float = 5.0  # seconds for a control to appear once its section is there
    change: float = 10.0  # seconds for a clicked control to show its new state
    poll: float = 0.1
    quiet: float = 0.5  # seconds without a change to the page that make it settled
    # Before "not offered", the control gets one more wait: a page still drawing (a timer, a
    # late script: nothing a settled page shows) must not read as a page without the setting.
    absence: float = 5.0

    @classmethod
    def replay(cls) -> Timing:
        return cls(section=1.5, control=0.5, change=3.0, poll=0.05, quiet=0.03, absence=0.5)

    def settled(self) -> Timing:
        """For questions about a settled page: no wait for what isn't there."""
        return replace(self, section=0.0, control=0.0)


# Resolves once nothing on the page has changed for `quiet` ms (or after `limit` ms).
QUIET_JS = """([quiet, limit]) => new Promise(resolve => {
  let timer = 0, cap = 0;
  const done = () => {
    observer.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(0);
  };
  const observer = new MutationObserver(() => {
    clearTimeout(timer); timer = setTimeout(done, quiet);
  });
  observer.observe(document,
                   {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(done, quiet);
  cap = setTimeout(done, limit);
})"""


# What a page draws its controls from; streams, pictures and fonts add none (and a stream stays
# open for as long as the page does).
DRAWN_FROM = frozenset({"document", "script", "stylesheet", "xhr", "fetch"})


class Traffic:
    """The page's requests still in flight: a page waiting on its data has not settled."""

    def __init__(self, page: Page) -> None:
        self.open: set[Request] = set()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        if request.resource_type in DRAWN_FROM:
            self.open.add(request)

    def _ended(self, request: Request) -> None:
        self.open.discard(request)

    def __len__(self) -> int:
        return len(self.open)


async def settle_page(page: Page, timing: Timing, traffic: Traffic | None = None) -> None:
    """Wait until the page has stopped changing: loaded, no request in flight and no change to
    its content for `timing.quiet` seconds; at most `timing.control` seconds in all."""
    from playwright.async_api import Error as PlaywrightError

    deadline = time.monotonic() + timing.control
    try:
        await page.wait_for_load_state("load", timeout=timing.control * 1000)
        while (left := deadline - time.monotonic()) > 0:
            # The page's own timers run this; a page that stops them can't hold the run past it.
            await asyncio.wait_for(page.evaluate(QUIET_JS, [timing.quiet * 1000, left * 1000]),
                                   left + 1)
            if not traffic:
                return
            while traffic and time.monotonic() < deadline:
                await asyncio.sleep(timing.poll)  # its data is on the way: then quiet again
    except (PlaywrightError, TimeoutError):
        pass  # it navigated meanwhile, or never settled: what it shows now is what is read


async def settle_count(locator: Locator, timeout: float, poll: float) -> int:
    """The number of matches once at least one appears, or 0 after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        count = await locator.count()
        if count or time.monotonic() >= deadline:
            return count
        await asyncio.sleep(poll)


def shown_text(scope: Page | Locator, pattern: str) -> Locator:
    """Visible text matching `pattern` (case-insensitive): pages keep hidden messages around."""
    return scope.get_by_text(re.compile(pattern, re.IGNORECASE)).filter(visible=True)


def by_role(scope: Page | Locator, find: Find, readable: bool = True) -> Locator:
    """By role and name; with an anchor, the element there (still named so, if `readable`)."""
    named = scope.get_by_role(find.role, name=find.pattern())  # type: ignore[arg-type]
    if not find.anchor:
        return named
    at_anchor = scope.locator(find.anchor)
    return at_anchor.and_(named) if readable else at_anchor


async def words_of(scope: Page | Locator, find: Find) -> str:
    """What the first visible element `find` names says (its label, else its text), on one line;
    empty when nothing shows."""
    shown = by_role(scope, find).filter(visible=True)
    if not await shown.count():
        return ""
    first = shown.first
    words = await first.get_attribute("aria-label") or await first.inner_text()
    return one_line(words.strip())[:200]


def section_locator(page: Page, section: Section) -> Locator:
    if section.anchor:
        return page.locator(section.anchor)
    return page.get_by_role(section.role).filter(  # type: ignore[arg-type]
        has=by_role(page, section.heading_find()))


async def exactly_one(scope: Page | Locator, find: Find, step: str, url: str,
                      timing: Timing, readable: bool = True) -> Locator:
    """The single element matching `find`, or FlowBroken naming the step, locator and count."""
    locator = by_role(scope, find, readable)
    count = await settle_count(locator, timing.control, timing.poll)
    if count != 1:
        raise FlowBroken(step, find.describe(), url, count)
    return locator


async def find_section(page: Page, section: Section, step: str, timing: Timing,
                       wait: float | None = None) -> Locator:
    """The one section; `wait` shortens the wait once the page is known to have landed."""
    locator = section_locator(page, section)
    count = await settle_count(locator, timing.section if wait is None else wait, timing.poll)
    if count != 1:
        raise FlowBroken(step, section.describe(), page.url, count)
    return locator


async def find_control(section: Locator, find: Find, step: str, url: str,
                       timing: Timing) -> Locator | None:
    """The control inside its section; None when the section has no such control."""
    locator = by_role(section, find)
    count = await settle_count(locator, timing.control, timing.poll)
    if count > 1:
        raise FlowBroken(step, find.describe(), url, count)
    return locator if count == 1 else None


@asynccontextmanager
async def acting_on(page: Page, step: str, what: str) -> AsyncIterator[None]:
    """A control found but not usable (hidden, disabled, not checkable) is a broken flow too."""
    from playwright.async_api import Error as PlaywrightError

    try:
        yield
    except PlaywrightError as exc:
        first = (exc.message or type(exc).__name__).strip().splitlines()[0]
        raise FlowBroken(step, what, page.url, 1,
                         detail=f"the {what} was found but could not be used ({first})") from exc
