"""What optout knows about each platform, for `optout platforms` and the README's table.

Platforms with settings list each setting, where it lives and who has it; platforms with nothing
to switch off list the answer instead. Every entry carries its sources and verified date.
"""

from __future__ import annotations

from collections.abc import Sequence

from optout.flow import Flow, NoSwitch, Setting, Source

Entry = Flow | NoSwitch
PAD = 12


def _shown(text: str, setting: Setting) -> str:
    """`{target}` as a person reads a placeholder: "for BLOG"."""
    return text.replace("{target}", setting.targets.noun.upper()) if setting.targets else text


def table(entries: Sequence[Entry]) -> str:
    lines = []
    for entry in entries:
        lines.append(f"{entry.slug:<{PAD}} {entry.title} (facts verified "
                     f"{entry.verified.isoformat()}; confidence {entry.confidence})")
        if isinstance(entry, NoSwitch):
            lines.append(f"{'':<{PAD}}   nothing optout can switch off on the web: {entry.answer}")
            continue
        for setting in entry.settings:
            lines.append(f"{'':<{PAD}}   {_shown(setting.label, setting)} [{setting.id}]")
            lines.append(f"{'':<{PAD}}     {_shown(setting.url, setting)}")
            if setting.targets:
                noun = setting.targets.noun
                lines.append(f"{'':<{PAD}}     one per {noun}, as listed on {setting.targets.url}")
            if setting.offered_to:
                lines.append(f"{'':<{PAD}}     offered {setting.offered_to}")
        if entry.sites:
            lines.append(f"{'':<{PAD}}   also on {', '.join(entry.sites)} (pick yours with "
                         "--site)")
        if entry.notes:
            lines.append(f"{'':<{PAD}}   note: {entry.notes}")
    return "\n".join(lines)


def _sources(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"fact": src.fact, "where": src.where} for src in sources]


def data(entries: Sequence[Entry]) -> list[dict[str, object]]:
    """`optout platforms --json`: one object per platform."""
    out: list[dict[str, object]] = []
    for entry in entries:
        common = {"slug": entry.slug, "title": entry.title,
                  "verified": entry.verified.isoformat(), "sources": _sources(entry.sources),
                  "confidence": {"level": entry.confidence.level, "why": entry.confidence.why},
                  "guesses": [{"fact": g.fact, "why": g.why, "setting": g.setting or None}
                              for g in entry.guesses]}
        if isinstance(entry, NoSwitch):
            out.append(common | {"settings": [], "no_control": entry.answer,
                                 "nearest": entry.nearest or None,
                                 "email": entry.email.to if entry.email else None})
            continue
        out.append(common | {
            "login_url": entry.login.url,
            "domains": list(entry.domains),
            "sites": [entry.domains[0], *entry.sites] if entry.sites else [],
            "settings": [{"id": s.id, "label": s.label, "url": s.url, "desired": s.desired,
                          "confirm": s.confirm.value, "manual_path": s.manual_path,
                          "kind": s.kind, "offered_to": s.offered_to,
                          "per": s.targets.noun if s.targets else None}
                         for s in entry.settings],
            "no_control": None,
            "notes": entry.notes,
        })
    return out


def markdown(entries: Sequence[Entry]) -> str:
    """The README's platform table (a test keeps the README in step with the flows)."""
    rows = ["| Platform | Setting | Where | Who has it | Facts verified | Confidence |",
            "|---|---|---|---|---|---|"]
    for entry in entries:
        name, verified = f"{entry.title} (`{entry.slug}`)", entry.verified.isoformat()
        sure = entry.confidence.level
        if isinstance(entry, NoSwitch):
            where = entry.email.to if entry.email else (entry.nearest or "none")
            rows.append(f"| {name} | none: {entry.answer} | {where} | everyone | {verified} "
                        f"| {sure} |")
            continue
        for setting in entry.settings:
            who = setting.offered_to or "no limit reported"
            per = f" (per {setting.targets.noun})" if setting.targets else ""
            label, url = _shown(setting.label, setting), _shown(setting.url, setting)
            if entry.sites:
                url += " (and the same path on " + ", ".join(entry.sites) + ": `--site`)"
            rows.append(f"| {name} | {label}{per} | {url} | {who} | {verified} | {sure} |")
    return "\n".join(rows)
