"""Settings the person chose to leave as they are (`optout skip`): read, reported, never changed.

A skipped setting's result becomes `skipped`, with the date, the reason and what the page read,
so it never counts as needing attention and never sets an exit bit. One that could not be read
stays `unknown`: a skip is a choice about a setting, not about a page optout can't read. When
what it reads differs from what it read when it was skipped (or was last told), the person is
told once.
"""

from __future__ import annotations

from collections.abc import Callable

from optout import prefs
from optout.results import Action, SettingResult, SettingState


def apply(settings: list[SettingResult], platform: str, title: str, account: str,
          note: Callable[[str], None]) -> None:
    chosen = prefs.skipped(platform, account)
    if not chosen:
        return
    for setting in settings:
        skip = chosen.get(setting.id) or chosen.get(setting.id.split(":", 1)[0])
        if skip is None or setting.state is SettingState.UNKNOWN:
            continue  # a setting that could not be read stays "can't tell", skipped or not
        read = setting.state.value
        if skip.seen != read:
            if skip.seen:
                note(f"{title}: '{setting.label}' is skipped as you chose, and it changed: it "
                     f"reads {read} now ({skip.seen} when last told).")
            prefs.saw(platform, account, skip.setting, read)
        why = f"{skip.describe()}; reads {read}"
        setting.reason = f"{why} ({setting.reason})" if setting.reason else why
        setting.state = SettingState.SKIPPED
        setting.action = Action.NONE
