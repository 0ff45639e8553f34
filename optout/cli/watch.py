"""Commands that keep watch: `check` (read, compare, alert), `status` and `history`."""

from typing import Annotated, Any

import typer

from optout.cli.app import (
    AccountOpt,
    JsonOpt,
    ManualOpt,
    PlatformsArg,
    ReplayOpt,
    ReplayRunsOpt,
    SiteOpt,
    StrictOpt,
    always,
    app,
    dumps,
    echo,
    execute,
    guarded,
    interactive,
    open_replay,
    person,
    say,
    since_moment,
    which_account,
)
from optout.errors import UsageError

AllOpt = Annotated[bool, typer.Option("--all", help="Every platform you have an account on.")]
FixOpt = Annotated[bool, typer.Option("--fix", help="Turn off what is on, as `run --yes` does.")]
NotifyOpt = Annotated[list[str] | None, typer.Option(
    "--notify", metavar="SPEC", help="When something needs attention: desktop, apprise:URL or "
    "command:PROGRAM (repeatable).", show_default=False)]
ConcurrencyOpt = Annotated[int, typer.Option(
    "--concurrency", min=1, max=8, help="Platforms checked at once.")]
REPLAYED = "  [replayed from saved pages]"


def targets_of(platforms: list[str], every: bool, account: str | None,
               command: str = "check", site: str | None = None) -> list[tuple[Any, str]]:
    """The (flow, account) pairs named, or every account's with `--all`, each on the account's
    regional site (`site` picks and remembers it); platforms with nothing to switch are noted
    and left out."""
    from optout.engine import sites

    if site is not None and (every or len(platforms) > 1):
        raise UsageError("--site is for one platform at a time.", "Name that platform alone.")
    moved = []
    for flow, name in _named_targets(platforms, every, account, command):
        on_site, note = sites.choose(flow, name, site)
        if note:
            say(note)
        moved.append((on_site, name))
    return moved


def _named_targets(platforms: list[str], every: bool, account: str | None,
                   command: str) -> list[tuple[Any, str]]:
    from optout import accounts
    from optout.engine import registry

    if every and platforms:
        raise UsageError("Name platforms or use --all, not both.")
    if every:
        known = set(registry.slugs())
        return [(registry.load(slug), name) for slug, names in accounts.everything().items()
                if slug in known for name in names if account in (None, name)]
    if not platforms:
        raise UsageError(f"Name a platform to {command}, or use --all.",
                         f"e.g. `optout {command} linkedin`.")
    from optout.flow import NoSwitch

    flows = []
    for entry in (registry.entry(p) for p in platforms):
        if isinstance(entry, NoSwitch):  # said once; the other platforms are still checked
            say(f"note: {entry.title} has nothing to check: {entry.answer}")
        else:
            flows.append(entry)
    return [(flow, which_account(flow.slug, account)) for flow in flows]


@app.command()
@guarded
def check(platforms: PlatformsArg = None, every: AllOpt = False, account: AccountOpt = None,
          fix: FixOpt = False, json_out: JsonOpt = False, notify: NotifyOpt = None,
          replay: ReplayOpt = None, concurrency: ConcurrencyOpt = 3,
          manual: ManualOpt = False, strict_freshness: StrictOpt = False,
          site: SiteOpt = None) -> None:
    """Re-read settings without changing them (unless --fix); alert when something came back."""
    from optout.watch import notify as notifying

    notifiers = [notifying.parse(spec) for spec in notify or []]
    targets = targets_of(platforms or [], every, account, site=site)
    replayed = open_replay(replay)
    if not targets:
        if every:
            say("No accounts to check yet: `optout login PLATFORM` adds one.")
        raise typer.Exit(0)  # named platforms with nothing to check were noted
    results = execute(targets, always if fix else None, json_out, manual,
                      replay=replayed,
                      person=person(), command="check", concurrency=concurrency,
                      may_sign_in=interactive(),  # unattended checks never type a password
                      send_forms=False,  # a form goes out only from a person's `run`
                      strict_freshness=strict_freshness)
    summary = notifying.attention(results, replayed=replayed is not None)
    fresh = notifying.not_told_lately(summary) if summary and notifiers else None
    if summary and fresh and notifying.send(notifiers, fresh, lambda text: say(f"note: {text}")):
        notifying.remember(summary, fresh)  # a message that reached no one is tried again
    from optout.results import combined_exit

    raise typer.Exit(combined_exit(results))


def _age(at: str) -> str:
    from datetime import UTC, datetime

    seconds = (datetime.now(UTC) - datetime.fromisoformat(at)).total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f}{unit} ago"
    return "just now"


@app.command()
@guarded
def status(json_out: JsonOpt = False, replay_runs: ReplayRunsOpt = False) -> None:
    """The last known state of every setting of every account, with its age."""
    from optout.watch import history

    rows = history.latest(replay_runs)
    if json_out:
        echo(dumps({"version": 1, "settings": [r.as_dict() for r in rows]}))
        return
    if not rows:
        say(f"Nothing recorded{'' if replay_runs else ' of the real sites'} yet: "
            "`optout run PLATFORM` or `optout check` records what it reads.")
    for row in rows:
        echo(f"{row.platform:<12} {row.account:<12} {row.state:<16} {_age(row.at):<9} "
                   f"{row.label}{REPLAYED if row.replayed else ''}")
    _replays_left_out(replay_runs)


def _replays_left_out(shown: bool) -> None:
    """Say that runs on saved pages exist, and how to see them, when they were left out."""
    from optout.watch import history

    if not shown and (count := history.replayed_count()):
        say(f"note: {count} observation{'s' if count != 1 else ''} from runs on saved pages "
            "(--replay) not shown; --replay-runs shows them.")


@app.command("history")
@guarded
def show_history(
    platform: Annotated[str | None, typer.Argument(help="Only this platform.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="From a date (2026-11-01) or an age (7d, 24h).")] = None,
    json_out: JsonOpt = False,
    replay_runs: ReplayRunsOpt = False,
) -> None:
    """Every recorded observation, oldest first."""
    from optout.engine import registry
    from optout.watch import history

    slug = registry.load(platform).slug if platform else None
    rows = history.timeline(slug, since_moment(since), replay_runs)
    if json_out:
        echo(dumps({"version": 1, "observations": [r.as_dict() for r in rows]}))
        return
    for row in rows:
        echo(f"{row.at}  {row.command:<5} {row.platform}/{row.account}  {row.state:<16} "
                   f"{row.label}{REPLAYED if row.replayed else ''}")
    if not rows:
        say("No observations match.")
    _replays_left_out(replay_runs)
