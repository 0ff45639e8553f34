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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from optout.engine.targets import links_in, names_linked
from optout.evidence.capture import scrub_html
from optout.evidence.redact import scrub_text, scrubber
from optout.flow import Flow, Setting
from optout.locate import by_role, section_locator
from optout.web.browser import launch, new_context
from optout.web.replay import Replay

if TYPE_CHECKING:
    from playwright.async_api import Page


async def record(flow: Flow, folder: Path, *, replay: Replay | None, personal: list[str],
                 wait_for_person: Callable[[], None]) -> Recorded:
    """Walk the flow's pages and save them under `folder`: the files written, the targets seen."""
    done = Recorded()
    async with launch(headed=replay is None, offline=replay is not None) as browser:
        context = await new_context(browser)
        if replay is not None:
            await replay.attach(context)
        page = await context.new_page()
        if replay is None:
            await page.goto(flow.login.url)
            await asyncio.to_thread(wait_for_person)  # the maintainer signs in by hand
        saver = _Saver(page, Replay(folder), personal, done)
        walk: dict[str, list[Setting]] = {}
        for setting in flow.settings:
            if setting.targets is None:
                walk.setdefault(setting.url, []).append(setting)
                continue
            # A list of blogs (sites, publications): its page, then each one's settings page.
            await saver.save(setting.targets.url, [])
            listed = section_locator(page, setting.targets.section)
            if await listed.count() != 1:
                continue  # the saved list page shows what the flow did not find
            for name in names_linked(flow, setting, await links_in(listed)):
                done.targets.append(name)
                one = setting.for_target(name)
                walk.setdefault(one.url, []).append(one)
        for url, settings in walk.items():
            await saver.save(url, settings)
        await context.close()
    return done


@dataclass
class Recorded:
    files: list[Path] = field(default_factory=list)
    # Blog, site or publication names are kept as found: the maintainer renames personal ones.
    targets: list[str] = field(default_factory=list)


@dataclass
class _Saver:
    page: Page
    layout: Replay
    personal: list[str]
    done: Recorded

    async def save(self, url: str, settings: list[Setting]) -> None:
        """The page at `url` (once, however often it is visited) and its settings' snapshots."""
        await self.page.goto(url, wait_until="domcontentloaded")
        await _open_rows(self.page, settings)
        target = self.layout.expected_file(url)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(scrub_html(await self.page.content(), self.personal),
                              encoding="utf-8")
            self.done.files.append(target)
        self.done.files.extend(await _snapshots(self.page, settings, target, self.personal))


async def _open_rows(page: Page, settings: list[Setting]) -> None:
    """Open the rows that hide a control, so the saved page shows it."""
    for setting in (s for s in settings if s.reveal is not None):
        assert setting.reveal is not None
        opener = by_role(page, setting.reveal)
        if await opener.count() == 1 and not await section_locator(page, setting.section).count():
            await opener.click()


async def _snapshots(page: Page, settings: list[Setting], target: Path,
                     personal: list[str]) -> list[Path]:
    written = []
    for setting in settings:
        section = section_locator(page, setting.section)
        if await section.count() != 1:
            continue  # the page doesn't match the flow: the saved page shows how
        text = scrub_text(await section.aria_snapshot(), scrubber(personal))
        # A per-target id holds ":", which not every file system takes in a name.
        path = target.with_name(f"{target.stem}.{setting.id.replace(':', '--')}.aria.txt")
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
