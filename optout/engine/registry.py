"""Which platforms optout knows: every module in `optout.flows` (the repository's `flows/`)."""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re

from optout.errors import UsageError
from optout.flow import Flow, NoSwitch
from optout.printable import one_line

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


def _modules() -> list[str]:
    import optout.flows

    return sorted(m.name for m in pkgutil.iter_modules(optout.flows.__path__)
                  if not m.name.startswith("_"))


def entry(slug: str) -> Flow | NoSwitch:
    """The platform `slug` names: a flow to run, or the answer that there is nothing to run."""
    slug = slug.strip().lower()  # "LinkedIn" is what people type
    known = _modules()
    if not SLUG.match(slug) or slug not in known:
        close = difflib.get_close_matches(slug.lower(), known, n=1)
        maybe = f" Did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"Unknown platform '{one_line(slug)}'.{maybe}",
                         f"Supported: {', '.join(known)} (see `optout platforms`).")
    found = importlib.import_module(f"optout.flows.{slug}").FLOW
    if not isinstance(found, Flow | NoSwitch) or found.slug != slug:
        raise TypeError(f"flows/{slug}.py must define FLOW, a Flow or NoSwitch named '{slug}'")
    return found


def load(slug: str) -> Flow:
    """The flow to run for `slug`; a platform with nothing to switch off is a usage error here."""
    found = entry(slug)
    if isinstance(found, NoSwitch):
        raise UsageError(f"{found.title} has no AI-training setting to work on: {found.answer}",
                         f"`optout run {found.slug}` says what there is to know.")
    return found


def everything() -> list[Flow | NoSwitch]:
    return [entry(slug) for slug in _modules()]


def slugs() -> list[str]:
    """The platforms with settings to work on (not those with nothing to switch off)."""
    return [e.slug for e in everything() if isinstance(e, Flow)]


def all_flows() -> list[Flow]:
    return [e for e in everything() if isinstance(e, Flow)]


def answers() -> list[NoSwitch]:
    return [e for e in everything() if isinstance(e, NoSwitch)]
