"""Which platforms optout knows: every module in `optout.flows` (the repository's `flows/`)."""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re

from optout.errors import UsageError
from optout.flow import Flow

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


def slugs() -> list[str]:
    import optout.flows

    return sorted(m.name for m in pkgutil.iter_modules(optout.flows.__path__)
                  if not m.name.startswith("_"))


def load(slug: str) -> Flow:
    slug = slug.strip().lower()  # "LinkedIn" is what people type
    known = slugs()
    if not SLUG.match(slug) or slug not in known:
        close = difflib.get_close_matches(slug.lower(), known, n=1)
        maybe = f" Did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"Unknown platform '{slug}'.{maybe}",
                         f"Supported: {', '.join(known)} (see `optout platforms`).")
    flow = importlib.import_module(f"optout.flows.{slug}").FLOW
    if not isinstance(flow, Flow) or flow.slug != slug:
        raise TypeError(f"flows/{slug}.py must define FLOW, a Flow whose slug is '{slug}'")
    return flow


def all_flows() -> list[Flow]:
    return [load(slug) for slug in slugs()]
