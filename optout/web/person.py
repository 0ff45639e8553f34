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

from optout.errors import OptoutError, PersonNeeded
from optout.flow import Flow
from optout.logs import log
from optout.web.browser import check_display, choose_executable, sealing

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page

HANDOVER_SECONDS = 600.0


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
    """True once the page is past sign-in and challenges and the signed-in cookie is there."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        url = page.url
        if (flow.allows(url) and not flow.is_login_page(url) and not flow.is_challenge_page(url)
                and await signed_in(page.context, flow)):
            return True
        await asyncio.sleep(0.5)
    return False


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
