"""Spotting AI switches a flow doesn't know yet, the way a screen reader lists a page.

Platforms add new default-on switches after redesigns. A switch or checkbox on a page a flow
visits whose name speaks of AI, training, models, generative content or "improve", and that no
setting of the flow describes, is reported as `new-control` so a person can look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from optout.flow import Find, Setting
from optout.results import SettingResult, SettingState

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

# The one list of words that make an unknown control worth a look.
KEYWORDS = re.compile(
    r"\bAI\b|artificial intelligence|machine learning|\bLLMs?\b|generative|\bGenAI\b|"
    r"\btrain(s|ed|ing)?\b|\bmodels?\b|\bimprov(e|es|ed|ing|ement)\b",
    re.IGNORECASE,
)
# `- switch "Name" [checked]` lines of Playwright's ARIA snapshot; a button that toggles shows
# as `- button "Name" [pressed]`.
CONTROL = re.compile(r'^\s*- (switch|checkbox|button) "((?:[^"\\]|\\.)*)"(.*)$')
TOGGLE_ROLES = ("switch", "checkbox")


@dataclass(frozen=True)
class SeenControl:
    role: str
    name: str
    on: bool

    @property
    def key(self) -> str:
        return "new:" + re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")[:80]


def _controls(snapshot: str) -> list[SeenControl]:
    found = []
    for line in snapshot.splitlines():
        match = CONTROL.match(line)
        if not match:
            continue
        role, name, rest = match.group(1), match.group(2).replace('\\"', '"'), match.group(3)
        if role == "button" and "[pressed" not in rest:
            continue  # a plain button: not a toggle
        on = any(mark in rest for mark in ("[checked]", "[checked=true]", "[pressed]",
                                           "[pressed=true]"))
        found.append(SeenControl(role, name, on))
    return found


def _same_kind(role: str, find: Find) -> bool:
    """A toggle of any kind is described by a find of any toggle role."""
    toggles = ("toggle", *TOGGLE_ROLES, "button")
    return role == find.role or (role in toggles and find.role in toggles)


def unknown_ai_controls(snapshot: str, known: list[Setting],
                        leaves_alone: tuple[Find, ...] = (),
                        own: set[str] | frozenset[str] = frozenset()) -> list[SeenControl]:
    """AI-sounding toggles no setting describes; `own` are the names of the flow's own controls
    as found (they may be in another language)."""
    found = []
    for control in _controls(snapshot):
        name = control.name
        described = name in own or any(
            _same_kind(control.role, s.control) and s.control.pattern().search(name)
            for s in known) or any(
            _same_kind(control.role, f) and f.pattern().search(name) for f in leaves_alone)
        if not described and KEYWORDS.search(name):
            found.append(control)
    return found


async def own_names(control: Locator) -> set[str]:
    """The accessible name(s) a found control goes by, as the look-out will see them."""
    from playwright.async_api import Error as PlaywrightError

    try:
        return {c.name for c in _controls(await control.aria_snapshot())}
    except PlaywrightError:
        return set()


async def look_out(page: Page, url: str, known: list[Setting], leaves_alone: tuple[Find, ...],
                   own: set[str] | frozenset[str] = frozenset()) -> list[SettingResult]:
    """The page's unknown AI-sounding controls, as `new-control` results for a person to see."""
    from playwright.async_api import Error as PlaywrightError

    try:
        snapshot = await page.locator("body").aria_snapshot()
    except PlaywrightError:
        return []  # a look-out, not a step: it never breaks a run
    return [
        SettingResult(c.key, c.name, url, SettingState.NEW_CONTROL,
                      reason=f"a {c.role}, {'on' if c.on else 'off'}, that optout doesn't "
                             "know; its name speaks of AI: please look at it")
        for c in unknown_ai_controls(snapshot, known, leaves_alone, own)
    ]
