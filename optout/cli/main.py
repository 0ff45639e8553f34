"""The command line: every command module registers on the app here, in the order `--help`
lists them, and `main` runs it. Nothing imports this module but the entry points.
"""

import typer

# `--help` lists the commands in the order they register here, so the order is the person's.
# isort: off
from optout.cli import (  # noqa: F401  (their commands, registered on import)
    run,
    accounts,
    choices,
    bugreport,
    dev,
    watch,
    report,
    restore,
    schedule,
    setup,
)
# isort: on
from optout.cli.app import app, say
from optout.errors import Exit


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
