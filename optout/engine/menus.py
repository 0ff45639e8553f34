"""After the click: the menu item to choose, the dialog that confirms, the notice to close.

A menu or dialog a click opens is waited for, because something was asked of the page; then
exactly one item or button must match (or it is a broken flow).
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from optout import controls
from optout.errors import FlowBroken
from optout.flow import Confirm, Find, Setting
from optout.locate import acting_on, by_role, section_locator, settle_count
from optout.logs import log

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

    from optout.engine.cycle import Cycle


def off_item(setting: Setting, deleting: bool) -> Find:
    """The menu item that turns a choice off: the flow's own, else the off value itself."""
    if deleting and setting.choose_deleting is not None:
        return setting.choose_deleting
    return setting.choose or Find("menuitem", setting.off_option)



async def close(run: Cycle, setting: Setting) -> None:
    """Close what the change opened ("Done", "Got it"); the reload verifies either way, so
    a close button that isn't there is left to Escape."""
    assert setting.close is not None
    button = by_role(run.page, setting.close, run.readable())
    if await settle_count(button, run.timing.control, run.timing.poll) == 1:
        async with acting_on(run.page, f"close '{setting.id}'", setting.close.describe()):
            await button.click()
        return
    log.info("%s: no %s to close %s; pressing Escape", run.flow.slug,
             setting.close.describe(), setting.id)
    await run.page.keyboard.press("Escape")


async def choose(run: Cycle, setting: Setting) -> None:
    """Pick the menu item the control opened: the plain one unless deletion was asked for."""
    if setting.kind == "choice":
        item = controls.menu_items(run.page, off_item(setting, run.delete_activity))
        step = f"choose '{setting.id}'"
        count = await settle_count(item, run.timing.control, run.timing.poll)
        if count != 1:  # the menu a click opens is waited for; then exactly one item
            raise FlowBroken(step, off_item(setting, run.delete_activity).describe(),
                             run.page.url, count)
        async with acting_on(run.page, step, "menu item"):
            await item.click()
        return
    if setting.choose is None:
        return
    item_find = setting.choose
    if run.delete_activity and setting.choose_deleting is not None:
        item_find = setting.choose_deleting
    await run.click(run.page, item_find, f"choose '{setting.id}'")


async def confirm(run: Cycle, setting: Setting, control: Locator) -> None:
    if setting.confirm is Confirm.IMMEDIATE or setting.confirm_button is None:
        return
    scope: Page | Locator = run.page
    if setting.confirm is Confirm.DIALOG:
        scope = run.page.get_by_role("dialog").or_(run.page.get_by_role("alertdialog"))
        if setting.kind == "choice" and not await _asks(run, setting, control, scope):
            return  # the choice took at once: no dialog came
    elif await by_role(section_locator(run.page, setting.section),
                       setting.confirm_button).count() == 1:
        scope = section_locator(run.page, setting.section)  # pages with a Save per card
    await run.click(scope, setting.confirm_button, f"confirm '{setting.id}'")


async def _asks(run: Cycle, setting: Setting, control: Locator, dialogs: Locator) -> bool:
    """After a menu choice: True once a dialog asks to confirm, False if the value changed
    without one; neither within the wait is a dialog still to come (True)."""
    assert setting.confirm_button is not None
    button = by_role(dialogs, setting.confirm_button, run.readable())
    deadline = time.monotonic() + run.timing.change
    while time.monotonic() < deadline:
        if await button.count():
            return True
        if await run.position(setting, control) == setting.desired:
            return False
        await asyncio.sleep(run.timing.poll)
    return True
