"""What changed since last time: settings that came back on, and controls seen for the first time.

Uses the history of verified observations; without a usable history a run still works, and says
once that it can't compare.
"""

from __future__ import annotations

from collections.abc import Callable

from optout.errors import HomeUnusable, OptoutError
from optout.flow import Flow
from optout.results import PlatformResult, SettingState
from optout.watch import history


def compare(result: PlatformResult, note: Callable[[str], None], source: str = "live") -> None:
    """Mark `changed-back` settings; keep only the new controls never reported before.

    Runs are compared with runs of the same source: saved pages never speak for the account.
    """
    try:
        kept = []
        for setting in result.settings:
            if setting.state is SettingState.NEW_CONTROL:
                if history.seen(result.platform, result.account, setting.id, source):
                    continue  # reported once already; the history keeps it
            elif setting.state is SettingState.ON and history.was_verified_off(
                    result.platform, result.account, setting.id, source):
                setting.state = SettingState.CHANGED_BACK
                setting.before = SettingState.CHANGED_BACK
                setting.reason = "it was verified off before and is on again"
            kept.append(setting)
        result.settings = kept
    except HomeUnusable:
        raise
    except OptoutError as exc:
        note(f"{exc.one_line()} (changes since the last check can't be told)")


def record(result: PlatformResult, flow: Flow, command: str,
           note: Callable[[str], None], source: str = "live") -> None:
    try:
        history.record([result], command, {flow.slug: flow.version}, source)
    except HomeUnusable:
        raise  # the home refuses everything now: one line ends the command
    except OptoutError as exc:  # a damaged history
        note(f"{exc.one_line()} (this result was not recorded)")


def sent_form(platform: str, account: str,
              source: str) -> Callable[[str], tuple[str, str] | None]:
    """A lookup of the forms this account already sent (`history.form_sent`)."""
    return lambda setting: history.form_sent(platform, account, setting, source)


def keep_receipts(result: PlatformResult, flow: Flow, command: str,
                  note: Callable[[str], None], source: str = "live") -> None:
    from optout.evidence import receipts

    try:
        receipts.append(result, flow, command, source, history.now(), result.shots)
    except HomeUnusable:
        raise
    except (OptoutError, OSError) as exc:
        reason = exc.message if isinstance(exc, OptoutError) else str(exc)
        note(f"{result.title}: no receipt was kept ({reason})")
