"""`optout report`: the current state of every setting with its evidence (see `evidence_report`)."""

from pathlib import Path
from typing import Annotated

import typer

from optout.cli.app import PlatformsArg, ReplayRunsOpt, app, echo, guarded, say, since_moment
from optout.errors import Exit, UsageError
from optout.printable import one_line

FORMATS = ("html", "md", "json")


@app.command()
@guarded
def report(
    platforms: PlatformsArg = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only what was seen from a date (2026-11-01) or an age (7d, 24h).")]
    = None,
    fmt: Annotated[str, typer.Option("--format", help="html (pictures inline), md or json.")]
    = "html",
    output: Annotated[Path | None, typer.Option(
        "--output", help="Write to this file instead of standard output.", show_default=False)]
    = None,
    replay_runs: ReplayRunsOpt = False,
) -> None:
    """A report of every setting's current state with its evidence (receipts and pictures)."""
    from optout.engine import registry
    from optout.evidence import html_report as evidence_report
    from optout.evidence import receipts

    if fmt not in FORMATS:
        raise UsageError(f"--format '{one_line(fmt)}' is not one of {', '.join(FORMATS)}.")
    slugs = [registry.entry(p).slug for p in platforms or []]
    chain = receipts.load()
    shown = evidence_report.latest(chain, slugs, since_moment(since), replay_runs)
    render = {"html": evidence_report.as_html, "md": evidence_report.as_markdown,
              "json": evidence_report.as_json}[fmt]
    text = render(chain, shown)
    left_out = 0 if replay_runs else sum(r.source != "live" for r in chain)
    if left_out:
        say(f"note: {left_out} receipt{'s' if left_out != 1 else ''} from runs on saved pages "
            "(--replay) not shown; --replay-runs shows them.")
    if output is None:
        echo(text)
    else:
        from optout.paths import write_private_text

        try:
            write_private_text(output, text + "\n")
        except OSError as exc:
            raise UsageError(f"The report can't be written to {output}: {exc.strerror}.",
                             "Give --output a file in a folder you can write to.") from exc
        say(f"Wrote the report of {len(shown)} settings to {output}.")
    if receipts.verify(chain):
        say("optout: the chain of receipts is not whole (see the report).")
        raise typer.Exit(int(Exit.UNEXPECTED))
