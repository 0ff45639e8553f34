"""What a run may ask of the person at the keyboard, and handing a challenge over to them.

A machine must not solve a captcha or answer "is this you?". In a terminal, optout opens the same
session in a visible browser, waits for the person to finish, and carries on with the cookies they
earned. With no terminal (a scheduled run) it stops at once and says which command to run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from optout.errors import OptoutError, PersonNeeded
from optout.flow import Flow
from optout.logs import log
from optout.web.browser import check_display, choose_executable, sealing

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

HANDOVER_SECONDS = 600.0
# How long a page past sign-in must stay so before a flow with no signed-in cookie is checked.
SETTLED_SECONDS = 3.0


@dataclass
class Person:
    """The person's side of a run: None answers mean "nobody is there to ask"."""

    interactive: bool = False
    ask_code: Callable[[str], str | None] = lambda _question: None
    say: Callable[[str], None] = lambda _message: None
    # Readies a visible browser's context as the run's own was (replay routes, for instance).
    prepare: Callable[[BrowserContext], Awaitable[None]] | None = None
    offline: bool = False  # a replayed run: the visible browser sends nothing off the machine
    wait_seconds: float = HANDOVER_SECONDS


def login_needed(flow: Flow, account: str, what: str) -> PersonNeeded:
    return PersonNeeded(
        f"{flow.title} wants a person to finish signing in ({what}).",
        f"Run `optout login {flow.slug} --account {account} --browser` in a terminal, "
        "then run this again.",
    )


async def signed_in(context: BrowserContext, flow: Flow) -> bool:
    wanted = flow.login.signed_in_cookie
    return bool(wanted) and any(c["name"] == wanted for c in await context.cookies())


async def wait_for_person(page: Page, flow: Flow, seconds: float) -> bool:
    """True once the page is past sign-in and challenges and the signed-in cookie is there.

    A flow that names no signed-in cookie can't be told that way: once the page has stayed off
    the sign-in and challenge pages for a moment, its settings page is opened, and only a page
    that stays there (not sent back to sign in) counts; otherwise the person carries on."""
    deadline = time.monotonic() + seconds
    calm_since: float | None = None
    while time.monotonic() < deadline:
        url = page.url
        past = flow.allows(url) and not flow.is_login_page(url) and not flow.is_challenge_page(url)
        if past and flow.login.signed_in_cookie:
            if await signed_in(page.context, flow):
                return True
        elif past and not await _asks_for_a_secret(page):
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since >= SETTLED_SECONDS:
                if await _settings_open(page, flow):
                    return True
                calm_since = None
        else:
            calm_since = None
        await asyncio.sleep(0.5)
    return False


# A field still waiting for the person (a password, a code): such a page is never left for them.
SECRET_FIELDS = ("input[type=password], input[autocomplete=one-time-code], "
                 "input[inputmode=numeric]")


async def _asks_for_a_secret(page: Page) -> bool:
    from playwright.async_api import Error as PlaywrightError

    try:
        return bool(await page.locator(SECRET_FIELDS).filter(visible=True).count())
    except PlaywrightError:  # a page in the middle of navigating asks for nothing yet
        return False


async def _settings_open(page: Page, flow: Flow) -> bool:
    """Open the flow's first page of settings: True when it stays there (a signed-out visitor is
    sent to sign in)."""
    first = flow.settings[0]
    url = first.targets.url if first.targets is not None else first.url
    from playwright.async_api import Error as PlaywrightError

    try:
        await page.goto(url, wait_until="load")
        await asyncio.sleep(1)  # a script sending the signed-out visitor away
    except PlaywrightError as exc:  # a page that won't open only means "not yet"
        log.info("%s: the settings page did not open yet (%s)", flow.slug, type(exc).__name__)
        return False
    here = urlsplit(page.url)
    # Still on that page (on any of the flow's hosts: a regional site may answer for it).
    return flow.allows(page.url) and here.path.rstrip("/") == urlsplit(url).path.rstrip("/")


async def hand_over(page: Page, flow: Flow, account: str, person: Person) -> None:
    """Open the page's session visibly for the person; copy the cookies back when they're done."""
    if not person.interactive:
        raise login_needed(flow, account, "a challenge that only a person may answer")
    try:
        check_display(True)
    except OptoutError:
        raise login_needed(flow, account, "a challenge, and no display to show it on") from None
    context = page.context
    browser = context.browser
    assert browser is not None  # contexts here always come from a launched browser
    browser_type = browser.browser_type
    # A replayed run's window is sealed off the network like its headless browser.
    executable = choose_executable(browser_type.executable_path, headed=True)
    visible = await browser_type.launch(headless=False, executable_path=executable,
                                        **sealing(person.offline))
    try:
        shown = await visible.new_context(storage_state=await context.storage_state())
        if person.prepare is not None:
            await person.prepare(shown)
        window = await shown.new_page()
        await window.goto(page.url)
        person.say(f"{flow.title} wants a person: finish signing in in the browser window "
                   f"(optout waits up to {person.wait_seconds / 60:.0f} minutes).")
        log.info("%s/%s: handed a challenge to the person", flow.slug, account)
        if not await wait_for_person(window, flow, person.wait_seconds):
            raise login_needed(flow, account, "the challenge was not finished in time")
        await context.add_cookies(await shown.cookies())  # type: ignore[arg-type]
        person.say("Thanks: signed in. optout carries on.")
    finally:
        await visible.close()
