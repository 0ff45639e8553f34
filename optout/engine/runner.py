"""One command's work across platforms: a browser, a context per platform, the cycle, a record.

The runner knows nothing of terminals: the CLI passes in how to show a report and how to ask.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from optout import credentials
from optout.engine import freshness, skipping
from optout.engine.flowrun import FlowRun
from optout.errors import (
    CredentialsError,
    FlowBroken,
    HomeUnusable,
    OptoutError,
    PageUnavailable,
    Unexpected,
)
from optout.evidence.capture import Capturer
from optout.flow import Flow
from optout.locate import Timing
from optout.logs import log
from optout.paths import usable_home
from optout.results import Action, PlatformResult, SettingResult, SettingState
from optout.watch import drift
from optout.watch.locks import account_lock, wait_seconds
from optout.web import session_source, totp
from optout.web.browser import launch, new_context
from optout.web.person import Person
from optout.web.renewal import Renewal
from optout.web.safety import LoginLedger
from optout.web.sessions import SessionStore, SessionUnreadable

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext

    from optout.credentials import Credentials
    from optout.web.replay import Replay

Show = Callable[[PlatformResult, bool], None]  # (result, final)
Decide = Callable[[PlatformResult], bool]  # True: go ahead and change what the report lists


@dataclass
class Job:
    """What to run, and how: a dry run when `decide` is None."""

    targets: list[tuple[Flow, str]]  # (platform, account) pairs
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
    command: str = "run"
    concurrency: int = 3  # platforms read at once, each in its own browser context
    may_sign_in: bool = True  # False for unattended checks: sessions only, never a password
    delete_activity: bool = False  # pick "Turn off and delete activity" where a menu offers it
    objection_text: str | None = None  # the person's own text for objection forms
    send_forms: bool = True  # False for checks: a form is sent only by a person's `run`
    only_target: str | None = None  # `--target`: one blog, site or publication
    strict_freshness: bool = False  # a flow whose facts are too old only reads (see `stale`)
    evidence: bool = True  # pictures for receipts, captures of broken pages (when recording)
    # How results are shown, recorded and returned (`restore` speaks of putting things back).
    present: Callable[[PlatformResult], PlatformResult] = lambda result: result
    # Forms sent by this job, for jobs that keep no history (the demo): never sent twice either.
    sent: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    # What each (platform, account) is doing now, for a live progress line: "opening",
    # "signing in", "reading", "changing", "verifying", "done" (or "stopped").
    progress: Callable[[str, str, str], None] = lambda _platform, _account, _phase: None

    @property
    def namespace(self) -> str:
        """Replayed runs keep their sessions and sign-in ledger apart from real ones."""
        return "replay" if self.replay is not None else "live"


async def run_job(job: Job) -> list[PlatformResult]:
    # What would stop every platform stops the job before a browser starts or a page changes.
    usable_home()
    wait_seconds()
    async with launch(headed=job.headed, offline=job.replay is not None) as browser:
        slots = asyncio.Semaphore(max(1, job.concurrency))

        async def one(flow: Flow, account: str) -> PlatformResult:
            async with slots:
                return await run_flow(browser, flow, account, job)

        return list(await asyncio.gather(*(one(f, a) for f, a in job.targets)))


async def run_flow(browser: Browser, flow: Flow, account: str, job: Job) -> PlatformResult:
    """One platform account, start to finish; its problems end up in its result, not raised."""
    result = PlatformResult(flow.slug, flow.title, account)
    try:
        async with account_lock(flow.slug, account):
            try:
                await _cycle(browser, flow, account, job, result)
            except Exception as exc:  # one platform's bug must not stop the others
                log.exception("%s/%s failed", flow.slug, account)
                _interrupted(result, flow, Unexpected(
                    f"{flow.title}: unexpected {type(exc).__name__}.",
                    "Run with --debug and please report it."))
                job.show(job.present(result), True)
            # Recorded before the lock is let go: a run waiting for it reads this one's history
            # (a form it sent is never sent again).
            return _recorded(result, flow, account, job)
    except HomeUnusable:
        raise  # nothing can be kept or locked: one line ends the command
    except OptoutError as exc:  # the lock, before anything was read
        _interrupted(result, flow, exc)
        job.show(job.present(result), True)
    return _recorded(result, flow, account, job)


def _recorded(result: PlatformResult, flow: Flow, account: str, job: Job) -> PlatformResult:
    result = job.present(result)
    log.info("%s/%s result: %s (exit %d)", flow.slug, account,
             ", ".join(f"{s.id}={s.state.value}" for s in result.settings), result.exit_code)
    if job.record:
        drift.record(result, flow, job.command, job.note, job.namespace)
        drift.keep_receipts(result, flow, job.command, job.note, job.namespace)
    return result


async def _cycle(browser: Browser, flow: Flow, account: str, job: Job,
                 result: PlatformResult) -> None:
    store = SessionStore(job.namespace) if job.keep_sessions else None
    saved = _saved_session(store, flow, account, job)
    context = await new_context(browser, saved)
    if job.replay is not None:
        await job.replay.attach(context)
    timing = Timing.replay() if job.replay is not None else Timing()
    page = await context.new_page()
    page.set_default_timeout(timing.change * 1000)  # a stuck click fails in seconds, not 30
    person = replace(job.person, prepare=job.replay.attach if job.replay else None,
                     offline=job.replay is not None)
    cycle = FlowRun(flow, page, account, lambda: job.credentials(flow.slug, account),
                    timing, person, lambda: _authenticator_code(flow.slug, account),
                    LoginLedger(job.namespace), renewal=_renewal(store, flow, account),
                    on_phase=lambda phase: job.progress(flow.slug, account, phase),
                    may_sign_in=job.may_sign_in,
                    delete_activity=job.delete_activity, objection_text=job.objection_text,
                    send_forms=job.send_forms, may_change=job.decide is not None,
                    only_target=job.only_target, pictures=job.record and job.evidence,
                    capturer=Capturer(flow, account, job.note) if job.record and job.evidence
                    else None,
                    note=job.note,
                    sent_before=drift.sent_form(flow.slug, account, job.namespace) if job.record
                    else lambda setting: job.sent.get((flow.slug, account, setting)))
    job.progress(flow.slug, account, "opening")
    try:
        result.shots = cycle.shots  # filled as the cycle goes; kept even if it stops early
        result.settings, errors = await cycle.read_all()
        if job.command != "restore":  # a restore puts back only what optout itself changed
            skipping.apply(result.settings, flow.slug, flow.title, account, job.note)
        _met(result, errors, job)
        if job.record and job.command != "restore":  # a restore's readings are of its own kind
            drift.compare(result, job.note, job.namespace)
        log.info("%s/%s read: %s", flow.slug, account,
                 ", ".join(f"{s.id}={s.state.value}" for s in result.settings))
        job.show(job.present(result), False)
        too_old = freshness.stale(flow)
        if too_old:
            job.note(f"{flow.title}: {too_old}" + (
                "; --strict-freshness: nothing is changed" if job.strict_freshness else ""))
        sure = flow.confidence
        if result.pending and sure.level == "low":
            job.note(f"{flow.title}: optout is not sure of this flow (low confidence: {sure.why});"
                     " check the page by hand after any change.")
        if result.pending and job.decide is not None and not (too_old and job.strict_freshness):
            if await asyncio.to_thread(job.decide, result):
                result.dry_run = False
                _met(result, await cycle.apply(result.settings), job)
                _remember_sent(job, result)
            job.show(job.present(result), True)
    except OptoutError as exc:
        log.debug("%s/%s stopped: %s", flow.slug, account, exc.message, exc_info=exc)
        if isinstance(exc, FlowBroken):
            await cycle.broken(exc)
        _replay_hint(job, exc)
        _interrupted(result, flow, exc)
        job.show(job.present(result), True)
    finally:
        job.progress(flow.slug, account, "stopped" if result.error is not None else "done")
        if store is not None and (cycle.signed_in or (saved is not None and cycle.landed)):
            await _keep_session(store, context, flow, account, job)
        await context.close()


def _replay_hint(job: Job, exc: OptoutError) -> None:
    if (isinstance(exc, PageUnavailable) and job.replay is not None
            and job.replay.file_for(exc.url) is None):
        missing = job.replay.expected_file(exc.url)
        exc.hint = f"The replay folder has no page for it ({missing})."


def _met(result: PlatformResult, errors: list[OptoutError], job: Job) -> None:
    """Keep the errors a cycle met: a broken flow is named first (it asks for a report)."""
    for error in errors:
        _replay_hint(job, error)
    errors = sorted(errors, key=lambda e: not isinstance(e, FlowBroken))
    if result.error is None and errors:
        result.error, errors = errors[0], errors[1:]
    result.more_errors += errors


def _remember_sent(job: Job, result: PlatformResult) -> None:
    from optout.watch.history import now

    for setting in result.settings:
        if setting.state is SettingState.FORM_SUBMITTED and setting.action is Action.SEND_FORM:
            job.sent[(result.platform, result.account, setting.id)] = (now(), setting.reason)


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
            setting.cause = exc.exit_bit
    result.settings += [
        SettingResult(s.id, s.label, s.url, SettingState.UNKNOWN, reason=reason,
                      manual_path=s.manual_path, cause=exc.exit_bit)
        for s in (t.whole() for t in flow.settings)
        if s.id not in seen and not any(i.startswith(f"{s.id}:") for i in seen)
    ]


def _renewal(store: SessionStore | None, flow: Flow, account: str) -> Renewal | None:
    """For an account whose session comes from the person's browser: where to take it again."""
    source = session_source.read(store, flow.slug, account) if store is not None else None
    if source is None or source.kind != session_source.FROM_BROWSER:
        return None
    return Renewal(flow, account, source)


def _saved_session(store: SessionStore | None, flow: Flow, account: str,
                   job: Job) -> dict[str, Any] | None:
    if store is None:
        return None
    try:
        return store.load(flow.slug, account)
    except SessionUnreadable as exc:
        job.note(f"{flow.title}: {exc}; treating it as signed out.")
        return None


async def _keep_session(store: SessionStore, context: BrowserContext, flow: Flow, account: str,
                        job: Job) -> None:
    try:
        store.save(flow.slug, account, dict(await context.storage_state()))
    except (CredentialsError, HomeUnusable, OSError) as exc:
        reason = exc.message if isinstance(exc, OptoutError) else type(exc).__name__
        job.note(f"{flow.title}: the session was not saved ({reason}); the next run signs in "
                 "again.")


def _authenticator_code(platform: str, account: str) -> str | None:
    secret = credentials.load_totp(platform, account)
    return totp.code(secret) if secret else None
