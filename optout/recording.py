"""`optout dev record`: saving a platform's real pages as scrubbed fixtures, for maintainers.

A visible browser opens on the platform's sign-in page; the maintainer signs in (optout never
sees the password), presses Enter, and optout walks the flow's pages: each one is saved in the
replay layout under `fixtures/<slug>/<scenario>/` with scripts, state, tokens, emails, names and
form values removed, and beside it the accessibility snapshot of each setting's section. The
saved pages then replay like any other fixture.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from optout.browser import launch, new_context
from optout.capture import scrub_html
from optout.flow import Flow
from optout.locate import by_role, section_locator
from optout.redact import redact
from optout.replay import Replay

if TYPE_CHECKING:
    from playwright.async_api import Page


async def record(flow: Flow, folder: Path, *, replay: Replay | None, personal: list[str],
                 wait_for_person: Callable[[], None]) -> list[Path]:
    """Walk the flow's pages and save them under `folder`; the files written."""
    written: list[Path] = []
    async with launch(headed=replay is None, offline=replay is not None) as browser:
        context = await new_context(browser)
        if replay is not None:
            await replay.attach(context)
        page = await context.new_page()
        if replay is None:
            await page.goto(flow.login.url)
            await asyncio.to_thread(wait_for_person)  # the maintainer signs in by hand
        layout = Replay(folder)
        for url in dict.fromkeys(s.url for s in flow.settings if s.targets is None):
            await page.goto(url, wait_until="domcontentloaded")
            await _open_rows(page, flow, url)
            target = layout.expected_file(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(scrub_html(await page.content(), personal), encoding="utf-8")
            written.append(target)
            written += await _snapshots(page, flow, url, target, personal)
        await context.close()
    return written


async def _open_rows(page: Page, flow: Flow, url: str) -> None:
    """Open the rows that hide a control, so the saved page shows it."""
    for setting in (s for s in flow.settings if s.url == url and s.reveal is not None):
        assert setting.reveal is not None
        opener = by_role(page, setting.reveal)
        if await opener.count() == 1 and not await section_locator(page, setting.section).count():
            await opener.click()


async def _snapshots(page: Page, flow: Flow, url: str, target: Path,
                     personal: list[str]) -> list[Path]:
    written = []
    for setting in (s for s in flow.settings if s.url == url):
        section = section_locator(page, setting.section)
        if await section.count() != 1:
            continue  # the page doesn't match the flow: the saved page shows how
        text = await section.aria_snapshot()
        for name in personal:
            text = text.replace(name, "[name]")
        path = target.with_name(f"{target.stem}.{setting.id}.aria.txt")
        path.write_text(redact(text) + "\n", encoding="utf-8")
        written.append(path)
    return written
