"""Rendering results for people. Scripts use `--json` (`optout.results.envelope`) instead."""

from __future__ import annotations

import textwrap

from optout.results import Action, PlatformResult, SettingResult, SettingState

MARK = {
    SettingState.OFF: "off",
    SettingState.ON: "ON",
    SettingState.TURNED_OFF: "turned-off",
    SettingState.DID_NOT_PERSIST: "did-not-persist",
    SettingState.NOT_OFFERED: "not-offered",
    SettingState.UNKNOWN: "unknown",
    SettingState.CHANGED_BACK: "CHANGED-BACK",
    SettingState.NEW_CONTROL: "NEW-CONTROL",
    SettingState.FORM_SUBMITTED: "form-submitted",
    SettingState.RESTORED: "restored",
    SettingState.SKIPPED: "skipped",
}
WIDTH = max(len(m) for m in MARK.values())


def _explain(setting: SettingResult, final: bool) -> str:
    if setting.state is SettingState.CHANGED_BACK:
        back = "it was verified off before and is on again"
        return f"{back}: {'would be turned off' if not final else 'nothing was changed'}" if (
            setting.action is Action.TURN_OFF) else back
    if setting.state is SettingState.ON:
        if setting.action is Action.SEND_FORM and not final:
            return "no request on file: would send the form with this text:"
        if setting.action is Action.TURN_OFF and not final:
            return "would be turned off" + (f"; {setting.detail}" if setting.detail else "")
        if setting.action is Action.NONE and setting.reason:
            return setting.reason
        return "still on: nothing was changed"
    if setting.state is SettingState.FORM_SUBMITTED and setting.action is Action.SEND_FORM:
        return f"sent just now; {setting.reason}"
    if setting.state is SettingState.OFF:
        return "already off; nothing to do" if not final else "off, read from the page"
    if setting.state is SettingState.TURNED_OFF:
        done = "was on; turned off and read back off after a reload"
        return f"{done} ({setting.detail})" if setting.detail else done
    return setting.reason


def _manual(setting: SettingResult) -> str:
    where = f"{setting.manual_path} ({setting.url})" if setting.manual_path else setting.url
    return f"{'':{WIDTH}}   by hand: {where}"


def _quoted(text: str) -> list[str]:
    """A form's text as the person will see it sent, indented and quoted line by line."""
    out = []
    for paragraph in text.splitlines() or [""]:
        out += [f"{'':{WIDTH}}     > {line}" for line in textwrap.wrap(paragraph, 70) or [""]]
    return out


def platform_report(result: PlatformResult, *, final: bool, manual: bool = False) -> str:
    """The report for people; `manual` adds the by-hand path to every setting's lines."""
    mode = "result" if final else "dry-run report"
    lines = [f"{result.title} (account '{result.account}'), {mode}:"]
    for setting in result.settings:
        lines.append(f"  {MARK[setting.state]:<{WIDTH}} {setting.label}")
        explanation = _explain(setting, final)
        if explanation:
            lines.append(f"  {'':{WIDTH}}   {explanation}")
        if setting.evidence:
            lines.append(f"  {'':{WIDTH}}   evidence: {setting.evidence}")
        if setting.action is Action.SEND_FORM and not final:
            lines += ["  " + line for line in _quoted(setting.detail)]
        if (manual and setting.state is not SettingState.NEW_CONTROL) or setting.state in (
            SettingState.DID_NOT_PERSIST, SettingState.UNKNOWN) or (
            final and setting.state is SettingState.ON
        ):
            lines.append(_manual(setting))
    return "\n".join(lines)


def _counted(result: PlatformResult) -> str:
    """"2 settings to turn off and 1 form to send", from what the run plans."""
    toggles = sum(s.action is Action.TURN_OFF for s in result.pending)
    forms = sum(s.action is Action.SEND_FORM for s in result.pending)
    parts = [f"{toggles} setting{'s' if toggles != 1 else ''} to turn off"] if toggles else []
    parts += [f"{forms} form{'s' if forms != 1 else ''} to send"] if forms else []
    return " and ".join(parts)


def question(result: PlatformResult) -> str:
    """What the person is asked before anything changes: "Turn off 1 setting on LinkedIn?"."""
    toggles = sum(s.action is Action.TURN_OFF for s in result.pending)
    forms = sum(s.action is Action.SEND_FORM for s in result.pending)
    settings = f"{toggles} setting{'s' if toggles != 1 else ''}"
    sent = f"{forms} form{'s' if forms != 1 else ''}"
    if toggles and forms:
        return f"Turn off {settings} and send {sent} on {result.title}?"
    return f"Send {sent} on {result.title}?" if forms else f"Turn off {settings} on {result.title}?"


def combined_question(results: list[PlatformResult]) -> str:
    """One question for several platforms: "Turn off 3 settings and send 1 form on X, Y?"."""
    toggles = sum(s.action is Action.TURN_OFF for r in results for s in r.pending)
    forms = sum(s.action is Action.SEND_FORM for r in results for s in r.pending)
    parts = [f"turn off {toggles} setting{'s' if toggles != 1 else ''}"] if toggles else []
    parts += [f"send {forms} form{'s' if forms != 1 else ''}"] if forms else []
    where = ", ".join(dict.fromkeys(r.title for r in results))
    said = " and ".join(parts)
    return f"{said[0].upper()}{said[1:]} on {where}?"


def summary(result: PlatformResult, *, final: bool) -> str:
    if not final and result.pending:
        return f"{_counted(result)[0].upper()}{_counted(result)[1:]} on {result.title}."
    if not all(s.state.as_desired for s in result.settings) or result.error is not None:
        return f"{result.title}: needs attention (see above)."
    # "Nothing is training" is a claim only settings read off can back.
    absent = sum(s.state is SettingState.NOT_OFFERED for s in result.settings)
    pending = sum(s.state is SettingState.FORM_SUBMITTED for s in result.settings)
    left = sum(s.state is SettingState.SKIPPED for s in result.settings)
    if not absent and not pending and not left:
        return f"{result.title}: nothing is training on your data through these settings."
    parts = [f"{left} left as you chose (optout skip)"] if left else []
    parts += [f"{absent} not offered to this account"] if absent else []
    parts += [f"{pending} request{'s' if pending != 1 else ''} awaiting "
              f"{result.title}'s answer"] if pending else []
    return f"{result.title}: nothing more optout can do here ({', '.join(parts)})."
