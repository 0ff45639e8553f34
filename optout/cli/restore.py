"""`optout restore PLATFORM`: put back what optout changed (see `optout.evidence.restore`)."""

from typing import Annotated

import typer

from optout.cli.app import (
    AccountOpt,
    DryRunOpt,
    JsonOpt,
    ReplayOpt,
    YesOpt,
    app,
    dumps,
    echo,
    guarded,
    interactive,
    open_replay,
    person,
    say,
    which_account,
)
from optout.errors import UsageError


@app.command()
@guarded
def restore(
    platform: Annotated[str, typer.Argument(help="The platform, e.g. linkedin.")],
    setting: Annotated[str | None, typer.Option(
        "--setting", metavar="ID", help="Only this setting (its id, as `optout history` shows).",
        show_default=False)] = None,
    account: AccountOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    json_out: JsonOpt = False,
    replay: ReplayOpt = None,
) -> None:
    """Put back the settings optout changed, as they were before (and only those)."""
    import asyncio

    from optout.engine import registry
    from optout.engine.runner import Job, run_job
    from optout.evidence import restore as undo
    from optout.results import PlatformResult
    from optout.watch import history

    if dry_run and yes:
        raise UsageError("--dry-run and --yes contradict each other.", "Use one of them.")
    from optout.engine import sites

    flow = registry.load(platform)
    account = which_account(flow.slug, account)
    flow = sites.for_account(flow, account)  # put back on the site it was changed on
    replayed = open_replay(replay)
    source = "replay" if replayed is not None else "live"
    inverted = undo.plan(flow, history.changed_by_optout(flow.slug, account, source), setting)

    def show(result: PlatformResult, final: bool) -> None:
        echo("\n".join(undo.lines(result, final)) + "\n", err=json_out)

    def ask(result: PlatformResult) -> bool:
        count = len(result.pending)
        return typer.confirm(f"Put back {count} setting{'s' if count != 1 else ''} on "
                             f"{result.title}?", default=False, err=True)

    decide = None if dry_run else (lambda _r: True) if yes else ask if interactive() else None
    if decide is None and not dry_run:
        say("note: no terminal to ask, so this is a dry run; add --yes to put settings back.")
    job = Job([(inverted, account)], decide, show, replay=replayed, person=person(),
              command="restore", present=undo.present, note=lambda text: say(f"note: {text}"))
    [result] = asyncio.run(run_job(job))
    if result.error is not None:
        say(f"optout: {result.title}: {result.error.one_line()}")
    if json_out:
        echo(dumps({"version": 1, "results": [result.as_dict()],
                          "exit_code": undo.exit_code(result)}))
    raise typer.Exit(undo.exit_code(result))
