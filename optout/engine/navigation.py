"""Getting to a settings page and knowing it is one: load it, sign in if it asks, wait until it
has landed (a section, an anchor, a heading; a sign-in or challenge page) and settled (nothing
changing), give a passing error one reload, read the page's language and let the flow prepare
the page. Once settled, questions about the page wait for nothing (`probing`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from optout.engine import language
from optout.errors import CredentialsError, PageUnavailable
from optout.locate import (
    Timing,
    Traffic,
    acting_on,
    by_role,
    section_locator,
    settle_page,
    shown_text,
)
from optout.web.login import risk, settle, sign_in
from optout.web.person import Person, login_needed

if TYPE_CHECKING:
    from playwright.async_api import Page, Response

    from optout.credentials import Credentials
    from optout.evidence.capture import Capturer
    from optout.flow import Flow, Setting
    from optout.web.renewal import Renewal
    from optout.web.safety import LoginLedger


class Navigation:
    """The part of a flow's run that moves between pages (`optout.engine.flowrun.FlowRun` holds the
    state declared here)."""

    flow: Flow
    page: Page
    account: str
    credentials: Callable[[], Credentials]
    timing: Timing
    person: Person
    totp: Callable[[], str | None]
    ledger: LoginLedger | None
    renewal: Renewal | None  # the person's browser profile a fresh session is taken from
    renewed: bool
    signed_in: bool
    landed: bool
    attempted: bool
    throttled: str
    may_sign_in: bool
    may_change: bool
    settings: list[Setting]
    capturer: Capturer | None
    note: Callable[[str], None]
    personal: list[str]
    shown_in: language.PageLanguage
    settled: bool  # the page shown has stopped changing since it loaded or was last clicked
    on_phase: Callable[[str], None]  # what the run is doing now, for the person's progress line
    applying: bool
    traffic: Traffic  # its requests in flight

    async def wait_settled(self) -> None:
        """Wait once for the page now shown to stop changing (see `Timing`)."""
        await settle_page(self.page, self.timing, self.traffic)
        self.settled = True

    def probing(self) -> Timing:
        """The waits for a question about the page: none once it has settled."""
        return self.timing.settled() if self.settled else self.timing

    def _watch(self, response: Response) -> None:
        if response.status == 429 and self.flow.allows(response.url):
            self.throttled = self.throttled or response.url

    async def open(self, url: str) -> None:
        """Go to `url` and make sure the page shown is the settings page, signing in if asked."""
        await self._goto(url)
        where = await self._landing(url)
        if where == "settings":
            await self._settled(url)
            return
        if where != "settings":
            self.on_phase("signing in")
        if where == "login" and self.renewal is not None:
            await self._renew(url)  # never a password: the session comes from the browser
            return
        if where == "login":
            if self.attempted:
                raise login_needed(self.flow, self.account, "signed out again during the run")
            if not self.may_sign_in:
                raise login_needed(self.flow, self.account, "no saved session that still works")
            self.attempted = True
            try:
                credentials = self.credentials()
            except CredentialsError:
                if self.flow.login.passwordless:  # nothing to store: a person signs in
                    raise login_needed(self.flow, self.account, "no saved session, and it "
                                       "signs in without a password") from None
                raise
            self.personal.append(credentials.username)
            if self.ledger is not None:
                self.ledger.claim(self.flow.slug, self.flow.title, self.account)
            await sign_in(self.page, self.flow, credentials, self.timing)
        await settle(self.page, self.flow, self.account, self.timing, self.person, self.totp,
                     lambda: self.throttled)
        self.signed_in = True
        await self._goto(url)
        if await self._landing(url) == "settings":
            await self._settled(url)
        else:
            raise CredentialsError(
                f"{self.flow.title} still shows its sign-in page after signing in.",
                f"Check the stored credentials with `optout login {self.flow.slug} "
                f"--account {self.account}`; optout does not retry a sign-in.",
            )

    async def _renew(self, url: str) -> None:
        """Take the session again from the person's browser profile, once, and reload."""
        assert self.renewal is not None
        if self.renewed:
            raise self.renewal.needed("signed out again during the run")
        self.renewed = True
        cookies = await asyncio.to_thread(self.renewal.take)
        await self.page.context.add_cookies(cookies)  # type: ignore[arg-type]
        await self._goto(url)
        if await self._landing(url) != "settings":
            raise self.renewal.needed(f"the session taken again from {self.renewal.describe()} "
                                      "does not open the settings either")
        self.signed_in = True  # a session worth keeping
        self.note(f"{self.flow.title}: the saved session had ended; took a fresh one from "
                  f"{self.renewal.describe()}.")
        await self._settled(url)

    async def _settled(self, url: str) -> None:
        """A passing error page gets one reload; then the flow's own preparation runs."""
        self.on_phase("changing" if self.applying else "reading")
        await self.wait_settled()
        if self.flow.transient_error:
            failing = shown_text(self.page, self.flow.transient_error)
            if await failing.count():
                await self._goto(url)
                await self._landing(url)
                await self.wait_settled()
                if await failing.count():
                    raise PageUnavailable(url, "the page showed an error again after a reload")
        self.shown_in = await language.of_page(self.page)
        if self.capturer is not None:
            await self.capturer.landed(self.page, url)
        await self.prepare()

    async def prepare(self) -> None:
        """The flow's own preparation of a page just loaded (or reloaded to verify a change)."""
        async with acting_on(self.page, "prepare the page", "page"):
            answered = await self.flow.prepare_page(self.page, self.may_change)
        if answered:
            await self.wait_settled()  # the flow answered something on the page: it may have moved
            self.note(f"{self.flow.title}: {answered}")

    async def _goto(self, url: str) -> None:
        from playwright.async_api import Error as PlaywrightError

        self.settled = False
        try:
            for attempt in range(3):
                try:
                    await self.page.goto(url, wait_until="domcontentloaded")
                    return
                except PlaywrightError as exc:
                    # A page still moving on (a sign-in's chain of redirects) wins the race.
                    moved_on = "interrupted by another navigation" in (exc.message or "")
                    if attempt == 2 or not moved_on:
                        raise
                    await self.page.wait_for_load_state("load")
                    await asyncio.sleep(self.timing.poll)
        except PlaywrightError as exc:
            reason = (exc.message or "").split(" at ", 1)[0].strip() or type(exc).__name__
            raise PageUnavailable(url, reason) from exc

    async def _landing(self, url: str) -> str:
        """Wait until the page is a settings page, a sign-in page or a challenge; say which."""
        # A control behind a row or button has landed when that opener shows.
        sections = [by_role(self.page, s.reveal) if s.reveal
                    else section_locator(self.page, s.section) for s in self._settings_at(url)]
        # Locale-free hooks show a page has landed whatever its language.
        anchored = [self.page.locator(f.anchor) for s in self._settings_at(url)
                    for f in (s.reveal or s.control, s.section) if f.anchor]
        sections += anchored
        # A section whose landmark isn't there is found by its heading (see `seeking`).
        sections += [self.page.get_by_role("heading", name=s.section.heading_find().pattern())
                     for s in self._settings_at(url) if s.reveal is None]
        sections += [section_locator(self.page, s.targets.section) for s in self.flow.settings
                     if s.targets is not None and s.targets.url == url]
        failing = self.flow.transient_error
        passing_error = shown_text(self.page, failing) if failing else None
        deadline = time.monotonic() + self.timing.section
        while True:
            current = self.page.url
            if passing_error is not None and await passing_error.count():
                return "settings"  # `_settled` reloads it once
            if self.throttled:
                raise risk(self.flow, self.flow.title, f"HTTP 429 from {self.throttled}")
            if self.flow.is_challenge_page(current):
                return "challenge"
            if self.flow.is_login_page(current):
                return "login"
            for section in sections:
                if await section.count():
                    self.landed = True
                    return "settings"
            if not anchored and not (await language.of_page(self.page)).read_by(self.flow):
                return "settings"  # its words can't be recognised: the settings say so at once
            if time.monotonic() >= deadline:
                # A page quiet without its landmark may still draw it (a timer, a late script):
                # only the whole wait says it won't. The exactly-one check reports what is missing.
                return "settings"
            await asyncio.sleep(self.timing.poll)

    def _settings_at(self, url: str) -> list[Setting]:
        return [s for s in self.settings if s.url == url]
