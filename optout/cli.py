"""The command line: thin commands that call the engine and render its results.

Playwright and keyring are imported only inside the commands that use them, so `optout --help`
stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from optout import __version__
from optout.errors import Exit, OptoutError, UsageError
from optout.printable import for_terminal, one_line
from optout.results import PlatformResult, combined_exit, envelope

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    help="Turn off the settings that let platforms train AI models on your data, and prove it.",
    epilog="Exit codes are bit flags: 0 all as desired, 1 unexpected error, 2 usage error, "
    "4 settings still on, 8 a flow broke (site changed), 16 a person is needed, "
    "32 credentials or keyring problem, 64 a change did not persist.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
state = {"debug": False}

AccountOpt = Annotated[str | None, typer.Option(
    "--account", help="Which of your accounts on it (default: the only one, or 'default').")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
PlatformArg = Annotated[str, typer.Argument(help="The platform, e.g. linkedin.")]
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


@app.command()
@guarded
def platforms(json_out: JsonOpt = False) -> None:
    """List the supported platforms and their settings."""
    from optout import catalogue, registry

    flows = registry.everything()
    if json_out:
        echo(dumps({"version": 1, "platforms": catalogue.data(flows)}))
    else:
        echo(catalogue.table(flows))


@app.command()
@guarded
def run(
    platform: PlatformArg,
    account: AccountOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    json_out: JsonOpt = False,
    headed: HeadedOpt = False,
    replay: ReplayOpt = None,
    manual: ManualOpt = False,
    delete_activity: Annotated[bool, typer.Option(
        "--delete-activity", help="Where turning off offers it, delete past activity too.")]
    = False,
    objection_text: Annotated[str | None, typer.Option(
        "--objection-text", metavar="TEXT", help="Your own text for an objection form "
        "(the dry-run report shows the default).", show_default=False)] = None,
    target: Annotated[str | None, typer.Option(
        "--target", metavar="NAME", help="Only this blog, site or publication.",
        show_default=False)] = None,
    workspace: Annotated[str | None, typer.Option(
        "--workspace", metavar="URL", help="Slack: your workspace's address, for the email.",
        show_default=False)] = None,
    open_mail: Annotated[bool, typer.Option(
        "--open-mail", help="Slack: open the email in your mail program.")] = False,
    strict_freshness: StrictOpt = False,
) -> None:
    """Read a platform's AI-training settings, report them, and turn off what is on."""
    from optout import registry
    from optout.flow import NoSwitch

    if dry_run and yes:
        raise UsageError("--dry-run and --yes contradict each other.", "Use one of them.")
    found = registry.entry(platform)
    if isinstance(found, NoSwitch):
        given = [name for name, value in (("--target", target), ("--objection-text",
                 objection_text), ("--delete-activity", delete_activity or None)) if value]
        if given:
            raise UsageError(f"{found.title} has no setting to work on; {given[0]} does nothing "
                             "there.")
        _answer(found, workspace, open_mail, json_out)
        raise typer.Exit(0)
    flow = found
    if workspace is not None or open_mail:
        raise UsageError(f"{flow.title} takes no email; --workspace and --open-mail are for "
                         "platforms whose opt-out is an email (slack).")
    _offers(flow, delete_activity, objection_text, target)
    account = which_account(flow.slug, account)
    replayed = open_replay(replay)
    decide: Callable[[PlatformResult], bool] | None = None
    if yes:
        decide = always
    elif not dry_run and interactive():
        decide = _ask
    elif not dry_run:
        say("note: no terminal to ask, so this is a dry run; add --yes to change settings.")
    results = execute([(flow, account)], decide, json_out, manual, replay=replayed,
                      headed=headed, person=person(), delete_activity=delete_activity,
                      objection_text=objection_text.strip() if objection_text else None,
                      only_target=target, strict_freshness=strict_freshness)
    raise typer.Exit(combined_exit(results))


def _answer(found: Any, workspace: str | None, open_mail: bool, json_out: bool) -> None:
    """A platform with nothing to switch off: say so (or prepare its email); exit 0."""
    from optout import answers

    answers.check_options(found, workspace, open_mail)
    text = "\n".join(answers.lines(found, workspace))
    if json_out:
        echo(text, err=True)
        echo(dumps({"version": 1, "answers": [answers.as_dict(found, workspace)],
                          "results": [], "exit_code": 0}))
    else:
        echo(text)
    if open_mail:
        opened = answers.open_mail(found, workspace)
        say(f"note: opened the email to {opened.removeprefix('mailto:')} in your mail program.")


MAX_OBJECTION = 5000  # characters; far beyond any known form's need, short of abuse


def _offers(flow: Any, delete_activity: bool, objection_text: str | None,
            target: str | None) -> None:
    """Options that mean nothing for a platform are a mistake to point out, not to ignore."""
    if target is not None and not any(s.targets for s in flow.settings):
        raise UsageError(f"{flow.title} keeps its settings once per account, not per blog or "
                         "site; --target does nothing there.")
    if delete_activity and not any(s.choose_deleting for s in flow.settings):
        raise UsageError(f"{flow.title} has no setting that deletes activity; "
                         "--delete-activity does nothing there.")
    if objection_text is None:
        return
    if not any(s.form for s in flow.settings):
        raise UsageError(f"{flow.title} has no objection form; --objection-text does nothing "
                         "there.")
    if not objection_text.strip():
        raise UsageError("--objection-text is empty.", "Give the text, or leave the option out "
                         "to use the default shown in the dry-run report.")
    if len(objection_text) > MAX_OBJECTION:
        raise UsageError(f"--objection-text is {len(objection_text)} characters; the most is "
                         f"{MAX_OBJECTION}.")


@app.command()
@guarded
def demo(json_out: JsonOpt = False) -> None:
    """Run the real LinkedIn flow against bundled saved pages: no account, no network."""
    from optout.demo import run_demo

    results = run_demo(lambda r, final: _show(r, final, json_out),
                       lambda text: echo(text, err=json_out))
    if json_out:
        echo(dumps(envelope(results)))
    raise typer.Exit(combined_exit(results[-1:]))


def open_replay(folder: Path | None) -> Any:
    if folder is None:
        return None
    from optout.replay import Replay

    return Replay.open(folder)


def person() -> Any:
    from optout.person import Person

    return Person(interactive=interactive(), ask_code=_ask_code, say=say)


def _ask_code(question: str) -> str | None:
    answer = typer.prompt(question, default="", show_default=False, err=True).strip()
    return answer or None


def always(_result: PlatformResult) -> bool:
    return True


def _ask(result: PlatformResult) -> bool:
    from optout.report import question

    return typer.confirm(question(result), default=False, err=True)


def _show(result: PlatformResult, final: bool, json_out: bool, manual: bool = False) -> None:
    from optout import report

    text = report.platform_report(result, final=final, manual=manual)
    echo(text + "\n" + report.summary(result, final=final) + "\n", err=json_out)


def execute(targets: list[Any], decide: Callable[[PlatformResult], bool] | None,
            json_out: bool, manual: bool = False, **options: Any) -> list[PlatformResult]:
    """Run a job of (flow, account) targets; reports as they come, errors and JSON at the end."""
    import asyncio

    from optout.runner import Job, run_job

    job = Job(targets, decide, lambda r, final: _show(r, final, json_out, manual),
              note=lambda text: say(f"note: {text}"), **options)
    results = asyncio.run(run_job(job))
    for result in results:
        if result.error is not None:
            say(f"optout: {result.title}: {result.error.one_line()}")
    if json_out:
        echo(dumps(envelope(results)))
    return results


from optout import (  # noqa: E402, F401  (their commands)
    cli_accounts,
    cli_bugreport,
    cli_dev,
    cli_report,
    cli_restore,
    cli_schedule,
    cli_watch,
)


def main() -> int:
    """The console entry point: click's usage errors become one line and exit 2."""
    from typer._click.exceptions import ClickException

    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="optout", standalone_mode=False)
    except ClickException as exc:
        hint = " (see `optout --help`)" if exc.exit_code == Exit.USAGE else ""
        say(f"optout: {exc.format_message()}{hint}")
        return exc.exit_code
    except typer.Abort:
        say("optout: aborted; nothing was changed.")
        return int(Exit.UNEXPECTED)
    return code if isinstance(code, int) else 0
