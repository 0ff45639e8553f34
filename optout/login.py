"""Signing in with stored credentials, once, on the flow's own domains only.

A refused sign-in is never retried (repeated failures get accounts locked); a challenge
(checkpoint, captcha, code) stops the run and hands over to the person.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import TYPE_CHECKING

from optout.errors import CredentialsError, FlowBroken, PersonNeeded
from optout.flow import Flow
from optout.locate import Timing, acting_on, exactly_one
from optout.logs import log

if TYPE_CHECKING:
    from playwright.async_api import Page

    from optout.credentials import Credentials


def _guard(page: Page, flow: Flow, step: str) -> None:
    """Credentials are typed only into the flow's own domains."""
    if not flow.allows(page.url):
        raise FlowBroken(step, "a sign-in page on " + ", ".join(flow.domains), page.url, 0,
                         detail="the sign-in page is not on the platform's own domain")


async def sign_in(page: Page, flow: Flow, credentials: Credentials, timing: Timing) -> None:
    login = flow.login
    _guard(page, flow, "sign in")
    username = await exactly_one(page, login.username, "sign in: username", page.url, timing)
    password = await exactly_one(page, login.password, "sign in: password", page.url, timing)
    submit = await exactly_one(page, login.submit, "sign in: submit", page.url, timing)
    async with acting_on(page, "sign in", "sign-in form"):
        await username.fill(credentials.username)
        _guard(page, flow, "sign in")  # the page may have moved while the username was typed
        await password.fill(credentials.password)
        await submit.click()
    await _outcome(page, flow, timing)


async def _outcome(page: Page, flow: Flow, timing: Timing) -> None:
    """Wait until the platform answers the sign-in: accepted, refused, or a challenge."""
    rejected = flow.login.rejected_text
    refused = page.get_by_text(re.compile(rejected, re.I)) if rejected else None
    deadline = time.monotonic() + timing.section
    while time.monotonic() < deadline:
        url = page.url  # read once: every check below must speak of the same page
        log.debug("sign-in: waiting on %s", url)
        if flow.is_challenge_page(url):
            raise PersonNeeded(
                f"{flow.title} asks the person to confirm this sign-in (a checkpoint).",
                "Sign in once in your own browser to clear it, then run optout again.",
            )
        if refused is not None and await refused.count():
            raise CredentialsError(
                f"{flow.title} refused the stored username or password; optout will not retry.",
                f"Store the right ones with `optout login {flow.slug}`.",
            )
        # A redirect passes through interim pages (chrome-error:, about:blank): wait them out.
        if flow.allows(url) and not flow.is_login_page(url):
            return
        await asyncio.sleep(timing.poll)
    raise PersonNeeded(f"{flow.title}'s sign-in did not finish ({page.url}).",
                       "Sign in once in your own browser, then run optout again.")
