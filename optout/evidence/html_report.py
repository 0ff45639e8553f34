"""`optout report`: the current state of every setting, with its evidence, for a person to keep.

Built from the receipts (the latest one per platform, account and setting), with the chain's
check at the top. HTML is the main form: one self-contained page, pictures inline. Markdown
links the pictures where they are kept; JSON is for scripts.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass

from optout.evidence.receipts import Receipt, folder, verify

TITLE = "optout: AI-training settings and their evidence"


REPLAYED = " [replayed from saved pages, not the real site]"


def latest(chain: list[Receipt], platforms: list[str], since: str | None,
           replays: bool = False) -> list[Receipt]:
    """The newest receipt of each setting, in platform, account, setting order.

    Runs on saved pages (`--replay`) are left out unless asked for, and kept apart then.
    """
    newest: dict[tuple[str, str, str, str], Receipt] = {}
    for receipt in chain:
        if platforms and receipt.platform not in platforms:
            continue
        if receipt.source != "live" and not replays:
            continue
        if since and receipt.at < since:
            continue
        if receipt.state == "new-control":
            continue  # pointed out in the run; not a setting optout keeps
        newest[(receipt.platform, receipt.account, receipt.setting, receipt.source)] = receipt
    return [newest[key] for key in sorted(newest)]


def _replayed(receipt: Receipt) -> str:
    return REPLAYED if receipt.source != "live" else ""


def _chain_line(chain: list[Receipt]) -> tuple[bool, list[str]]:
    problems = verify(chain)
    return not problems, problems


def _picture(receipt: Receipt) -> bytes | None:
    if not receipt.screenshot:
        return None
    path = folder() / receipt.screenshot
    return path.read_bytes() if path.exists() else None


def as_json(chain: list[Receipt], shown: list[Receipt]) -> str:
    whole, problems = _chain_line(chain)
    return json.dumps({"version": 1, "chain_whole": whole, "chain_problems": problems,
                       "settings": [asdict(r) for r in shown]}, indent=2)


def as_markdown(chain: list[Receipt], shown: list[Receipt]) -> str:
    whole, problems = _chain_line(chain)
    lines = [f"# {TITLE}", "", _verdict(whole, len(chain), problems), ""]
    for receipt in shown:
        lines += [f"## {receipt.platform} ({receipt.account}): {receipt.label}{_replayed(receipt)}",
                  "",
                  f"- State: **{receipt.state}** (before: {receipt.before or 'not read'}; "
                  f"action: {receipt.action})",
                  f"- Seen: {receipt.at} on {receipt.url}",
                  f"- Flow version {receipt.flow_version}, facts verified {receipt.flow_verified}",
                  f"- Receipt: `{receipt.hash}`"]
        if receipt.reason:
            lines.append(f"- Note: {receipt.reason}")
        if receipt.screenshot:
            lines += ["", f"![{receipt.label}]({(folder() / receipt.screenshot).as_uri()})"]
        lines.append("")
    return "\n".join(lines)


def _verdict(whole: bool, count: int, problems: list[str]) -> str:
    if whole:
        receipts = "1 receipt is" if count == 1 else f"{count} receipts are"
        return f"The chain is whole: {receipts} there, none removed or altered."
    return "The chain of receipts is NOT whole: " + "; ".join(problems)


@dataclass(frozen=True)
class _Article:
    """One setting on the HTML page: its receipt, with what the template can't work out itself."""

    receipt: Receipt
    replayed: str  # the heading's note for runs on saved pages, or ""
    picture: str | None  # the screenshot, base64 for a data: URL; None when none was kept


def as_html(chain: list[Receipt], shown: list[Receipt]) -> str:
    # Jinja2: it escapes every value by default (labels, URLs and notes come from the pages
    # read), and the page's markup lives in a file of its own, templates/report.html.
    # Imported here so that commands other than `optout report` never load it.
    from jinja2 import Environment, PackageLoader, StrictUndefined

    whole, problems = _chain_line(chain)
    articles = []
    for receipt in shown:
        shot = _picture(receipt)
        picture = None if shot is None else base64.b64encode(shot).decode("ascii")
        articles.append(_Article(receipt, _replayed(receipt), picture))
    env = Environment(loader=PackageLoader("optout.evidence", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html").render(
        title=TITLE, whole=whole, verdict=_verdict(whole, len(chain), problems),
        articles=articles)
