"""Undo: put back what optout changed, and only that, with the same report, question and proof.

The history says which settings optout turned off (and hasn't put back). A restore runs the
same cycle as `run` on a copy of the flow whose settings want their original state, then speaks
of the results in those terms: `restored` once the page shows the original state after a reload.
Only switches and checkboxes can be put back: a sent form can't be unsent, and a menu or a
dropdown's original choice isn't something optout can be sure of.
"""

from __future__ import annotations

from dataclasses import replace

from optout.errors import Exit, UsageError
from optout.flow import Flow, Setting
from optout.printable import one_line
from optout.results import Action, PlatformResult, SettingResult, SettingState, state_bit

# Results of the inverted flow, in the terms of the real setting.
SWAP = {SettingState.ON: SettingState.OFF, SettingState.OFF: SettingState.ON,
        SettingState.TURNED_OFF: SettingState.RESTORED}
# What a restore wants: each setting as it was before optout changed it.
AS_BEFORE = (SettingState.ON, SettingState.RESTORED, SettingState.NOT_OFFERED)


def concrete(flow: Flow, setting_id: str) -> Setting:
    """The flow's setting for an id from the history (`id` or `id:blog`)."""
    base, _, target = setting_id.partition(":")
    setting = flow.setting(base)
    return setting.for_target(target) if target and setting.targets else setting


def plan(flow: Flow, changed: dict[str, str], only: str | None) -> Flow:
    """A flow of the settings to put back, each wanting its state from before optout."""
    if only is not None and only not in changed:
        known = {s.id for s in flow.settings}
        why = ("optout did not change it on this account" if only.partition(":")[0] in known
               else f"{flow.title} has no setting '{only}'")
        raise UsageError(f"Nothing to restore for '{one_line(only)}': {why}.",
                         "`optout restore` only puts back what optout changed "
                         f"(`optout history {flow.slug}` shows what that was).")
    ids = [only] if only is not None else list(changed)
    if not ids:
        raise UsageError(f"optout has changed nothing on {flow.title} for this account, so there "
                         "is nothing to restore.")
    settings = []
    for setting_id in ids:
        setting = concrete(flow, setting_id)
        if setting.kind != "toggle":
            raise UsageError(f"'{setting.label}' can't be put back by optout (a {setting.kind}).",
                             f"Do it by hand: {setting.manual_path} ({setting.url}).")
        settings.append(replace(setting, desired="on" if setting.desired == "off" else "off"))
    return replace(flow, settings=tuple(settings), leaves_alone=flow.leaves_alone + tuple(
        s.control for s in flow.settings))


def present(result: PlatformResult) -> PlatformResult:
    """The inverted flow's results, said of the real settings."""
    def said(setting: SettingResult) -> SettingResult:
        state = SWAP.get(setting.state, setting.state)
        before = SWAP.get(setting.before, setting.before) if setting.before else None
        reason = setting.reason
        if state is SettingState.RESTORED:
            reason = "put back as it was before optout changed it; read back after a reload"
        return replace(setting, state=state, before=before, reason=reason)

    return replace(result, settings=[said(s) for s in result.settings])


def lines(result: PlatformResult, final: bool) -> list[str]:
    """The restore report: what is put back (or would be), what already is as it was."""
    mode = "result" if final else "dry-run report"
    out = [f"{result.title} (account '{result.account}'), restore {mode}:"]
    for setting in result.settings:
        if setting.state is SettingState.OFF and setting.action is Action.TURN_OFF:
            what = ("would be put back: training on, as before optout" if not final
                    else "not put back: nothing was changed")
        elif setting.state is SettingState.ON:
            what = "already as it was before optout (on); nothing to do"
        else:
            what = setting.reason or setting.state.value
        out += [f"  {setting.state.value:<16} {setting.label}", f"  {'':16}   {what}"]
    return out


def exit_code(result: PlatformResult) -> int:
    """0 when every setting is as it was before optout; the usual bits otherwise."""
    code = result.error.exit_bit if result.error is not None else Exit.OK
    for error in result.more_errors:
        code |= error.exit_bit
    for setting in result.settings:
        if setting.state in AS_BEFORE:
            continue
        # Anything else is not as before: off as optout left it (a dry run, or declined) is 4.
        code |= state_bit(setting) or Exit.STILL_ON
    return int(code)
