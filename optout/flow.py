"""What a flow is: a platform and its settings, described as data.

A flow module in `flows/` builds one `Flow` from these frozen descriptions; the engine
(`optout.engine.flowrun`) owns the behaviour. A flow subclasses `Flow` and overrides a method only
where data can't say it, with a one-line comment that says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from optout import controls
from optout.facts import Confidence, confidence_of
from optout.facts import Guess as Guess  # and their guesses
from optout.facts import Source as Source  # flows name their sources through this module

if TYPE_CHECKING:  # Playwright is imported only where a browser is really driven.
    from playwright.async_api import Locator, Page

# "toggle" is any control with an on/off state (see `optout.controls`); "menu" a button that shows
# its value and opens a menu of values (or a native <select> doing the same).
Role = Literal["toggle", "switch", "checkbox", "radio", "button", "combobox", "main", "region",
               "form", "dialog", "alertdialog", "textbox", "link", "heading", "group",
               "navigation", "menu", "menuitem", "option", "status", "alert", "tab"]
State = Literal["on", "off"]


@dataclass(frozen=True)
class Find:
    """How a person (or a screen reader) finds something: its role and the stable part of its name.

    `name` is a regular expression matched case-insensitively; runs of spaces in it match any
    white space, so line breaks and double spaces in the page's label don't break the flow.
    `anchor` is a CSS selector on a locale-free hook a source gives (a `data-testid`, an id, the
    id an `aria-labelledby` points to, a field's `name`): tried first, and while the page is in a
    language the flow reads, the element's name must still match `name`.
    """

    role: Role
    name: str
    anchor: str = ""

    def pattern(self) -> re.Pattern[str]:
        # An optional space ("log ?in") may be any white space or none; other spaces, any run.
        loose = re.sub(r"(\\ |\s)+\?", r"\\s*", self.name)
        loose = re.sub(r"(\\ |\s)+", r"\\s+", loose)
        # Playwright writes the pattern into a selector between slashes: a bare "/" would end it.
        return re.compile(re.sub(r"(?<!\\)((?:\\\\)*)/", r"\1\\/", loose), re.IGNORECASE)

    def describe(self) -> str:
        return f"{self.role} named /{self.name}/" + (f" at {self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Section:
    """The named part of the page that holds a control: a landmark containing a heading.

    `anchor` (CSS) finds it whatever the page's language, where a source gives one.
    """

    role: Role
    heading: str
    anchor: str = ""

    def heading_find(self) -> Find:
        return Find("heading", self.heading)

    def describe(self) -> str:
        return f"{self.role} with heading /{self.heading}/"


class Confirm(Enum):
    """How the platform accepts a change once the control is clicked."""

    IMMEDIATE = "immediate"  # the click itself saves
    DIALOG = "dialog"  # a dialog opens; a button in it confirms
    SAVE = "save"  # a Save button on the page stores the change


@dataclass(frozen=True)
class Form:
    """A request form that stands in for a missing switch (an objection): sent once, then tracked.

    The setting's `control` is the form's send button; a page without it does not offer the form.
    The platform can't be asked afterwards, so what the page showed once sent is the evidence and
    the history remembers it: a later run reports the pending request instead of sending again.
    """

    # The free-text field that carries the person's text (the objection).
    text: Find
    # Text the page shows once it accepted the form; what it shows is recorded as the proof.
    sent: str
    # The text used unless the person gives their own (`--objection-text`).
    default_text: str
    # An email field, filled with the account's email only when the page left it empty.
    email: Find | None = None
    # How and when the platform answers, for the report ("by email, within a month").
    answer: str = ""


@dataclass(frozen=True)
class Targets:
    """A setting kept once per blog, site or publication: where the account lists them.

    The setting's `url`, `label` and `manual_path` hold `{target}`, and its section heading and
    control name may too; the engine makes one setting per target found.
    """

    # The page that lists the account's blogs (sites, publications).
    url: str
    # The part of that page holding the list; a page without it is a broken flow.
    section: Section
    # A regular expression over the list's link addresses; its group `target` is the name.
    link: str
    # What a person calls one ("blog", "site", "publication").
    noun: str


@dataclass(frozen=True)
class Setting:
    """One AI-training control: where it lives, how to find it, what we want it to be."""

    id: str
    label: str
    url: str
    section: Section
    control: Find
    desired: State = "off"
    confirm: Confirm = Confirm.IMMEDIATE
    # The dialog's or the page's button that stores the change (DIALOG and SAVE only).
    confirm_button: Find | None = None
    # Where a person finds it by hand, for the manual fallback.
    manual_path: str = ""
    # A row or button that opens the control (a dialog, an expanding row): clicked to read it.
    reveal: Find | None = None
    # A tab that shows the opener or section, clicked only when neither shows (a settings
    # dialog opened on another tab).
    tab: Find | None = None
    # A button that closes the opened control once its new state shows ("Done", "Got it").
    close: Find | None = None
    # Who is offered the control (region, plan, age); said when a page doesn't offer it.
    offered_to: str = ""
    # A `button` control ("Turn off") shows only while on; this one shows instead while off.
    shown_when_off: Find | None = None
    # What the page says beside the control while it is on, repeated in the report (YouTube:
    # which companies may train).
    said_when_on: Find | None = None
    # The menu item to pick once the control is clicked (a "Turn off" menu).
    choose: Find | None = None
    # The menu item that also deletes past activity: picked only when the person asks.
    choose_deleting: Find | None = None
    # A request form instead of a switch (see `Form`).
    form: Form | None = None
    # A `menu` or `combobox` control: the value (a regex) it shows when off, which is also the
    # menu item or option chosen to turn it off unless `choose` names another.
    off_option: str = ""
    # ... and the value it shows when on; a value that is neither is a broken flow.
    on_option: str = ""
    # The flow's own sign that the page doesn't offer the setting ("This setting isn't
    # available"): visible text, a regex. Without it, absence needs the page to hold nothing that
    # could be the control (see `optout.engine.absence`).
    absent: str = ""
    # Why this toggle must be of exactly the control's role ("switch"/"checkbox"); empty: any
    # toggle kind will do.
    strict_role: str = ""
    # One setting per blog, site or publication (see `Targets`).
    targets: Targets | None = None

    def __post_init__(self) -> None:
        if self.confirm is not Confirm.IMMEDIATE and self.confirm_button is None:
            raise ValueError(f"setting {self.id}: {self.confirm.value} needs a confirm_button")
        if self.control.role == "button" and self.form is None and self.shown_when_off is None:
            raise ValueError(f"setting {self.id}: a button control needs shown_when_off")
        if self.choose_deleting is not None and self.choose is None:
            raise ValueError(f"setting {self.id}: choose_deleting needs choose")
        if (self.control.role in ("combobox", "menu")) != bool(self.off_option):
            raise ValueError(f"setting {self.id}: a menu or combobox goes with an off_option")
        if self.control.role == "menu" and not self.on_option:
            raise ValueError(f"setting {self.id}: a menu shows an on_option while on")
        if self.off_option and self.desired != "off":
            raise ValueError(f"setting {self.id}: a select can only be set to its off option")
        if self.control.role in ("switch", "checkbox") and not self.strict_role:
            raise ValueError(f"setting {self.id}: say 'toggle', or why only a "
                             f"{self.control.role} will do (strict_role)")
        if self.targets is not None and "{target}" not in self.url:
            raise ValueError(f"setting {self.id}: a setting with targets has {{target}} in its url")

    def not_offered(self) -> str:
        """Why a page that has the section but not the control doesn't offer it."""
        if self.offered_to:
            return f"Not offered to this account: offered {self.offered_to}."
        return ("The page has this section but not this control: not offered to this account "
                "(region, plan or age).")

    @property
    def kind(self) -> Literal["toggle", "button", "form", "choice"]:
        """toggle: anything with an on/off state; button: "Turn off"/"Turn on"; form: a request
        form; choice: a control that shows its value and offers the others (menu or select)."""
        if self.form is not None:
            return "form"
        if self.control.role in ("combobox", "menu"):
            return "choice"
        return "button" if self.control.role == "button" else "toggle"

    @property
    def locale_free(self) -> bool:
        """Every step can be found by an anchor: the setting works whatever the page's language."""
        steps = [self.control] + [f for f in (self.reveal, self.tab, self.confirm_button,
                                              self.choose)
                                  if f is not None]
        return self.kind == "toggle" and all(f.anchor for f in steps)

    def whole(self) -> Setting:
        """A per-target setting spoken of as a whole ("... for each blog"), on its list page."""
        if self.targets is None:
            return self
        each = f"each {self.targets.noun}"
        return replace(self, label=self.label.replace("{target}", each), url=self.targets.url,
                       manual_path=self.manual_path.replace("{target}", each), targets=None)

    def for_target(self, name: str) -> Setting:
        """This setting for one blog, site or publication (`name` fills `{target}`)."""
        def named(find: Find) -> Find:
            return replace(find, name=find.name.replace("{target}", re.escape(name)))

        return replace(self, id=f"{self.id}:{name}", targets=None,
                       url=self.url.replace("{target}", name),
                       label=self.label.replace("{target}", name),
                       manual_path=self.manual_path.replace("{target}", name),
                       control=named(self.control),
                       section=replace(self.section, heading=self.section.heading.replace(
                           "{target}", re.escape(name))))


@dataclass(frozen=True)
class Login:
    """The platform's sign-in page and the signs that a page is a sign-in or a challenge."""

    url: str
    username: Find
    password: Find
    submit: Find
    # URL paths (prefixes) that mean "this is the sign-in page".
    login_paths: tuple[str, ...]
    # URL paths (prefixes) that mean "the platform wants a person": checkpoints, captchas, 2FA.
    challenge_paths: tuple[str, ...] = ()
    # Text the sign-in page shows when it refused the credentials.
    rejected_text: str = ""
    # The cookie whose presence means "signed in" (for a person signing in in a visible browser).
    signed_in_cookie: str = ""
    # On a challenge page, the one-time-code field and its submit button (email, SMS, app codes).
    code_field: Find | None = None
    code_submit: Find | None = None
    # Text that marks a code page as the authenticator app's, the only codes a TOTP secret fills.
    app_code_text: str = r"authenticator app"
    # Text that says the platform is wary of this sign-in: stop at once, never try again.
    risk_text: str = r"try again later|too many (attempts|requests)|account (has been )?restricted"
    # No password exists (emailed codes only): `optout login` opens a browser by default.
    passwordless: bool = False
    # Two-step sign-in: the button after the username ("Next") that brings the password field.
    next: Find | None = None
    # The answer to a prompt after the password that only asks (Microsoft's "Stay signed in?":
    # "Yes", so sessions last and sign-ins stay rare); clicked once.
    prompt_answer: Find | None = None


@dataclass(frozen=True)
class Flow:
    """A platform: who it is, where its facts came from, and its settings."""

    slug: str
    title: str
    login: Login
    domains: tuple[str, ...]
    sources: tuple[Source, ...]
    verified: date
    settings: tuple[Setting, ...]
    notes: str = ""
    # A flow version bumps when its selectors or steps change; history records it.
    version: int = 1
    # Text of a passing failure the platform shows in place of its settings: reload once.
    transient_error: str = ""
    # AI-sounding controls on the flow's pages that it knows and leaves alone on purpose (the
    # module says why): never reported as new controls.
    leaves_alone: tuple[Find, ...] = ()
    # Other controls known to share a section with a setting (not about AI): a page showing one
    # of these, and nothing that could be the setting, can be read as not offering it.
    neighbours: tuple[Find, ...] = ()
    # The languages (primary subtags) whose texts the flow carries; texts in other languages
    # come only from the platform's own strings, with a source.
    languages: tuple[str, ...] = ("en",)
    # Where a person changes the platform's display language, for pages in another language.
    language_setting: str = ""
    # The facts that rest on a guess (see `Guess`); `confidence` is derived from them.
    guesses: tuple[Guess, ...] = ()
    # The platform's regional sites that have the same pages at the same paths, besides
    # `domains[0]` (the default); a person picks theirs with `--site` (`optout.engine.sites`).
    sites: tuple[str, ...] = ()

    @property
    def confidence(self) -> Confidence:
        return confidence_of(self.guesses, self.sources)

    def allows(self, url: str) -> bool:
        """True when `url` is on one of the flow's own domains (or a subdomain of one)."""
        return self.owns_host(urlsplit(url).hostname or "")

    def owns_host(self, host: str) -> bool:
        """True for one of the flow's domains or a subdomain; a cookie's leading dot aside
        (".x.com" is x.com's, "box.com" is not)."""
        bare = host.lower().lstrip(".")
        return any(bare == d or bare.endswith("." + d) for d in self.domains)

    def is_login_page(self, url: str) -> bool:
        return self.allows(url) and _path_starts(url, self.login.login_paths)

    def is_challenge_page(self, url: str) -> bool:
        return self.allows(url) and _path_starts(url, self.login.challenge_paths)

    def setting(self, setting_id: str) -> Setting:
        for setting in self.settings:
            if setting.id == setting_id:
                return setting
        raise KeyError(setting_id)

    # The escape hatches: the engine calls these; a flow overrides them only where the
    # platform's control is not a plain switch or checkbox.

    async def read_control(self, page: Page, setting: Setting, control: Locator) -> State:
        """Read the control's state from what it carries (see `optout.controls`)."""
        return await controls.read_state(page, setting, control)

    async def change_control(self, page: Page, setting: Setting, control: Locator) -> None:
        """Change the control once: a click (a menu opens), or a select's off option."""
        if setting.kind == "choice" and await controls.is_native_select(control):
            await controls.select_off_option(page, setting, control)
        else:
            await control.click()

    async def prepare_page(self, page: Page, may_change: bool) -> str | None:
        """Run once a settings page has loaded (e.g. a notice to answer first); none by default.

        `may_change` is False in dry runs and checks: a notice that changes the account must
        then be left alone (stop with `PersonNeeded`). Returns a line telling the person what was
        answered for them, if anything.
        """
        return None


def _path_starts(url: str, prefixes: tuple[str, ...]) -> bool:
    path = urlsplit(url).path
    return any(path.startswith(prefix) for prefix in prefixes)


@dataclass(frozen=True)
class EmailRequest:
    """An opt-out only an email can make: who sends it, to whom, and what it says."""

    to: str
    subject: str
    # The body; `{workspace}` is filled with the address the person gives.
    body: str
    # Who may send it (the platform ignores anyone else).
    sender: str


@dataclass(frozen=True)
class NoSwitch:
    """A platform with no AI-training control to turn off: the honest answer, and its sources."""

    slug: str
    title: str
    # One line: why there is nothing to switch off.
    answer: str
    sources: tuple[Source, ...]
    verified: date
    # The nearest page a person might look at instead, if any.
    nearest: str = ""
    # The only way to opt out, when it is an email (see `EmailRequest`).
    email: EmailRequest | None = None
    guesses: tuple[Guess, ...] = ()

    @property
    def confidence(self) -> Confidence:
        """How sure the answer is: there is no control to guess, only the answer's sources."""
        return confidence_of(self.guesses, self.sources, has_control=False)

