"""Where a setting's control is on the page: its section, then its anchor, name or row.

The anchor (a locale-free hook) is tried first. On a page in a language the flow reads, the
element at the anchor must also carry the setting's name (or sit in the row of its label): an
anchor never makes optout act on something whose words say otherwise. On a page in another
language only the anchor is used, and a setting that needs words is a person's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from optout import controls
from optout.engine import language
from optout.errors import FlowBroken
from optout.locate import Timing, section_locator, settle_count

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

    from optout.flow import Flow, Setting


@dataclass(frozen=True)
class Found:
    """What a search for a setting's control found: its section (None: not there, or not
    needed because the anchor found the control) and the control (None: not there)."""

    section: Locator | None
    control: Locator | None


async def section_of(page: Page, setting: Setting, step: str, timing: Timing,
                     readable: bool) -> Locator | None:
    """The one section, by its anchor or heading; None when absent (several: a broken flow)."""
    found: Locator | None = None
    if setting.section.anchor:
        found = page.locator(setting.section.anchor)
    elif readable:
        found = section_locator(page, setting.section)
    if found is None:
        return None
    count = await settle_count(found, timing.control, timing.poll)
    if count > 1:
        raise FlowBroken(f"{step} '{setting.id}': section", setting.section.describe(), page.url,
                         count)
    if count == 1:
        return found
    return await _by_heading(page, setting, step) if readable else None


async def _by_heading(page: Page, setting: Setting, step: str) -> Locator | None:
    """No such landmark: the part of the page a person reads as the section, its heading and
    the controls under it (the landmarks are the flows' least certain facts)."""
    css = controls.row_css(setting) or controls.CHOICE_CSS
    found = await controls.sections_by_heading(page, setting.section.heading, css)
    if len(found) > 1:
        raise FlowBroken(f"{step} '{setting.id}': section", setting.section.describe(), page.url,
                         len(found), detail=f"{len(found)} parts of the page are headed "
                                            f"/{setting.section.heading}/")
    return found[0] if found else None


async def _agrees(scope: Locator, setting: Setting, at_anchor: Locator) -> bool:
    if await at_anchor.and_(controls.named(scope, setting)).count():
        return True
    for in_row in await controls.by_row(scope, setting):
        if await at_anchor.and_(in_row).count():
            return True
    return False


async def _anchored(page: Page, setting: Setting, scope: Locator, step: str, timing: Timing,
                    readable: bool) -> Locator | None:
    anchor = setting.control.anchor
    at_anchor = scope.locator(anchor).filter(visible=True)  # a closed dialog keeps its switch
    count = await settle_count(at_anchor, timing.control, timing.poll)
    if count == 0:
        return None
    where = f"{step} '{setting.id}': control"
    if count > 1:
        raise FlowBroken(where, setting.control.describe(), page.url, count)
    css = controls.row_css(setting)
    if css and not await at_anchor.and_(page.locator(css)).count():
        raise FlowBroken(where, setting.control.describe(), page.url, 1,
                         detail=f"the element at {anchor} is not a {setting.kind}")
    if readable and (alike := await controls.named(scope, setting).count()) > 1:
        # The anchor picks one, but the words fit several: which is the setting can't be told.
        raise FlowBroken(where, setting.control.describe(), page.url, alike)
    if readable and not await _agrees(scope, setting, at_anchor):
        name = await controls.accessible_name(at_anchor)
        raise FlowBroken(where, setting.control.describe(), page.url, 1,
                         detail=f"the control at {anchor} no longer carries the setting's name "
                                f"/{setting.control.name}/ (it reads '{str(name)[:60]}'); "
                                "nothing was clicked")
    return at_anchor


async def find(page: Page, flow: Flow, setting: Setting, step: str, timing: Timing,
               shown_in: language.PageLanguage) -> Found:
    """The setting's control on the page now open, by the rules above."""
    readable = shown_in.read_by(flow)
    if not readable and not setting.locale_free:
        raise language.unsupported(flow, setting, shown_in)
    section = await section_of(page, setting, step, timing, readable)
    scope = section if section is not None else page.locator("body")
    if setting.control.anchor:
        control = await _anchored(page, setting, scope, step, timing, readable)
        if control is not None or not readable:
            return Found(section, control)
    if section is None:
        raise FlowBroken(f"{step} '{setting.id}': section", setting.section.describe(), page.url,
                         0)
    where = f"{step} '{setting.id}': control"
    by_name = controls.named(section, setting)
    wait = 0.0 if setting.control.anchor else timing.control  # the anchor's wait was the page's
    count = await settle_count(by_name, wait, timing.poll)
    if count > 1:
        raise FlowBroken(where, setting.control.describe(), page.url, count)
    if count == 1:
        return Found(section, by_name)
    rows = await controls.by_row(section, setting)
    if len(rows) > 1:
        raise FlowBroken(where, setting.control.describe(), page.url, len(rows),
                         detail=f"{len(rows)} controls sit beside the label "
                                f"/{setting.control.name}/")
    return Found(section, rows[0] if rows else None)
