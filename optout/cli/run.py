"""`optout platforms`, `optout run` and `optout demo`: reading and turning off, one platform at a
time."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from optout.cli.app import (
    AccountOpt,
    DryRunOpt,
    HeadedOpt,
    JsonOpt,
    ManualOpt,
    PlatformArg,
    ReplayOpt,
    StrictOpt,
    YesOpt,
    _ask,
    _show,
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
    which_account,
)
from optout.errors import UsageError

if TYPE_CHECKING:
    from optout.results import PlatformResult


@app.command()
@guarded
def platforms(json_out: JsonOpt = False) -> None:
    """List the supported platforms and their settings."""
    from optout.engine import catalogue, registry

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
    from optout.engine import registry
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
    from optout.results import combined_exit

    raise typer.Exit(combined_exit(results))


def _answer(found: Any, workspace: str | None, open_mail: bool, json_out: bool) -> None:
    """A platform with nothing to switch off: say so (or prepare its email); exit 0."""
    from optout.engine import answers

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
    from optout.cli.demo import run_demo
    from optout.results import combined_exit, envelope

    results = run_demo(lambda r, final: _show(r, final, json_out),
                       lambda text: echo(text, err=json_out))
    if json_out:
        echo(dumps(envelope(results)))
    raise typer.Exit(combined_exit(results[-1:]))
