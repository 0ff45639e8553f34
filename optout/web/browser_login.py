"""`optout login --browser`: the person signs in however they like; optout keeps the session.

A visible browser opens on the platform's sign-in page. Passwords, passkeys, SSO and emailed
codes all happen between the person and the platform; optout only waits for the flow's
signed-in cookie (or, for a flow that names none, for its settings page to open signed in) and
then saves the session (encrypted, see `optout.web.sessions`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from optout.errors import PersonNeeded
from optout.flow import Flow
from optout.web.browser import launch, new_context
from optout.web.person import HANDOVER_SECONDS, wait_for_person
from optout.web.sessions import SessionStore

if TYPE_CHECKING:
    from optout.web.replay import Replay


async def sign_in_in_browser(flow: Flow, account: str, replay: Replay | None,
                             seconds: float = HANDOVER_SECONDS) -> Path:
    async with launch(headed=True, offline=replay is not None) as browser:
        context = await new_context(browser)
        if replay is not None:
            await replay.attach(context)
        page = await context.new_page()
        await page.goto(flow.login.url)
        if not await wait_for_person(page, flow, seconds):
            took = f"{seconds / 60:.0f} minutes" if seconds >= 120 else f"{seconds:.0f} seconds"
            raise PersonNeeded(f"The {flow.title} sign-in was not finished within {took}; "
                               "nothing was saved.",
                               "Run the command again when you are ready.")
        store = SessionStore("replay" if replay is not None else "live")
        path = store.save(flow.slug, account, dict(await context.storage_state()))
        await context.close()
        return path
