"""The cycle every flow goes through: read -> plan -> (ask) -> apply -> reload -> verify.

Nothing here knows a platform. A control is read before it is clicked, clicked only when it is
not already as wanted, clicked once, and reported only from what a reload shows afterwards.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from optout import controls
from optout.engine import absence, forms, language, menus, seeking, targets
from optout.engine.navigation import Navigation
from optout.engine.newcontrols import look_out, own_names
from optout.errors import (
    FlowBroken,
    LanguageUnsupported,
    OptoutError,
    PageUnavailable,
    PersonNeeded,
)
from optout.evidence import pictures as evidence
from optout.evidence.capture import Capturer, label_if_personal
from optout.flow import Find, Flow, Setting, State
from optout.locate import (
    Timing,
    Traffic,
    acting_on,
    by_role,
    exactly_one,
    find_control,
    section_locator,
    settle_count,
    words_of,
)
from optout.logs import log
from optout.results import Action, SettingResult, SettingState
from optout.web.person import Person
from optout.web.safety import LoginLedger

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

    from optout.credentials import Credentials
    from optout.web.renewal import Renewal


def no_sent_form(_setting: str) -> tuple[str, str] | None:
    return None


@dataclass
class FlowRun(Navigation):
    """One flow driving one page for one account: read, plan, apply, verify."""

    flow: Flow
    page: Page
    account: str
    credentials: Callable[[], Credentials]  # asked only when a sign-in page wants them
    timing: Timing
    person: Person = field(default_factory=Person)
    totp: Callable[[], str | None] = lambda: None  # an authenticator code, if a secret is stored
    ledger: LoginLedger | None = None
    renewal: Renewal | None = None  # set up from the person's browser: taken again from there
    renewed: bool = False  # at most one fresh copy per run
    signed_in: bool = False  # this run signed in (so its session is worth keeping)
    landed: bool = False  # a settings page was reached (the session works)
    attempted: bool = False  # at most one automatic sign-in per run
    throttled: str = ""  # the URL that answered HTTP 429, if any
    may_sign_in: bool = True  # unattended checks never type a password
    delete_activity: bool = False  # the person asked for a menu's "... and delete activity"
    objection_text: str | None = None  # the person's own text for request forms
    send_forms: bool = True  # checks never send a form: a person approves its text
    may_change: bool = True  # False in dry runs and checks: notices are left unanswered
    only_target: str | None = None  # `--target`: one blog, site or publication
    # The flow's settings, one per target for settings kept per blog (filled by `read_all`).
    settings: list[Setting] = field(default_factory=list)
    pictures: bool = False  # keep a masked screenshot of each setting for its receipt
    # Keeps the pages landed on, and saves the page a step first finds not as expected.
    capturer: Capturer | None = None
    shots: dict[str, bytes] = field(default_factory=dict)
    note: Callable[[str], None] = log.info  # a line the person should see
    # When (and with what proof) this account sent a setting's form before, if ever.
    sent_before: Callable[[str], tuple[str, str] | None] = no_sent_form
    personal: list[str] = field(default_factory=list)  # names masked in pictures
    # The language the page now open is shown in (`<html lang>`).
    shown_in: language.PageLanguage = language.ENGLISH
    # The accessible names of the flow's own controls as found: never new controls.
    own_names: set[str] = field(default_factory=set)
    settled: bool = False  # the page has stopped changing since it loaded or was last clicked
    # What the run is doing now ("signing in", "reading", "changing", "verifying"), for progress.
    on_phase: Callable[[str], None] = lambda _phase: None
    applying: bool = False  # in `apply`: pages are opened to change them, not to read them

    def __post_init__(self) -> None:
        self.page.on("response", self._watch)
        self.traffic = Traffic(self.page)
        self.settings = [s for s in self.flow.settings if s.targets is None]
        self.personal += label_if_personal(self.account)

    def setting(self, setting_id: str) -> Setting:
        return next(s for s in self.settings if s.id == setting_id)

    # Reading

    async def _reveal(self, setting: Setting, step: str) -> None:
        """Open the row or button that holds the control, unless the control already shows;
        what the click opens is then waited for."""
        if setting.reveal is None:
            return
        readable = self.shown_in.read_by(self.flow)
        shown = (readable and await section_locator(self.page, setting.section).count()) or (
            setting.control.anchor and await self.page.locator(setting.control.anchor).filter(
                visible=True).count())
        if shown:
            return
        if setting.tab is not None and not await by_role(self.page, setting.reveal,
                                                         readable).count():
            await self.click(self.page, setting.tab, f"{step} '{setting.id}': tab")
        opener = await exactly_one(self.page, setting.reveal, f"{step} '{setting.id}': open",
                                   self.page.url, self.probing(), readable)
        self.settled = False
        async with acting_on(self.page, f"{step} '{setting.id}': open", "opener"):
            await opener.click()

    async def control_of(self, setting: Setting, step: str) -> seeking.Found:
        if not self.shown_in.read_by(self.flow) and not setting.locale_free:
            raise language.unsupported(self.flow, setting, self.shown_in)
        await self._reveal(setting, step)
        timing = self.probing()
        if setting.shown_when_off is not None and timing.control:
            # A "Turn off" button is absent while off: wait for either button, not the timeout.
            section = section_locator(self.page, setting.section)
            either = by_role(section, setting.control).or_(by_role(section, setting.shown_when_off))
            await settle_count(either, timing.control, timing.poll)
            timing = timing.settled()
        found = await seeking.find(self.page, self.flow, setting, step, timing, self.shown_in)
        if not self.settled:
            await self.wait_settled()  # what a click opened is there: the rest is read as it stands
        if found.control is not None:
            self.own_names.update(await own_names(found.control))
        return found

    async def _found_or_awaited(self, setting: Setting, found: seeking.Found,
                                step: str) -> seeking.Found:
        """A control not on a real page gets one more wait before it counts as absent: a page
        still rendering must never read as one without the setting."""
        if found.control is not None or not self.timing.absence or await self._shows_off_sign(
                setting, step):
            return found
        longer = replace(self.timing, control=self.timing.absence)
        return await seeking.find(self.page, self.flow, setting, step, longer, self.shown_in)

    async def _shows_off_sign(self, setting: Setting, step: str) -> bool:
        """For a button control: whether the button that shows "it is off" is there."""
        if setting.shown_when_off is None:
            return False
        section = section_locator(self.page, setting.section)
        return await find_control(section, setting.shown_when_off, f"{step} '{setting.id}': "
                                  "off sign", self.page.url, Timing(0, 0, 0, 0)) is not None

    async def position(self, setting: Setting, control: Locator) -> State:
        async with acting_on(self.page, f"read '{setting.id}'", setting.control.describe()):
            if setting.kind == "button":
                # The "Turn off" button shows while on; gone, with "Turn on" in its place: off.
                if await control.count() == 0 and await self._shows_off_sign(setting, "read"):
                    return "off"
                return "on"
            return await self.flow.read_control(self.page, setting, control)

    def blank(self, setting: Setting, state: SettingState, reason: str = "") -> SettingResult:
        return SettingResult(setting.id, setting.label, setting.url, state, reason=reason,
                             manual_path=setting.manual_path)

    def unknown(self, setting: Setting, error: OptoutError, reason: str = "") -> SettingResult:
        """A setting `error` kept from being read: unknown, with the error's exit bit."""
        result = self.blank(setting, SettingState.UNKNOWN, reason or error.message)
        result.cause = error.exit_bit
        return result

    async def not_offered(self, setting: Setting, section: Locator | None) -> SettingResult:
        """Not offered, on the evidence the page gives (or an error saying it gives none)."""
        why = await absence.evidence(self.page, self.flow, setting, section, self.shown_in)
        result = self.blank(setting, SettingState.NOT_OFFERED, setting.not_offered())
        result.evidence = why
        return result

    async def read(self, setting: Setting) -> SettingResult:
        found = await self._found_or_awaited(setting, await self.control_of(setting, "read"),
                                             "read")
        control = found.control
        if control is None and await self._shows_off_sign(setting, "read"):
            result = self.blank(setting, SettingState.OFF)
        elif control is None:
            return await self.not_offered(setting, found.section)
        elif setting.form is not None:
            result = forms.plan(self, setting)
        elif await self.position(setting, control) == setting.desired:
            result = self.blank(setting, SettingState.OFF)
        else:
            result = self.blank(setting, SettingState.ON)
            result.action = Action.TURN_OFF
            result.detail = self._choice(setting)
            if setting.desired == "on":  # a control that blocks training: "off" means it on
                result.detail = "by switching this control on, which stops the sharing"
            # What the page says beside it while on (YouTube: which companies may train).
            said = await words_of(self.page, setting.said_when_on) if setting.said_when_on else ""
            result.detail = "; ".join(part for part in (said, result.detail) if part)
        if not self.shown_in.read_by(self.flow):
            result.evidence = (f"read by its locale-free anchor ({setting.control.anchor}) on a "
                               f"page shown in {self.shown_in.describe()}")
        result.before = result.state
        return result

    def _choice(self, setting: Setting) -> str:
        if setting.choose_deleting is None:
            return ""
        if self.delete_activity:
            return "chooses the menu's option that also deletes past activity (--delete-activity)"
        return "past activity is kept; --delete-activity deletes it too"

    async def read_all(self) -> tuple[list[SettingResult], list[OptoutError]]:
        """Every setting's state; a broken step or a page that won't load makes its own settings
        unknown, not the others. Unknown AI-sounding controls on the same pages come last, as
        `new-control`.
        """
        results: list[SettingResult] = []
        errors: list[OptoutError] = []
        self.settings = []
        for setting in self.flow.settings:
            try:
                self.settings += await targets.expand(self, setting, results)
            except FlowBroken as exc:
                results.append(await self._unreadable(setting.whole(), exc, errors))
            except LanguageUnsupported as exc:
                errors.append(exc)
                results.append(self.unknown(setting.whole(), exc))
        for url in dict.fromkeys(s.url for s in self.settings):
            try:
                await self.open(url)
            except PageUnavailable as exc:
                errors.append(exc)
                results += [self.unknown(s, exc, f"its page did not load ({exc.message})")
                            for s in self._settings_at(url)]
                continue
            unreadable = False
            for setting in self._settings_at(url):
                try:
                    results.append(await self.read(setting))
                    await self._picture(setting)
                except FlowBroken as exc:
                    results.append(await self._unreadable(setting, exc, errors))
                except LanguageUnsupported as exc:
                    unreadable = True
                    errors.append(exc)
                    results.append(self.unknown(setting, exc))
            if not unreadable:  # a control not found for want of words may be any of them
                results += await self._unknown_controls(url)
        return results, errors

    async def _unreadable(self, setting: Setting, error: FlowBroken,
                          errors: list[OptoutError]) -> SettingResult:
        """A setting a step could not read: unknown, its page captured, the error kept."""
        errors.append(error)
        await self.broken(error)
        return self.unknown(setting, error, f"the site may have changed ({error.step})")

    async def broken(self, error: FlowBroken) -> None:
        """Hand the page to the capture once, the first time a step finds it changed."""
        if self.capturer is not None and not getattr(error, "captured", False):
            error.captured = True
            await self.capturer.broken(self.page, error)

    async def _picture(self, setting: Setting) -> None:
        if self.pictures:
            shot = await evidence.picture(self.page, setting, self.personal)
            if shot is not None:
                self.shots[setting.id] = shot

    async def _unknown_controls(self, url: str) -> list[SettingResult]:
        return await look_out(self.page, url, self._settings_at(url), self.flow.leaves_alone,
                              self.own_names)

    # Changing and verifying

    async def apply(self, planned: list[SettingResult]) -> list[OptoutError]:
        """Change what the plan says, then reload and record what the page shows.

        A page that won't load (or a step it breaks) leaves its own settings unknown; the
        others are still changed and verified. The errors met are returned.
        """
        pending = [r for r in planned if r.action is not Action.NONE]
        errors: list[OptoutError] = []
        self.applying = True
        for url in dict.fromkeys(r.url for r in pending):
            here = [r for r in pending if r.url == url]
            try:
                await self._apply_page(url, here)
            except (PageUnavailable, FlowBroken, LanguageUnsupported) as exc:
                errors.append(exc)
                if isinstance(exc, FlowBroken):
                    await self.broken(exc)
                for result in here:
                    if result.state not in (SettingState.TURNED_OFF, SettingState.OFF,
                                            SettingState.FORM_SUBMITTED,
                                            SettingState.NOT_OFFERED,
                                            SettingState.DID_NOT_PERSIST):
                        result.state, result.cause = SettingState.UNKNOWN, exc.exit_bit
                        result.reason = f"not verified: {exc.message}"
        return errors

    async def _apply_page(self, url: str, here: list[SettingResult]) -> None:
        await self.open(url)  # read again: the page may have changed while the person decided
        for result in here:
            if result.action is Action.SEND_FORM:
                self.settled = False  # sending changes the page; what it shows is waited for
                await forms.send(self, result)
                await self._picture(self.setting(result.id))  # the confirmation
        clicked = [r for r in here if r.action is Action.TURN_OFF and await self._change(r)]
        if not clicked:
            return
        self.settled = False
        self.on_phase("verifying")
        async with acting_on(self.page, "reload", "page"):
            await self.page.reload(wait_until="domcontentloaded")
        if await self._landing(url) != "settings":
            raise PersonNeeded(f"{self.flow.title} signed this session out after the change.",
                               f"Run `optout run {self.flow.slug} --account {self.account}` "
                               "again to verify it.")
        await self.wait_settled()
        await self.prepare()  # a control behind the flow's own steps is reached again
        for result in clicked:
            await self._verify(result)
            await self._picture(self.setting(result.id))

    async def _change(self, result: SettingResult) -> bool:
        """Click the control once if it still needs it; True when it was clicked."""
        setting = self.setting(result.id)
        found = await self._found_or_awaited(setting, await self.control_of(setting, "change"),
                                             "change")
        control = found.control
        if control is None or await self.position(setting, control) == setting.desired:
            if control is None and not await self._shows_off_sign(setting, "change"):
                gone = await self.not_offered(setting, found.section)  # changed meanwhile
                result.state, result.reason, result.evidence = gone.state, gone.reason, \
                    gone.evidence
            else:
                result.state, result.reason = SettingState.OFF, ""
            result.action = Action.NONE
            return False
        native = setting.kind == "choice" and await controls.is_native_select(control)
        self.settled = False
        async with acting_on(self.page, f"change '{setting.id}'", setting.control.describe()):
            await self.flow.change_control(self.page, setting, control)
        if not native:
            await menus.choose(self, setting)
        await menus.confirm(self, setting, control)
        if not await self.shows(setting, control, setting.desired):
            result.reason = "the control did not change when clicked"
        if setting.close is not None:
            await menus.close(self, setting)
        return True

    def readable(self) -> bool:
        return self.shown_in.read_by(self.flow)

    async def click(self, scope: Page | Locator, find: Find, step: str) -> None:
        button = await exactly_one(scope, find, step, self.page.url, self.timing,
                                   self.readable())
        self.settled = False
        async with acting_on(self.page, step, find.describe()):
            await button.click()

    async def shows(self, setting: Setting, control: Locator, wanted: State) -> bool:
        deadline = time.monotonic() + self.timing.change
        while True:
            try:
                if await self.position(setting, control) == wanted:
                    return True
            except FlowBroken:
                pass  # a control mid-change (its box flipped, its aria-checked not yet)
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(self.timing.poll)

    async def _verify(self, result: SettingResult) -> None:
        setting = self.setting(result.id)
        control = (await self.control_of(setting, "verify")).control
        if control is None and await self._shows_off_sign(setting, "verify"):
            result.state, result.reason = SettingState.TURNED_OFF, ""
        elif control is None:  # there before the change, gone after: nothing can be told
            raise FlowBroken(f"verify '{setting.id}': control", setting.control.describe(),
                             self.page.url, 0, detail="the control was there before the change "
                             "and is gone after the reload, so whether it took can't be told")
        elif await self.position(setting, control) == setting.desired:
            result.state, result.reason = SettingState.TURNED_OFF, ""
        else:
            result.state = SettingState.DID_NOT_PERSIST
            result.reason = result.reason or "it was on again after a reload"

