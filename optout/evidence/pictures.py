"""Pictures for receipts: the control's section as the page showed it, personal details masked.

Taken after a setting was read (and again after a change was verified). Anything that may
carry the person's details is masked by Playwright before the picture exists: form fields,
images (profile photos), text that looks like an email address, and the account's own names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from optout.evidence.redact import EMAIL, PERSONAL, scrubber
from optout.flow import Setting
from optout.locate import section_locator

if TYPE_CHECKING:
    from playwright.async_api import FloatRect, Page, ViewportSize



async def picture(page: Page, setting: Setting, personal: list[str]) -> bytes | None:
    """A PNG of the setting's section (or the visible page), masked; None if none can be had.

    `personal`: the account's label and username where known, masked wherever they show.
    """
    from playwright.async_api import Error as PlaywrightError

    section = section_locator(page, setting.section)
    mask = [page.locator(PERSONAL), page.get_by_text(EMAIL)]
    names = scrubber(personal)
    if names is not None:
        mask.append(page.get_by_text(names))
    try:
        if await section.count() == 1 and await section.is_visible():
            box = await section.bounding_box()
            if box is not None and _in_window(box, page.viewport_size):
                # The section as the window shows it: the same picture, for half the work of
                # an element's (no scrolling, no wait for it to hold still).
                return await page.screenshot(clip=box, mask=mask, type="png", timeout=5000,
                                             animations="disabled")
            return await section.screenshot(mask=mask, type="png", timeout=5000,
                                            animations="disabled")
        return await page.screenshot(mask=mask, type="png", timeout=5000, animations="disabled")
    except PlaywrightError:
        return None  # evidence is kept where it can be; a run never fails for a picture


def _in_window(box: FloatRect, window: ViewportSize | None) -> bool:
    return window is not None and box["width"] > 0 and box["height"] > 0 and box["x"] >= 0 \
        and box["y"] >= 0 and box["x"] + box["width"] <= window["width"] \
        and box["y"] + box["height"] <= window["height"]
