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

from optout import controls
from optout.controls import TOGGLE_CSS, accessible_name, toggles_named
from optout.engine import language
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
            at_anchor = toggle.and_(section.locator(find.anchor)) if find.anchor else None
            if (at_anchor is not None and await at_anchor.count()) or await toggle.and_(
                    toggles_named(section, find)).count():
                known = True
                break
        if not known:
            return await _name(toggle) or "(no name)"
    return ""


async def _unknown_choice(section: Locator, flow: Flow, setting: Setting) -> str:
    """A control showing one of the setting's values that no known label goes with."""
    known = []
    for find in known_controls(flow, setting):
        known += await controls.in_rows(section, find, controls.CHOICE_CSS)
        known.append(controls.choices_named(section, find))
    for candidate in await controls.showing_values(section, setting):
        if not any([await candidate.and_(k).count() for k in known]):
            return await _name(candidate) or "(no name)"
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
    if setting.kind == "choice":  # a control named by its value alone: look for the values
        values = re.compile("|".join(f"(?:{v})" for v in (setting.on_option, setting.off_option)
                                     if v), re.IGNORECASE)
        for role in CONTROL_LIKE:
            if role in ("button", "combobox"):
                continue  # the expected kinds: those showing a value are weighed below
            found = section.get_by_role(role, name=values)  # type: ignore[arg-type]
            if await found.count():
                raise _broken(setting, url, f"a {role} showing '{await _name(found)}' where a "
                                            f"{expected(setting)} was expected")
    # The section's own heading may carry the same words (a card named after its setting).
    heading = section.get_by_role("heading", name=setting.section.heading_find().pattern())
    label = shown_text(section, pattern.pattern)
    for index in range(await label.count()):
        if not await label.nth(index).and_(heading).count():
            raise _broken(setting, url, f"the label '{await _name(label.nth(index))}' is there, "
                                        f"but no {expected(setting)} goes with it")
    if setting.form is not None and await section.get_by_role(
            setting.form.text.role, name=setting.form.text.pattern()).count():  # type: ignore[arg-type]
        raise _broken(setting, url, "the form's text field is there, but no send button")
    stranger = ""
    if setting.kind == "toggle":
        stranger = await _unknown_toggle(section, flow, setting)
    elif setting.kind == "choice":
        stranger = await _unknown_choice(section, flow, setting)
    if stranger:
        raise _broken(setting, url, f"a {expected(setting)} named '{stranger}' that the flow "
                                    "doesn't know: it may be this setting, renamed")
    what = re.sub(r"\s+", " ", setting.section.heading)
    anchor = f", nothing at {setting.control.anchor}" if setting.control.anchor else ""
    return (f"the section /{what}/ is there and nothing in it could be the control: no "
            f"control named /{setting.control.name}/{anchor}, no such text")
