"""Rendering results for people. Scripts use `--json` (`optout.results.envelope`) instead."""

from __future__ import annotations

from optout.flow import Flow
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
}
WIDTH = max(len(m) for m in MARK.values())


def _explain(setting: SettingResult, final: bool) -> str:
    if setting.state is SettingState.CHANGED_BACK:
        back = "it was verified off before and is on again"
        return f"{back}: {'would be turned off' if not final else 'nothing was changed'}" if (
            setting.action is Action.TURN_OFF) else back
    if setting.state is SettingState.ON:
        if setting.action is Action.TURN_OFF and not final:
            return "would be turned off"
        return "still on: nothing was changed"
    if setting.state is SettingState.OFF:
        return "already off; nothing to do" if not final else "off, read from the page"
    if setting.state is SettingState.TURNED_OFF:
        return "was on; turned off and read back off after a reload"
    return setting.reason


def _manual(setting: SettingResult) -> str:
    where = f"{setting.manual_path} ({setting.url})" if setting.manual_path else setting.url
    return f"{'':{WIDTH}}   by hand: {where}"


def platform_report(result: PlatformResult, *, final: bool) -> str:
    mode = "result" if final else "dry-run report"
    lines = [f"{result.title} (account '{result.account}'), {mode}:"]
    for setting in result.settings:
        lines.append(f"  {MARK[setting.state]:<{WIDTH}} {setting.label}")
        explanation = _explain(setting, final)
        if explanation:
            lines.append(f"  {'':{WIDTH}}   {explanation}")
        if setting.state in (SettingState.DID_NOT_PERSIST, SettingState.UNKNOWN) or (
            final and setting.state is SettingState.ON
        ):
            lines.append(_manual(setting))
    return "\n".join(lines)


def summary(result: PlatformResult, *, final: bool) -> str:
    pending = len(result.pending)
    if not final and pending:
        noun = "setting" if pending == 1 else "settings"
        return f"{pending} {noun} to turn off on {result.title}."
    if all(s.state.as_desired for s in result.settings) and result.error is None:
        return f"{result.title}: nothing is training on your data through these settings."
    return f"{result.title}: needs attention (see above)."


def platforms_table(flows: list[Flow]) -> str:
    lines = []
    for flow in flows:
        lines.append(f"{flow.slug:<12} {flow.title} (facts verified {flow.verified.isoformat()})")
        for setting in flow.settings:
            lines.append(f"{'':<12}   {setting.label}")
            lines.append(f"{'':<12}     {setting.url}")
    return "\n".join(lines)


def platforms_data(flows: list[Flow]) -> list[dict[str, object]]:
    return [
        {
            "slug": flow.slug,
            "title": flow.title,
            "verified": flow.verified.isoformat(),
            "login_url": flow.login.url,
            "domains": list(flow.domains),
            "settings": [{"id": s.id, "label": s.label, "url": s.url, "desired": s.desired,
                          "confirm": s.confirm.value, "manual_path": s.manual_path}
                         for s in flow.settings],
            "sources": [{"fact": src.fact, "where": src.where} for src in flow.sources],
        }
        for flow in flows
    ]


def platforms_markdown(flows: list[Flow]) -> str:
    """The README's platform table (a test keeps the README in step with the flows)."""
    rows = ["| Platform | Setting | Where | Facts verified |", "|---|---|---|---|"]
    for flow in flows:
        for setting in flow.settings:
            rows.append(f"| {flow.title} (`{flow.slug}`) | {setting.label} | {setting.url} | "
                        f"{flow.verified.isoformat()} |")
    return "\n".join(rows)
