"""Commands for a scheduled re-check: `schedule install`, `schedule status`, `schedule remove`.

`optout.watch.schedule` is imported inside the commands, so `optout --help` stays fast.
"""

from typing import Annotated

import typer

from optout.cli.app import app, echo, guarded, say

schedule_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
app.add_typer(schedule_app, name="schedule",
              help="Run `optout check --all` on a schedule: systemd or cron on Linux, launchd "
              "on macOS, Task Scheduler on Windows.")

EveryOpt = Annotated[str, typer.Option(
    "--every", metavar="daily|weekly|Nh",
    help="How often: daily, weekly, or every N hours with N from 1 to 24 (e.g. 6h).")]
FixOpt = Annotated[bool, typer.Option(
    "--fix", help="Let the scheduled check turn off what it finds on (passes --fix).")]
NotifyOpt = Annotated[list[str] | None, typer.Option(
    "--notify", metavar="SPEC", help="Pass --notify SPEC to the scheduled check; repeatable.")]


@schedule_app.command()
@guarded
def install(every: EveryOpt = "daily", fix: FixOpt = False, notify: NotifyOpt = None) -> None:
    """Schedule `optout check --all`, replacing any earlier schedule."""
    import shlex

    from optout.watch import schedule
    from optout.watch.notify import parse

    for spec in notify or []:
        parse(spec)  # a mistyped notifier fails now, not silently at every scheduled run
    job = schedule.Job.make(schedule.parse_every(every), fix, notify or [])
    for line in schedule.install(job):
        say(line)
    say(f"It runs: {shlex.join(job.argv)}")
    if "OPTOUT_HOME" in job.env:
        say(f"With OPTOUT_HOME={job.env['OPTOUT_HOME']}.")


@schedule_app.command()
@guarded
def status() -> None:
    """Show where the scheduled check is installed, when it runs next, and the last result."""
    from optout.watch import schedule
    from optout.watch.history import latest_summary

    found = schedule.status()
    if found is None:
        echo("No scheduled check is installed (`optout schedule install` adds one).")
    else:
        echo(f"Scheduled with: {found.scheduler}")
        echo(f"Schedule: {found.schedule}")
        echo(f"Runs: {found.command}")
        if found.next_run:
            echo(f"Next run: {found.next_run}")
    echo(f"Last result: {latest_summary() or 'no check recorded yet.'}")


@schedule_app.command()
@guarded
def remove() -> None:
    """Remove the scheduled check and everything `schedule install` created."""
    from optout.watch import schedule

    removed = schedule.remove()
    if removed:
        say("Removed " + "; ".join(removed) + ".")
    else:
        say("No scheduled check was installed; nothing to remove.")
