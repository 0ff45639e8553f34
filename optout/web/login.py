"""Signing in with stored credentials, once, on the flow's own domains only; then challenges.

A refused sign-in is never retried (repeated failures get accounts locked). A one-time code is
typed from the authenticator secret or asked of the person; any other challenge is handed to the
person (`optout.web.person`). A sign of the platform's unease stops the run at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from optout.errors import CredentialsError, FlowBroken, PersonNeeded
from optout.flow import Flow
from optout.locate import Timing, acting_on, by_role, exactly_one, settle_count, shown_text
from optout.logs import log
from optout.web.person import Person, hand_over, login_needed

if TYPE_CHECKING:
    from playwright.async_api import Page

    from optout.credentials import Credentials


def _guard(page: Page, flow: Flow, step: str) -> None:
    """Credentials are typed only into the flow's own domains."""
    if not flow.allows(page.url):
        raise FlowBroken(step, "a sign-in page on " + ", ".join(flow.domains), page.url, 0,
                         detail="the sign-in page is not on the platform's own domain")


async def sign_in(page: Page, flow: Flow, credentials: Credentials, timing: Timing) -> None:
    """Fill and submit the sign-in form once; `settle` then waits for the platform's answer."""
    login = flow.login
    _guard(page, flow, "sign in")
    username = await exactly_one(page, login.username, "sign in: username", page.url, timing)
    if login.next is not None:
        step = await exactly_one(page, login.next, "sign in: next", page.url, timing)
        async with acting_on(page, "sign in: username", "sign-in form"):
            await username.fill(credentials.username)
            await step.click()
        if not await _password_shown(page, flow, timing):
            return  # a refusal, a caution or a challenge instead: `settle` answers it
    password = await exactly_one(page, login.password, "sign in: password", page.url, timing)
    submit = await exactly_one(page, login.submit, "sign in: submit", page.url, timing)
    async with acting_on(page, "sign in", "sign-in form"):
        if login.next is None:
            await username.fill(credentials.username)
        _guard(page, flow, "sign in")  # the page may have moved while the username was typed
        await password.fill(credentials.password)
        await submit.click()


async def _password_shown(page: Page, flow: Flow, timing: Timing) -> bool:
    """After "Next": True once the password field shows; False if the platform said otherwise."""
    login = flow.login
    field = by_role(page, login.password)
    others = [shown_text(page, text) for text in (login.rejected_text, login.risk_text) if text]
    deadline = time.monotonic() + timing.section
    while time.monotonic() < deadline:
        if await field.count():
            _guard(page, flow, "sign in: password")
            if not flow.is_login_page(page.url):  # e.g. "create a password": a new account
                raise PersonNeeded(
                    f"After the username, {flow.title} asked for a password outside its sign-in "
                    "pages (a sign-up page?); optout typed nothing there.",
                    f"Check the stored username with `optout login {flow.slug}`, or sign in "
                    f"with `optout login {flow.slug} --browser`.")
            return True
        if flow.is_challenge_page(page.url) or any([await o.count() for o in others]):
            return False
        await asyncio.sleep(timing.poll)
    raise FlowBroken("sign in: password", login.password.describe(), page.url, 0,
                     detail="the password field did not show after the username")


def risk(flow: Flow, title: str, seen: str) -> PersonNeeded:
    return PersonNeeded(
        f"{title} signals caution ({seen}); optout stopped and will not sign in again now.",
        "Wait a day before running optout again, and check the account in your own browser.",
    )


async def settle(page: Page, flow: Flow, account: str, timing: Timing, person: Person,
                 totp: Callable[[], str | None], throttled: Callable[[], str]) -> None:
    """Wait until the sign-in is through: answer a code once, hand anything else to the person."""
    rejected, wary = flow.login.rejected_text, flow.login.risk_text
    refused = shown_text(page, rejected) if rejected else None
    caution = shown_text(page, wary) if wary else None
    code_sent = False
    answer = flow.login.prompt_answer
    prompt = by_role(page, answer).filter(visible=True) if answer is not None else None
    prompted = False
    deadline = time.monotonic() + timing.section
    while time.monotonic() < deadline:
        url = page.url  # read once: every check below must speak of the same page
        log.debug("sign-in: waiting on %s", url)
        if throttled():
            raise risk(flow, flow.title, f"HTTP 429 from {throttled()}")
        if caution is not None and await caution.count():
            raise risk(flow, flow.title, "its page asks to try again later")
        if flow.is_challenge_page(url):
            if await _code_field_count(page, flow, timing):
                if code_sent:
                    raise login_needed(flow, account, "the one-time code was not accepted")
                await _enter_code(page, flow, account, timing, person, totp)
                code_sent = True
                deadline = time.monotonic() + timing.section  # the platform answers the code
            else:
                # The person finished in the visible browser; its cookies are in this context now.
                await hand_over(page, flow, account, person)
                return
            continue
        if refused is not None and await refused.count():
            raise CredentialsError(
                f"{flow.title} refused the stored username or password; optout will not retry.",
                f"Store the right ones with `optout login {flow.slug} --account {account}`.",
            )
        if prompt is not None and not prompted and await prompt.count():
            prompted = True  # answered once: a prompt that stays is the person's to see
            async with acting_on(page, "sign in: prompt", "the prompt's answer"):
                await prompt.click()
            deadline = time.monotonic() + timing.section
            continue
        # A redirect passes through interim pages (chrome-error:, about:blank): wait them out.
        if flow.allows(url) and not flow.is_login_page(url):
            # A hand-back page may still be setting its cookie before it moves on: let it load.
            await _loaded(page, timing)
            if page.url == url:
                return
            continue
        await asyncio.sleep(timing.poll)
    raise PersonNeeded(f"{flow.title}'s sign-in did not finish ({page.url}).",
                       "Sign in once in your own browser, then run optout again.")


async def _loaded(page: Page, timing: Timing) -> None:
    from playwright.async_api import Error as PlaywrightError

    # A page that never finishes loading is read as it stands.
    with contextlib.suppress(PlaywrightError):
        await page.wait_for_load_state("load", timeout=timing.section * 1000)
    await asyncio.sleep(timing.poll)


async def _code_field_count(page: Page, flow: Flow, timing: Timing) -> int:
    if flow.login.code_field is None:
        return 0
    await page.wait_for_load_state("domcontentloaded")
    return await settle_count(by_role(page, flow.login.code_field), timing.control, timing.poll)


async def _enter_code(page: Page, flow: Flow, account: str, timing: Timing, person: Person,
                      totp: Callable[[], str | None]) -> None:
    login = flow.login
    assert login.code_field is not None and login.code_submit is not None
    app = shown_text(page, login.app_code_text) if login.app_code_text else None
    # An emailed or texted code can't come from the authenticator secret: ask the person.
    code = totp() if app is not None and await app.count() else None
    if code is None and person.interactive:
        question = f"{flow.title} sent a sign-in code (email, SMS or app). Code"
        code = await asyncio.to_thread(person.ask_code, question)
    if not code:
        raise login_needed(flow, account, "a one-time code")
    field = await exactly_one(page, login.code_field, "sign in: code", page.url, timing)
    submit = await exactly_one(page, login.code_submit, "sign in: code submit", page.url, timing)
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    async with acting_on(page, "sign in: code", "code form"):
        await field.fill(code.strip())
        try:
            async with page.expect_navigation(timeout=timing.change * 1000):
                await submit.click()
        except PlaywrightTimeout:
            pass  # answered in place: the loop reads whether the code page is still there
