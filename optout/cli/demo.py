"""`optout demo`: the real LinkedIn flow against saved pages that ship inside the package.

It asks nothing, needs no terminal, account or network, and records nothing: a first run finds
the switch on and turns it off (verified after a reload), a second run finds nothing to do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from importlib.resources import as_file, files

from optout.credentials import Credentials
from optout.engine import registry
from optout.engine.runner import Job, Show, run_job
from optout.errors import CredentialsError
from optout.results import PlatformResult
from optout.web.replay import Replay

ACCOUNT = "demo"


def _no_credentials(platform: str, account: str) -> Credentials:
    raise CredentialsError("The demo has no credentials: its saved pages never ask to sign in.")


def _yes(result: PlatformResult) -> bool:
    return True


def run_demo(show: Show, say: Callable[[str], None]) -> list[PlatformResult]:
    flow = registry.load("linkedin")
    with as_file(files("optout.fixtures") / "linkedin" / "on") as pages:
        # One Replay for both runs: the saved "server" remembers the first run's change.
        replay = Replay.open(pages)
        say(f"optout demo: the real {flow.title} flow against saved pages in {pages}\n"
            f"(made-up account '{ACCOUNT}', no network, nothing recorded).\n")
        say("Run 1: the switch is on and no objection form was sent, so optout asks; the demo "
            "answers yes.\n")
        job = Job([(flow, ACCOUNT)], _yes, show, replay=replay, record=False,
                  credentials=_no_credentials, keep_sessions=False)
        results = asyncio.run(run_job(job))
        say("Run 2: the same command again finds nothing to change: the switch is off and "
            "the form it sent is never sent twice.\n")
        results += asyncio.run(run_job(job))
    return results
