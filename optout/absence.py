"""When a missing control means "not offered", and when it means "the page is not understood".

A wrong "not offered" tells a person they are safe while the setting is on, so absence needs
evidence: the flow's own sign of absence on the page, or a section holding nothing that could
be the control (no control of any kind named like it, nothing at its anchor, not its label's
text, no toggle the flow doesn't know) on a page in a language the flow reads. Anything else is
a broken flow that says what was seen, or, on a page in another language, a person's job.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout import language
from optout.controls import TOGGLE_CSS, accessible_name, toggles_named
from optout.errors import FlowBroken
from optout.locate import shown_text

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

    from optout.flow import Find, Flow, Setting

# Roles a person could take for the control, whatever the flow expects it to be.
CONTROL_LIKE = ("switch", "checkbox", "button", "combobox", "radio", "link", "menuitem", "tab",
                "option")
# What the flow's kinds are called in messages.
EXPECTED = {"toggle": "toggle", "choice": "menu or dropdown", "button": "button",
            "form": "send button"}


def expected(setting: Setting) -> str:
    if setting.strict_role:
        return setting.control.role
    return EXPECTED[setting.kind]


async def _name(found: Locator) -> str:
    return await accessible_name(found)


def _broken(setting: Setting, url: str, detail: str) -> FlowBroken:
    return FlowBroken(f"read '{setting.id}': control", setting.control.describe(), url, 0,
                      detail=detail)


def known_controls(flow: Flow, setting: Setting) -> list[Find]:
    """The controls a section may hold besides this setting's: known neighbours, the flow's
    other settings and the AI controls it leaves alone."""
    others = [s.control for s in flow.settings if s.id != setting.id.split(":", 1)[0]]
    return [*flow.neighbours, *flow.leaves_alone, *others]


async def _unknown_toggle(section: Locator, flow: Flow, setting: Setting) -> str:
    """The name of a toggle in the section that the flow knows nothing of, if any."""
    toggles = section.locator(TOGGLE_CSS)
    for index in range(await toggles.count()):
        toggle = toggles.nth(index)
        if not await toggle.is_visible():
            continue
        known = False
        for find in known_controls(flow, setting):
            if await toggle.and_(toggles_named(section, find)).count():
                known = True
                break
        if not known:
            return await _name(toggle) or "(no name)"
    return ""


async def evidence(page: Page, flow: Flow, setting: Setting, section: Locator | None,
                   shown_in: language.PageLanguage) -> str:
    """Why the page doesn't offer `setting`, or an error saying why that can't be told."""
    url = page.url
    if not shown_in.read_by(flow):
        raise language.unsupported(flow, setting, shown_in)
    if section is None:
        raise _broken(setting, url, f"the section ({setting.section.describe()}) is missing, so "
                                    "absence can't be told")
    if setting.absent:
        sign = shown_text(page, setting.absent)
        if await sign.count():
            return f"the page says \"{await _name(sign)}\""
    if setting.control.anchor and await page.locator(setting.control.anchor).count():
        raise _broken(setting, url, f"something is at {setting.control.anchor}, but it is not a "
                                    f"{expected(setting)} named /{setting.control.name}/")
    pattern = setting.control.pattern()
    for role in CONTROL_LIKE:
        found = section.get_by_role(role, name=pattern)  # type: ignore[arg-type]
        if await found.count():
            raise _broken(setting, url, f"a {role} named '{await _name(found)}' where a "
                                        f"{expected(setting)} was expected")
    label = shown_text(section, pattern.pattern)
    if await label.count():
        raise _broken(setting, url, f"the label '{await _name(label)}' is there, but no "
                                    f"{expected(setting)} goes with it")
    if setting.kind == "toggle":
        stranger = await _unknown_toggle(section, flow, setting)
        if stranger:
            raise _broken(setting, url, f"a toggle named '{stranger}' that the flow doesn't "
                                        "know, where this setting's toggle may have been renamed")
    what = re.sub(r"\s+", " ", setting.section.heading)
    anchor = f", nothing at {setting.control.anchor}" if setting.control.anchor else ""
    return (f"the section /{what}/ is there and nothing in it could be the control: no "
            f"control named /{setting.control.name}/{anchor}, no such text")
