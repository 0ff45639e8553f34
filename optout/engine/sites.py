"""A platform's regional sites: the same pages at the same paths on another of its domains.

eBay keeps "AI development and training preferences" at accountsettings.ebay.com, .co.uk, .de and
so on, and a member's preference lives on their own site. A flow names its other sites in
`Flow.sites`; `--site` picks one for an account and the choice is remembered in the preferences
file, so `check` and the scheduled re-check read the same page. A flow on another site is the
same flow with its addresses moved: every URL (and an address carried in a query string, like a
sign-in's return address) on the default domain moves to the chosen one, and nothing else does.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from optout import prefs
from optout.errors import UsageError
from optout.flow import Flow
from optout.printable import one_line


def choices(flow: Flow) -> tuple[str, ...]:
    """The sites a person can pick, the default first; none for a flow with one site."""
    return (flow.domains[0], *flow.sites) if flow.sites else ()


def named(flow: Flow, typed: str) -> str:
    """The site a person typed ("ebay.co.uk", "www.ebay.co.uk", "https://ebay.co.uk/"), or a
    UsageError naming the sites there are."""
    offered = choices(flow)
    if not offered:
        raise UsageError(f"{flow.title} has one site; --site is for platforms with regional "
                         "sites.", "Leave --site out.")
    text = typed.strip().lower()
    host = (urlsplit(text).hostname or "") if "//" in text else text.split("/")[0]
    for site in offered:
        if host == site or host.endswith("." + site):
            return site
    raise UsageError(f"'{one_line(typed)}' is not one of {flow.title}'s sites.",
                     "Use one of: " + ", ".join(offered) + ".")


def _moved(text: str, default: str, site: str) -> str:
    # The default domain as a whole host name or its end, also inside an encoded address.
    pattern = r"(?:(?<=[./])|(?<=%2[Ff])|^)" + re.escape(default) + r"(?![\w-]|\.[A-Za-z])"
    return re.sub(pattern, site, text)


def on_site(flow: Flow, site: str | None) -> Flow:
    """The flow with its addresses on `site` (one of `choices(flow)`); itself for the default."""
    if site is None or not flow.sites or site == flow.domains[0]:
        return flow
    if site not in flow.sites:
        raise UsageError(f"'{one_line(site)}' is not one of {flow.title}'s sites.",
                         "Use one of: " + ", ".join(choices(flow)) + ".")
    default = flow.domains[0]

    def move(url: str) -> str:
        return _moved(url, default, site)

    settings = tuple(
        replace(s, url=move(s.url),
                targets=None if s.targets is None else replace(s.targets,
                                                                url=move(s.targets.url)))
        for s in flow.settings)
    return replace(flow, title=f"{flow.title} ({site})", settings=settings,
                   login=replace(flow.login, url=move(flow.login.url)))


def for_account(flow: Flow, account: str) -> Flow:
    """The flow on the site this account uses (the default when none was chosen)."""
    if not flow.sites:
        return flow
    chosen = prefs.site_of(flow.slug, account)
    if chosen is None:
        return flow
    if chosen != flow.domains[0] and chosen not in flow.sites:
        raise UsageError(f"optout's preferences {prefs.path()} give {flow.title} a site it "
                         f"doesn't have ('{one_line(chosen)}').",
                         f"Pick one with `optout run {flow.slug} --site SITE`: "
                         + ", ".join(choices(flow)) + ".")
    return on_site(flow, chosen)


def choose(flow: Flow, account: str, typed: str | None) -> tuple[Flow, str | None]:
    """The flow on the account's site; `typed` (a `--site`) picks and remembers it. With a line
    for the person when the choice changed."""
    if typed is None:
        return for_account(flow, account), None
    site = named(flow, typed)
    before = prefs.site_of(flow.slug, account) or flow.domains[0]
    prefs.choose_site(flow.slug, account, None if site == flow.domains[0] else site)
    moved = on_site(flow, site)
    if site == before:
        return moved, None
    return moved, (f"{flow.title}: account '{account}' uses {site} from now on "
                   f"(`--site {flow.domains[0]}` goes back).")
