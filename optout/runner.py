"""One command's work across platforms: a browser, a context per platform, the cycle, a record.

The runner knows nothing of terminals: the CLI passes in how to show a report and how to ask.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from optout import credentials, totp
from optout.browser import launch, new_context
from optout.engine import FlowRun
from optout.errors import CredentialsError, OptoutError, PageUnavailable
from optout.flow import Flow
from optout.locate import Timing
from optout.logs import log
from optout.paths import private_dir, write_private_json
from optout.person import Person
from optout.results import Action, PlatformResult, SettingResult, SettingState
from optout.safety import LoginLedger
from optout.sessions import SessionStore, SessionUnreadable

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext

    from optout.credentials import Credentials
    from optout.replay import Replay

Show = Callable[[PlatformResult, bool], None]  # (result, final)
Decide = Callable[[PlatformResult], bool]  # True: go ahead and change what the report lists


@dataclass
class Job:
    """What to run, and how: a dry run when `decide` is None."""

    flows: list[Flow]
    account: str
    decide: Decide | None
    show: Show
    replay: Replay | None = None
    headed: bool = False
    record: bool = True
    # Where credentials come from; the keyring unless a caller (the demo) has none to give.
    credentials: Callable[[str, str], Credentials] = credentials.load
    person: Person = field(default_factory=Person)
    note: Callable[[str], None] = log.warning  # one line the person should see
    keep_sessions: bool = True

    @property
    def namespace(self) -> str:
        """Replayed runs keep their sessions and sign-in ledger apart from real ones."""
        return "replay" if self.replay is not None else "live"


async def run_job(job: Job) -> list[PlatformResult]:
    async with launch(headed=job.headed, offline=job.replay is not None) as browser:
        return [await run_flow(browser, flow, job) for flow in job.flows]


async def run_flow(browser: Browser, flow: Flow, job: Job) -> PlatformResult:
    store = SessionStore(job.namespace) if job.keep_sessions else None
    saved = _saved_session(store, flow, job)
    context = await new_context(browser, saved)
    if job.replay is not None:
        await job.replay.attach(context)
    timing = Timing.replay() if job.replay is not None else Timing()
    page = await context.new_page()
    page.set_default_timeout(timing.change * 1000)  # a stuck click fails in seconds, not 30
    person = replace(job.person, prepare=job.replay.attach if job.replay else None)
    cycle = FlowRun(flow, page, job.account, lambda: job.credentials(flow.slug, job.account),
                    timing, person, lambda: _authenticator_code(flow.slug, job.account),
                    LoginLedger(job.namespace))
    result = PlatformResult(flow.slug, flow.title, job.account)
    try:
        result.settings, result.error = await cycle.read_all()
        log.info("%s/%s read: %s", flow.slug, job.account,
                 ", ".join(f"{s.id}={s.state.value}" for s in result.settings))
        job.show(result, False)
        if result.pending and job.decide is not None:
            if await asyncio.to_thread(job.decide, result):
                result.dry_run = False
                await cycle.apply(result.settings)
            job.show(result, True)
    except OptoutError as exc:
        log.debug("%s/%s stopped: %s", flow.slug, job.account, exc.message, exc_info=exc)
        if isinstance(exc, PageUnavailable) and job.replay is not None:
            missing = job.replay.expected_file(exc.url)
            exc.hint = f"The replay folder has no page for it ({missing})."
        _interrupted(result, flow, exc)
        job.show(result, True)
    finally:
        if store is not None and (cycle.signed_in or (saved is not None and cycle.landed)):
            await _keep_session(store, context, flow, job)
        await context.close()
    log.info("%s/%s result: %s (exit %d)", flow.slug, job.account,
             ", ".join(f"{s.id}={s.state.value}" for s in result.settings), result.exit_code)
    if job.record:
        _record(flow, result)
    return result


# What an unverified setting says about why, by the kind of error that stopped the run.
REASONS = {"credentials": "credentials needed", "flow-broken": "the site may have changed",
           "person-needed": "login needed"}


def _interrupted(result: PlatformResult, flow: Flow, exc: OptoutError) -> None:
    """A run cut short: settings not verified are unknown, with the reason."""
    result.error = exc
    reason = REASONS.get(exc.kind, exc.message)
    seen = {s.id for s in result.settings}
    for setting in result.settings:
        if setting.action is Action.TURN_OFF and not result.dry_run:
            setting.state, setting.reason = SettingState.UNKNOWN, f"not verified: {reason}"
    result.settings += [
        SettingResult(s.id, s.label, s.url, SettingState.UNKNOWN, reason=reason,
                      manual_path=s.manual_path)
        for s in flow.settings if s.id not in seen
    ]


def _record(flow: Flow, result: PlatformResult) -> None:
    """Keep the latest verified observation per platform and account."""
    data = result.as_dict() | {"at": datetime.now(UTC).isoformat(timespec="seconds"),
                               "flow_version": flow.version}
    try:
        write_private_json(private_dir("results", flow.slug) / f"{result.account}.json", data)
    except OSError as exc:
        log.warning("could not record the result: %s", exc)


def _saved_session(store: SessionStore | None, flow: Flow, job: Job) -> dict[str, Any] | None:
    if store is None:
        return None
    try:
        return store.load(flow.slug, job.account)
    except SessionUnreadable as exc:
        job.note(f"{flow.title}: {exc}; treating it as signed out.")
        return None


async def _keep_session(store: SessionStore, context: BrowserContext, flow: Flow,
                        job: Job) -> None:
    try:
        store.save(flow.slug, job.account, dict(await context.storage_state()))
    except (CredentialsError, OSError) as exc:
        reason = exc.message if isinstance(exc, CredentialsError) else type(exc).__name__
        job.note(f"{flow.title}: the session was not saved ({reason}); the next run signs in "
                 "again.")


def _authenticator_code(platform: str, account: str) -> str | None:
    secret = credentials.load_totp(platform, account)
    return totp.code(secret) if secret else None
