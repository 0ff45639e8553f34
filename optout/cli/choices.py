"""`optout skip` and `optout unskip`: settings the person decided to leave as they are."""

from typing import Annotated

import typer

from optout.cli import complete
from optout.cli.app import AccountOpt, PlatformArg, app, guarded, say, which_account
from optout.errors import UsageError
from optout.printable import one_line

SettingArg = Annotated[str, typer.Argument(
    help="The setting's id, as `optout platforms` lists it (e.g. data-processing-objection).",
    autocompletion=complete.settings)]
WhyOpt = Annotated[str | None, typer.Option(
    "--why", metavar="TEXT", help="Your reason, shown with the setting in every report.",
    show_default=False)]
MAX_WHY = 500


def _setting_id(platform: str, wanted: str) -> tuple[str, str]:
    """The flow's title and the setting id meant (one blog's `id:name`, or the whole setting)."""
    from optout.engine import registry

    flow = registry.load(platform)
    ids = [s.id for s in flow.settings]
    if wanted.split(":", 1)[0] not in ids:
        raise UsageError(f"{flow.title} has no setting '{one_line(wanted)}'.",
                         f"Its settings: {', '.join(ids)}.")
    return flow.title, wanted


@app.command()
@guarded
def skip(platform: PlatformArg, setting: SettingArg, why: WhyOpt = None,
         account: AccountOpt = None) -> None:
    """Leave a setting as it is: it is still read and reported, never changed or alarmed on."""
    from datetime import date

    from optout import prefs
    from optout.engine import registry
    from optout.watch import history

    slug = registry.load(platform).slug
    title, setting_id = _setting_id(slug, setting)
    account = which_account(slug, account)
    reason = (why or "").strip()
    if len(reason) > MAX_WHY:
        raise UsageError(f"--why is {len(reason)} characters; the most is {MAX_WHY}.")
    seen = next((row.state for row in history.latest() if (row.platform, row.account,
                 row.setting) == (slug, account, setting_id)), "")
    new = prefs.add(prefs.Skip(slug, account, setting_id, date.today(), reason, seen))
    said = "Skipping" if new else "Still skipping"
    say(f"{said} {title}'s '{setting_id}' for account '{account}': optout reads it and reports "
        f"it as skipped, and never changes it (in {prefs.path()}).")


@app.command()
@guarded
def unskip(platform: PlatformArg, setting: SettingArg, account: AccountOpt = None) -> None:
    """Undo `optout skip`: the setting is turned off and watched again like the others."""
    from optout import prefs
    from optout.engine import registry

    slug = registry.load(platform).slug
    title, setting_id = _setting_id(slug, setting)
    account = which_account(slug, account)
    if prefs.remove(slug, account, setting_id):
        say(f"{title}'s '{setting_id}' for account '{account}' is no longer skipped.")
    else:
        say(f"{title}'s '{setting_id}' for account '{account}' was not skipped; nothing changed.")
