"""Settings kept once per blog, site or publication: finding the account's list of them.

The list is read from the links on one page of the platform (`Targets`); each name becomes its
own setting, reported and changed on its own. Only plain names (letters, digits, `.`, `_`, `-`,
`:`) whose pages stay on the platform's own domains are taken: a link is page content, not a
trusted address.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.engine import language
from optout.errors import UsageError
from optout.flow import Flow, Setting
from optout.locate import find_section
from optout.results import SettingResult, SettingState

if TYPE_CHECKING:
    from playwright.async_api import Locator

    from optout.engine.cycle import Cycle

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,100}$")  # "site::blog" for sites in a folder


async def discover(run: Cycle, setting: Setting) -> list[str]:
    """The names the account's list page links to, in page order, without repeats."""
    targets = setting.targets
    assert targets is not None
    await run.open(targets.url)
    if not run.shown_in.read_by(run.flow):  # the list's section is found by its heading's words
        raise language.unsupported(run.flow, setting.whole(), run.shown_in)
    section = await find_section(run.page, targets.section,
                                 f"list '{setting.id}' {targets.noun}s", run.timing,
                                 wait=run.timing.control)
    skipped: list[str] = []
    names = names_linked(run.flow, setting, await links_in(section), skipped)
    if skipped:
        # A blog optout can't name is one it can't protect: the person must hear of it.
        run.note(f"{run.flow.title}: left out {len(skipped)} {targets.noun} link(s) on its list "
                 f"whose names are not plain names on its own site: {', '.join(skipped)}; "
                 "check them by hand.")
    return names


async def links_in(section: Locator) -> list[str]:
    hrefs: list[str] = await section.locator("a[href]").evaluate_all(
        "links => links.map(a => a.href)")
    return hrefs


def names_linked(flow: Flow, setting: Setting, hrefs: list[str],
                 skipped: list[str] | None = None) -> list[str]:
    """The targets' names in the links, in order, without repeats or off-platform pages.

    A link of the list's kind whose name is not taken goes to `skipped`, once.
    """
    assert setting.targets is not None
    pattern = re.compile(setting.targets.link, re.IGNORECASE)
    names: dict[str, None] = {}
    for href in hrefs:
        match = pattern.search(href)
        if match is None:
            continue  # not a link to a blog (site, publication) at all
        name = match.group("target")
        if NAME.match(name) and flow.allows(setting.for_target(name).url):
            names[name] = None
        elif skipped is not None and name not in skipped:
            skipped.append(name)
    return list(names)


async def expand(run: Cycle, setting: Setting, results: list[SettingResult]) -> list[Setting]:
    """The setting itself, or one per blog (site, publication) the account has.

    An account with none gets one `not-offered` result in `results` for the setting as a whole.
    """
    if setting.targets is None:
        return [setting]
    names = chosen(run, setting, await discover(run, setting))
    if not names:
        results.append(run.blank(setting.whole(), SettingState.NOT_OFFERED,
                                 f"this account has no {setting.targets.noun}s"))
    return [setting.for_target(name) for name in names]


def chosen(run: Cycle, setting: Setting, names: list[str]) -> list[str]:
    """All the names, or only the one `--target` asked for (which must exist)."""
    wanted = run.only_target
    if wanted is None:
        return names
    assert setting.targets is not None
    if wanted in names:
        return [wanted]
    noun = setting.targets.noun
    found = ", ".join(names) if names else "none"
    raise UsageError(f"{run.flow.title} has no {noun} named '{wanted}' on this account.",
                     f"Its {noun}s: {found}.")
