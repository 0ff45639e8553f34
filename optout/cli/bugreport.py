"""`optout bugreport PLATFORM`: a ready-to-paste issue text from the newest capture.

The text goes to stdout (markdown); where the capture folder is goes to stderr, so the home
folder's path (which may hold the person's login name) is not pasted with the report.
"""

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from optout.cli.app import PlatformArg, app, echo, guarded, say
from optout.errors import UsageError

ARIA_LINES = 200


def captures_of(slug: str) -> list[tuple[Path, dict[str, Any]]]:
    """Every readable capture of `slug`, oldest first."""
    from optout.evidence.capture import ROOT
    from optout.paths import home

    found = []
    for folder in sorted((home() / ROOT).glob(f"*-{slug}*")):
        details = _details(folder)
        if details is not None and details.get("platform") == slug:
            found.append((folder, details))
    return sorted(found, key=lambda item: (str(item[1].get("time", "")), item[0].name))


def _details(folder: Path) -> dict[str, Any] | None:
    import json

    try:
        details = json.loads((folder / "capture.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return details if isinstance(details, dict) else None


def fence(text: str) -> str:
    """A fenced block longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}yaml\n{text}\n{ticks}"


def issue_text(folder: Path, details: dict[str, Any]) -> str:
    slug, title = details.get("platform", "?"), details.get("title", "?")
    versions = details.get("versions", {})
    try:
        aria = (folder / "aria.txt").read_text(encoding="utf-8").rstrip("\n").splitlines()
    except OSError:
        aria = ["(no accessibility snapshot in the capture)"]
    if len(aria) > ARIA_LINES:
        aria = [*aria[:ARIA_LINES], f"... ({len(aria) - ARIA_LINES} more lines in aria.txt)"]
    lines = [
        f"# {title}: the page no longer matches the flow at step `{details.get('step')}`",
        "",
        "## What happened",
        "",
        f"- Step: `{details.get('step')}`",
        f"- Looked for: `{details.get('locator')}`",
        f"- Matches found: {details.get('count')}",
        f"- Detail: {details.get('message')}",
        f"- URL: {details.get('url')}",
        f"- Captured: {details.get('time')}",
        "",
        "## Versions",
        "",
        f"- optout {versions.get('optout')}",
        f"- flow `{slug}` version {versions.get('flow')}, verified "
        f"{versions.get('flow_verified')}",
        f"- browser {versions.get('browser')}",
        "",
        "## Accessibility snapshot",
        "",
        fence("\n".join(aria)),
        "",
        "## Capture",
        "",
        f"The capture folder `{folder.name}` holds the page (scripts and personal details "
        "removed), this snapshot and a masked screenshot. Attach it (zipped) and it can be "
        f"replayed: `optout run {slug} --replay {folder.name} --dry-run`.",
    ]
    from optout.evidence.redact import redact

    return redact("\n".join(lines))


@app.command()
@guarded
def bugreport(
    platform: PlatformArg,
    capture: Annotated[Path | None, typer.Option(
        "--capture", metavar="FOLDER", help="This capture folder instead of the newest one.")]
    = None,
) -> None:
    """Print an issue text (markdown) from the newest capture of a page a flow broke on."""
    from optout.engine import registry

    slug = registry.entry(platform).slug
    if capture is not None:
        folder = capture.expanduser()
        details = _details(folder)
        if details is None:
            raise UsageError(f"'{capture}' is not a capture folder (it has no capture.json).")
    else:
        found = captures_of(slug)
        if not found:
            raise UsageError(f"No capture for {slug} yet.",
                             "One is saved when a run finds a page the flow no longer matches.")
        folder, details = found[-1]
    echo(issue_text(folder, details))
    say(f"optout: the capture is in {folder.resolve()}; attach that folder to the issue.")
