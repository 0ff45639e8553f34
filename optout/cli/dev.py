"""`optout dev ...`: tools for maintainers, hidden from the main help."""

from contextlib import suppress
from pathlib import Path
from typing import Annotated

import typer

from optout.cli.app import AccountOpt, ReplayOpt, app, guarded, interactive, open_replay, say
from optout.errors import UsageError

dev = typer.Typer(help="Tools for maintainers of optout's flows.", no_args_is_help=True)
app.add_typer(dev, name="dev", hidden=True)


@dev.command()
@guarded
def record(
    platform: Annotated[str, typer.Argument(help="The platform, e.g. linkedin.")],
    account: AccountOpt = None,
    scenario: Annotated[str, typer.Option(
        "--scenario", help="The fixture variant to write, e.g. on, off, not-offered.")]
    = "recorded",
    output: Annotated[Path | None, typer.Option(
        "--output", help="The folder to write (default: fixtures/PLATFORM/SCENARIO).",
        show_default=False)] = None,
    replay: ReplayOpt = None,
) -> None:
    """Open a browser, let you sign in, and save the flow's pages as scrubbed fixtures."""
    import asyncio

    from optout import credentials
    from optout.engine import registry
    from optout.engine.recording import record as walk
    from optout.errors import OptoutError

    flow = registry.load(platform)
    if not scenario.replace("-", "").isalnum():
        raise UsageError(f"--scenario '{scenario}' must be letters, digits and dashes.")
    folder = output or Path("fixtures") / flow.slug / scenario
    if folder.exists():
        raise UsageError(f"{folder} already exists; nothing was overwritten.",
                         "Choose another --scenario or --output, or remove it first.")
    replayed = open_replay(replay)
    if replayed is None and not interactive():
        raise UsageError("Recording needs a terminal: you sign in in the browser, then press "
                         "Enter here.")
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise UsageError(f"{folder} can't be made: {exc.strerror}.",
                         "Give --output a folder you can write to.") from exc
    personal = [account] if account else []
    with suppress(OptoutError):  # no stored username: nothing more to take out
        personal += filter(None, [credentials.username(flow.slug, account or "default")])

    def wait_for_person() -> None:
        typer.prompt(f"Sign in to {flow.title} in the browser window, then press Enter here",
                     default="", show_default=False, err=True)

    done = asyncio.run(walk(flow, folder, replay=replayed, personal=personal,
                            wait_for_person=wait_for_person))
    for path in done.files:
        say(f"wrote {path}")
    say(f"Recorded {len(done.files)} files under {folder}; read them before committing.")
    if done.targets:
        say(f"Names kept as found (rename any that are personal): {', '.join(done.targets)}.")
