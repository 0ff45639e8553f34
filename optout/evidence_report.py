"""`optout report`: the current state of every setting, with its evidence, for a person to keep.

Built from the receipts (the latest one per platform, account and setting), with the chain's
check at the top. HTML is the main form: one self-contained page, pictures inline. Markdown
links the pictures where they are kept; JSON is for scripts.
"""

from __future__ import annotations

import base64
import html
import json
from dataclasses import asdict

from optout.receipts import Receipt, folder, verify

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


def as_html(chain: list[Receipt], shown: list[Receipt]) -> str:
    whole, problems = _chain_line(chain)
    esc = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(TITLE)}</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2em auto;"
        "padding:0 1em}article{border-top:1px solid #ccc;padding:1em 0}img{max-width:100%;"
        "border:1px solid #ddd}.bad{color:#a00}dt{font-weight:600}</style></head><body>",
        f"<h1>{esc(TITLE)}</h1>",
        f"<p class=\"{'good' if whole else 'bad'}\">{esc(_verdict(whole, len(chain), problems))}"
        "</p>",
    ]
    if not shown:
        parts.append("<p>No receipts yet: run <code>optout run PLATFORM</code> first.</p>")
    for receipt in shown:
        parts += [
            "<article>",
            f"<h2>{esc(receipt.platform)} ({esc(receipt.account)}): {esc(receipt.label)}"
            f"{esc(_replayed(receipt))}</h2>",
            "<dl>",
            f"<dt>State</dt><dd><strong>{esc(receipt.state)}</strong> (before: "
            f"{esc(receipt.before or 'not read')}; action: {esc(receipt.action)})</dd>",
            f"<dt>Seen</dt><dd>{esc(receipt.at)} on <a href=\"{esc(receipt.url)}\">"
            f"{esc(receipt.url)}</a></dd>",
            f"<dt>Flow</dt><dd>version {receipt.flow_version}, facts verified "
            f"{esc(receipt.flow_verified)}</dd>",
            f"<dt>Receipt</dt><dd><code>{esc(receipt.hash)}</code></dd>",
        ]
        if receipt.reason:
            parts.append(f"<dt>Note</dt><dd>{esc(receipt.reason)}</dd>")
        parts.append("</dl>")
        shot = _picture(receipt)
        if shot is not None:
            data = base64.b64encode(shot).decode("ascii")
            parts.append(f'<img alt="{esc(receipt.label)}, as the page showed it" '
                         f'src="data:image/png;base64,{data}">')
        else:
            parts.append("<p>No picture was kept for this observation.</p>")
        parts.append("</article>")
    parts.append("</body></html>")
    return "\n".join(parts)
