"""One summary for a run or check over several platforms: a table that fits the terminal.

Platform, setting, state and what to do, one row per setting; labels wrap inside their column at
the terminal's width. States are coloured by what they mean (green: off; red: on again; yellow:
can't tell or not offered), and only on a terminal that wants colour: `NO_COLOR`, a pipe or a
file turn it off (rich decides, as it does for every program built on it).
"""

from __future__ import annotations

import sys
from typing import TextIO

from optout.cli.render import MARK
from optout.printable import one_line
from optout.results import Action, PlatformResult, SettingResult, SettingState

STYLE = {
    SettingState.OFF: "green", SettingState.TURNED_OFF: "green",
    SettingState.FORM_SUBMITTED: "green",
    SettingState.ON: "bold red", SettingState.CHANGED_BACK: "bold red",
    SettingState.DID_NOT_PERSIST: "bold red", SettingState.NEW_CONTROL: "bold red",
    SettingState.RESTORED: "red",
    SettingState.UNKNOWN: "yellow", SettingState.NOT_OFFERED: "yellow",
    SettingState.SKIPPED: "dim",
}


def to_do(result: PlatformResult, setting: SettingResult, asking: bool) -> str:
    """What the person does about one setting, in a few words (`asking`: before the question)."""
    state, slug = setting.state, result.platform
    if state is SettingState.ON or state is SettingState.CHANGED_BACK:
        if setting.action is Action.SEND_FORM and asking:
            return "answer yes to send the form"
        if setting.action is not Action.NONE and asking:
            return "answer yes to turn it off"
        if setting.action is Action.SEND_FORM or setting.reason.startswith("no request"):
            return f"optout run {slug} sends the form"
        return f"optout run {slug}"
    if state is SettingState.DID_NOT_PERSIST:
        return "turn it off by hand (see above)"
    if state is SettingState.NEW_CONTROL:
        return "look at it (see above)"
    if state is SettingState.UNKNOWN:
        return one_line(setting.reason) or "see above"
    if state is SettingState.FORM_SUBMITTED:
        return f"wait for {result.title}'s answer"
    if state is SettingState.RESTORED:
        return f"optout run {slug} turns it off again"
    if state is SettingState.SKIPPED:
        return "nothing: you chose to leave it"
    return "nothing"


def rows(results: list[PlatformResult], asking: bool) -> list[tuple[str, str, str, str]]:
    """(platform, setting, state, what to do) rows, plain text."""
    found = []
    for result in results:
        who = result.title if result.account == "default" else f"{result.title} ({result.account})"
        for setting in result.settings:
            found.append((who, one_line(setting.label), MARK[setting.state],
                          to_do(result, setting, asking)))
        if result.error is not None and not result.settings:
            found.append((who, "(not read)", "error", one_line(result.error.one_line())))
    return found


def render(results: list[PlatformResult], asking: bool = False,
           out: TextIO | None = None) -> None:
    """Print the table to `out` (stdout), wrapped at its width, coloured only where wanted."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out or sys.stdout, highlight=False, soft_wrap=False)
    table = Table(title="Summary", title_justify="left", expand=False, pad_edge=False)
    table.add_column("Platform", overflow="fold", no_wrap=False, max_width=22)
    table.add_column("Setting", overflow="fold", ratio=3)
    table.add_column("State", no_wrap=True)
    table.add_column("What to do", overflow="fold", ratio=2)
    marks = {mark: state for state, mark in MARK.items()}
    for who, label, mark, action in rows(results, asking):
        state = marks.get(mark)
        style = STYLE.get(state, "bold red") if state is not None else "bold red"
        table.add_row(Text(who), Text(label), Text(mark, style=style), Text(action))
    console.print(table)
