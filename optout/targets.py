"""Settings kept once per blog, site or publication: finding the account's list of them.

The list is read from the links on one page of the platform (`Targets`); each name becomes its
own setting, reported and changed on its own. Only plain names (letters, digits, `.`, `_`, `-`,
`:`) whose pages stay on the platform's own domains are taken: a link is page content, not a
trusted address.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.errors import UsageError
from optout.flow import Setting
from optout.locate import find_section

if TYPE_CHECKING:
    from optout.engine import FlowRun

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,100}$")  # "site::blog" for sites in a folder


async def discover(run: FlowRun, setting: Setting) -> list[str]:
    """The names the account's list page links to, in page order, without repeats."""
    targets = setting.targets
    assert targets is not None
    await run.open(targets.url)
    section = await find_section(run.page, targets.section,
                                 f"list '{setting.id}' {targets.noun}s", run.timing,
                                 wait=run.timing.control)
    hrefs: list[str] = await section.locator("a[href]").evaluate_all(
        "links => links.map(a => a.href)")
    pattern = re.compile(targets.link, re.IGNORECASE)
    names: dict[str, None] = {}
    for href in hrefs:
        match = pattern.search(href)
        name = match.group("target") if match else ""
        if NAME.match(name) and run.flow.allows(setting.for_target(name).url):
            names[name] = None
    return list(names)


def chosen(run: FlowRun, setting: Setting, names: list[str]) -> list[str]:
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
