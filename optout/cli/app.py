"""The command line's shared ground: the Typer app, the options commands share, printing, and
turning problems into one line and an exit code. Command modules register on this app; only
`optout.cli.main` imports them all (so none of them imports another's module or `optout.cli.main`).

Playwright and keyring are imported only inside the commands that use them, so `optout --help`
stays fast. For the same reason the modules that define commands leave out `from __future__ import
annotations`: Typer would evaluate every command's annotations from strings, which was most of
the time `--help` took.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from optout import __version__
from optout.cli import complete
from optout.errors import Exit, OptoutError, UsageError
from optout.printable import for_terminal, one_line

if TYPE_CHECKING:
    from optout.results import PlatformResult

F = TypeVar("F", bound=Callable[..., Any])
COMPLETION = ("--install-completion", "--show-completion")


def _completing() -> bool:
    """Typer's completion options cost every start ~8 ms: they exist when they are used."""
    return any(arg in COMPLETION for arg in sys.argv[1:2]) or "_OPTOUT_COMPLETE" in os.environ


app = typer.Typer(
    help="Turn off the settings that let platforms train AI models on your data, and prove it.",
    epilog="Exit codes are bit flags: 0 all as desired, 1 unexpected error, 2 usage error, "
    "4 settings still on, 8 a flow broke (site changed), 16 a person is needed, "
    "32 credentials or keyring problem, 64 a change did not persist. "
    "Shell completion (bash, zsh, fish): optout --install-completion.",
    add_completion=_completing(),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
state = {"debug": False}

AccountOpt = Annotated[str | None, typer.Option(
    "--account", help="Which of your accounts on it (default: the only one, or 'default').",
    autocompletion=complete.accounts)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
PlatformArg = Annotated[str, typer.Argument(help="The platform, e.g. linkedin.",
                                            autocompletion=complete.platforms)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Only report; change nothing.")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Change without asking.")]
HeadedOpt = Annotated[bool, typer.Option("--headed", help="Show the browser window.")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict-freshness", help="Change nothing on a platform whose facts are older than "
    "OPTOUT_MAX_FLOW_AGE days (180 by default); only read.")]
ManualOpt = Annotated[bool, typer.Option(
    "--manual", help="Show how to do each setting by hand (URL and menu path).")]
ReplayOpt = Annotated[Path | None, typer.Option(
    "--replay", metavar="DIR", help="Serve saved pages from DIR instead of the network.")]


SiteOpt = Annotated[str | None, typer.Option(
    "--site", metavar="SITE", help="Your regional site, where a platform has several (eBay: "
    "ebay.co.uk, ebay.de, ...); remembered for the account.", show_default=False)]
PlatformsArg = Annotated[list[str] | None, typer.Argument(
    help="Platforms, e.g. linkedin x.", show_default=False, autocompletion=complete.platforms)]
ReplayRunsOpt = Annotated[bool, typer.Option(
    "--replay-runs", help="Also show runs on saved pages (--replay), labelled as replays.")]
SINCE = re.compile(r"^(\d+)([dh])$")


def since_moment(text: str | None) -> str | None:
    """`--since` as an ISO moment: a date, or an age (7d, 24h) back from now."""
    from datetime import UTC, datetime, timedelta

    if text is None:
        return None
    relative = SINCE.match(text)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)
        try:
            delta = timedelta(days=amount) if unit == "d" else timedelta(hours=amount)
            return (datetime.now(UTC) - delta).isoformat(timespec="seconds")
        except OverflowError:  # before the year 1: no calendar reaches it
            raise UsageError(f"--since '{text}' reaches back before any date.",
                             "Use a shorter age (e.g. 3650d) or a date.") from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since '{one_line(text)}' is not a date or an age.",
                         "Use e.g. 2026-11-01, 7d or 24h.") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat(
        timespec="seconds")


def dumps(document: object) -> str:
    """A JSON document for stdout (json is imported only when one is printed)."""
    import json

    return json.dumps(document, indent=2).replace("\x7f", "\\u007f")  # no raw control


def echo(text: str, err: bool = False) -> None:
    """Everything optout prints: a control character from input or a page is shown escaped."""
    typer.echo(for_terminal(text), err=err)


def say(message: str) -> None:
    """Messages for the person go to stderr, so stdout stays clean for --json."""
    echo(message, err=True)


def guarded(command: F) -> F:
    """Expected problems become one line and their exit bit; the rest, one line unless --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise  # click's own endings: an exit code, or Ctrl-C / end of input at a prompt
        except OptoutError as exc:
            if state["debug"]:
                raise
            say(f"optout: {exc.one_line()}")
            raise typer.Exit(int(exc.exit_bit)) from None
        except KeyboardInterrupt:
            say("optout: interrupted; nothing further was changed.")
            raise typer.Exit(int(Exit.UNEXPECTED)) from None
        except Exception as exc:
            if state["debug"]:
                raise
            say(f"optout: unexpected error: {type(exc).__name__}. "
                "Run again with --debug for details, and please report it.")
            raise typer.Exit(int(Exit.UNEXPECTED)) from None

    return wrapper  # type: ignore[return-value]


def which_account(platform: str, chosen: str | None) -> str:
    """The account named (checked), else the platform's only known account, else 'default'."""
    from optout import accounts

    account = accounts.resolve(platform, chosen)
    if not accounts.NAME.match(account):
        raise UsageError(f"Account name '{one_line(account)}' is not allowed.",
                         "Use up to 64 letters, digits and . _ @ + - (e.g. 'work').")
    return account


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


@app.callback(invoke_without_command=True)  # so `optout --version` needs no command
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show details and tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    state["debug"] = debug
    if version:
        echo(f"optout {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        ctx.fail("Missing command.")
    from optout.logs import setup

    setup(debug)


def open_replay(folder: Path | None) -> Any:
    if folder is None:
        return None
    from optout.web.replay import Replay

    return Replay.open(folder)


def person() -> Any:
    from optout.web.person import Person

    return Person(interactive=interactive(), ask_code=_ask_code, say=say)


def _ask_code(question: str) -> str | None:
    answer = typer.prompt(question, default="", show_default=False, err=True).strip()
    return answer or None


def always(_result: PlatformResult) -> bool:
    return True


def _ask(result: PlatformResult) -> bool:
    from optout.cli.render import question

    return typer.confirm(question(result), default=False, err=True)


def _show(result: PlatformResult, final: bool, json_out: bool, manual: bool = False) -> None:
    from optout.cli import render as report

    text = report.platform_report(result, final=final, manual=manual)
    echo(text + "\n" + report.summary(result, final=final) + "\n", err=json_out)


def execute(targets: list[Any], decide: Callable[[PlatformResult], bool] | None,
            json_out: bool, manual: bool = False, asking: bool = False,
            reports: bool = True, **options: Any) -> list[PlatformResult]:
    """Run a job of (flow, account) targets; reports as they come, errors and JSON at the end.

    On a terminal a live line per platform shows its progress; over several platforms one
    summary table ends the output (`asking`: a question about it follows). Without `reports`,
    only final reports are shown (a second pass after the person already read the first)."""
    import asyncio
    from dataclasses import replace

    from optout import prefs
    from optout.cli.progress import Progress, wanted
    from optout.engine.runner import Job, run_job
    from optout.results import envelope

    prefs.skips()  # damaged preferences stop here (exit 2), before a browser starts
    prefs.sites()
    titles = {flow.slug: flow.title for flow, _account in targets}
    with Progress(wanted(json_out), titles) as progress:
        def show(result: PlatformResult, final: bool) -> None:
            if reports or final:
                with progress.paused():
                    _show(result, final, json_out, manual)

        def paused(result: PlatformResult) -> bool:
            assert decide is not None
            with progress.paused():
                return decide(result)

        def note(text: str) -> None:
            with progress.paused():
                say(f"note: {text}")

        if "person" in options:  # what the person is asked or told mid-run isn't drawn over
            someone = options["person"]

            def ask_code(question: str) -> str | None:
                with progress.paused():
                    return someone.ask_code(question)  # type: ignore[no-any-return]

            def tell(message: str) -> None:
                with progress.paused():
                    someone.say(message)

            options["person"] = replace(someone, ask_code=ask_code, say=tell)

        job = Job(targets, paused if decide is not None else None, show, note=note,
                  progress=progress.phase, **options)
        results = asyncio.run(run_job(job))
    for result in results:
        if result.error is not None:
            say(f"optout: {result.title}: {result.error.one_line()}")
    if json_out:
        echo(dumps(envelope(results)))
    elif len(results) > 1:
        from optout.cli import table

        table.render(results, asking)
    return results
