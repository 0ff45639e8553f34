"""`optout platforms`, `optout run` and `optout demo`: reading and turning off, one platform at a
time."""

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from optout.cli.app import (
    AccountOpt,
    DryRunOpt,
    HeadedOpt,
    JsonOpt,
    ManualOpt,
    PlatformsArg,
    ReplayOpt,
    SiteOpt,
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
)
from optout.errors import UsageError

if TYPE_CHECKING:
    from optout.results import PlatformResult


@app.command()
@guarded
def platforms(named: PlatformsArg = None, json_out: JsonOpt = False) -> None:
    """List the supported platforms (or the ones named) and their settings."""
    from optout.engine import catalogue, registry

    flows = [registry.entry(p) for p in named] if named else registry.everything()
    if json_out:
        echo(dumps({"version": 1, "platforms": catalogue.data(flows)}))
    else:
        echo(catalogue.table(flows))


EachOpt = Annotated[bool, typer.Option(
    "--each", help="With several platforms: ask once per platform instead of once for all.")]
EveryOpt = Annotated[bool, typer.Option("--all", help="Every platform you have an account on.")]


@app.command()
@guarded
def run(
    platforms: PlatformsArg = None,
    every: EveryOpt = False,
    account: AccountOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    each: EachOpt = False,
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
    site: SiteOpt = None,
) -> None:
    """Read platforms' AI-training settings, report them, and turn off what is on (one question
    for all)."""
    from optout.cli.watch import targets_of
    from optout.engine import registry
    from optout.flow import NoSwitch

    if dry_run and yes:
        raise UsageError("--dry-run and --yes contradict each other.", "Use one of them.")
    named = platforms or []
    if len(named) == 1 and not every:
        found = registry.entry(named[0])
        if isinstance(found, NoSwitch):
            given = [name for name, value in (("--target", target), ("--objection-text",
                     objection_text), ("--delete-activity", delete_activity or None),
                     ("--site", site)) if value]
            if given:
                raise UsageError(f"{found.title} has no setting to work on; {given[0]} does "
                                 "nothing there.")
            _answer(found, workspace, open_mail, json_out)
            raise typer.Exit(0)
    if len(named) != 1 or every:
        for option, value in (("--target", target), ("--workspace", workspace),
                              ("--open-mail", open_mail or None)):
            if value:
                raise UsageError(f"{option} is for one platform at a time.",
                                 "Name that platform alone.")
    elif workspace is not None or open_mail:
        raise UsageError(f"{registry.load(named[0]).title} takes no email; --workspace and "
                         "--open-mail are for platforms whose opt-out is an email (slack).")
    targets = targets_of(named, every, account, "run", site)
    if not targets:
        if every:
            say("No accounts yet: `optout login PLATFORM` adds one.")
        raise typer.Exit(0)
    _offers([flow for flow, _ in targets], delete_activity, objection_text, target)
    options: dict[str, Any] = dict(
        replay=open_replay(replay), headed=headed, person=person(),
        delete_activity=delete_activity, only_target=target, strict_freshness=strict_freshness,
        objection_text=objection_text.strip() if objection_text else None)
    from optout.results import combined_exit

    if len(targets) > 1 and not (dry_run or yes or each) and interactive() and not json_out:
        raise typer.Exit(combined_exit(_one_question(targets, manual, options)))
    decide: Callable[[PlatformResult], bool] | None = None
    if yes:
        decide = always
    elif not dry_run and interactive():
        decide = _ask_in_turn
    elif not dry_run:
        say("note: no terminal to ask, so this is a dry run; add --yes to change settings.")
    results = execute(targets, decide, json_out, manual, **options)
    raise typer.Exit(combined_exit(results))


ASKING = threading.Lock()


def _ask_in_turn(result: "PlatformResult") -> bool:
    """Platforms read at once ask one at a time."""
    with ASKING:
        return _ask(result)


def _one_question(targets: list[Any], manual: bool,
                  options: dict[str, Any]) -> "list[PlatformResult]":
    """Read every platform, report them together, ask once; then change what was approved.

    The second pass reads each page again before it changes anything, and changes only what
    the person approved: a setting that turned up in between is reported, not changed."""
    from optout.cli.render import combined_question

    first = execute(targets, None, False, manual, asking=True, **options)
    waiting = [r for r in first if r.pending]
    if not waiting:
        return first
    if not typer.confirm(combined_question(waiting), default=False, err=True):
        say("Nothing was changed.")
        return first
    approved = {(r.platform, r.account): {(s.id, s.action) for s in r.pending}
                for r in waiting}

    def as_approved(result: "PlatformResult") -> bool:
        wanted = {(s.id, s.action) for s in result.pending}
        if wanted <= approved.get((result.platform, result.account), set()):
            return True
        say(f"note: {result.title} changed since you answered; nothing was changed there. "
            f"Run `optout run {result.platform}` again.")
        return False

    again = {(r.platform, r.account) for r in waiting}
    second = execute([t for t in targets if (t[0].slug, t[1]) in again], as_approved, False,
                     manual, reports=False, **options)
    done = {(r.platform, r.account): r for r in second}
    return [done.get((r.platform, r.account), r) for r in first]


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


def _offers(flows: list[Any], delete_activity: bool, objection_text: str | None,
            target: str | None) -> None:
    """Options that mean nothing for the platforms are a mistake to point out, not to ignore."""
    settings = [s for flow in flows for s in flow.settings]
    title = flows[0].title if len(flows) == 1 else "None of these platforms"
    if target is not None and not any(s.targets for s in settings):
        raise UsageError(f"{flows[0].title} keeps its settings once per account, not per blog "
                         "or site; --target does nothing there.")
    if delete_activity and not any(s.choose_deleting for s in settings):
        has = "has no setting" if len(flows) == 1 else "has a setting"
        raise UsageError(f"{title} {has} that deletes activity; --delete-activity does nothing "
                         "there.")
    if objection_text is None:
        return
    if not any(s.form for s in settings):
        has = "has no objection form" if len(flows) == 1 else "has an objection form"
        raise UsageError(f"{title} {has}; --objection-text does nothing there.")
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
