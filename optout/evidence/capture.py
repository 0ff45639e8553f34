"""Captures of a page a flow no longer matches: what the person saw, personal details removed.

When a step first finds the page changed, `save` writes `captures/<UTC time>-<slug>/` under
optout's home (user-only): the page in the replay layout (`<host>/<path>.html`), with the
settings pages the run landed on before it, so the folder is a `--replay` folder that walks the
same way and ends in the same broken step; `aria.txt` (its accessibility
snapshot), `screenshot.png` (masked like receipts' pictures) and `capture.json` (the step, what
was looked for, the URL and the versions). Scripts, inline state, tokens, emails, form values
and the account's name never reach the folder; the account label is not recorded at all.
`optout bugreport PLATFORM` turns the newest capture into an issue text.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

import optout
from optout import credentials
from optout.errors import FlowBroken, OptoutError
from optout.evidence.redact import EMAIL, PERSONAL, scrub_text, scrubber
from optout.flow import Flow
from optout.paths import private_dir, refusals, unusable
from optout.web.replay import Replay

if TYPE_CHECKING:
    from playwright.async_api import Page

ROOT = "captures"
# Elements dropped with everything inside them: code, embedded pages, inert templates.
DROPPED = frozenset({"script", "noscript", "iframe", "object", "template"})
VOID_DROPPED = frozenset({"embed", "base"})
# Elements kept but emptied: what the person typed or the page pre-filled.
EMPTIED = frozenset({"textarea"})
SECRET_META = re.compile(r"csrf|xsrf|token|nonce|session|secret|api.?key")
JSONISH = re.compile(r"^\s*[\[{]")
# Attributes naming other elements by id: pseudonymised consistently so labels still resolve.
REFERENCES = frozenset({"id", "for", "aria-labelledby", "aria-describedby", "aria-controls",
                        "aria-owns", "aria-activedescendant", "aria-details", "headers", "form",
                        "list"})
MEDIA = frozenset({"img", "source", "video", "audio", "track", "image", "input"})
LINKS = frozenset({"href", "action", "formaction"})
HANDLER = re.compile(r"on(?!en$)[a-z]+")  # onclick, onload...; not `open` (dialogs, details)
BUTTONS = frozenset({"submit", "button", "reset"})  # their value is their label
# An account label is personal when it looks like a name (`Jane`, `jane.doe`) or an email,
# unless it names a use (`work`).
NAME_LIKE = re.compile(r"[A-Z]|[A-Za-z][._][A-Za-z]")
USES = frozenset({"default", "work", "personal", "home", "main", "private", "business", "school"})

# The page as it is now: checkboxes and options carry their live state as attributes.
LIVE_HTML = """() => {
  const clone = document.documentElement.cloneNode(true);
  const live = document.querySelectorAll('input, option');
  const copies = clone.querySelectorAll('input, option');
  live.forEach((el, i) => {
    if (el instanceof HTMLInputElement) copies[i].toggleAttribute('checked', el.checked);
    else copies[i].toggleAttribute('selected', el.selected);
  });
  return (document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>\\n' : '')
    + clone.outerHTML;
}"""


def _without_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", parts.fragment))


class _Scrubber(HTMLParser):
    def __init__(self, names: re.Pattern[str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.names = names
        self.out: list[str] = []
        self.skipping: tuple[str, int] | None = None  # (tag, depth) whose content is left out
        self.in_style = False
        self.refs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self.skipping is not None:
            name, depth = self.skipping
            self.skipping = (name, depth + (tag == name and not closed))
            return
        values = {name: (value or "").lower() for name, value in attrs}
        if (tag in VOID_DROPPED or (tag == "input" and values.get("type") == "hidden")
                or (tag == "meta" and (SECRET_META.search(values.get("name", ""))
                                       or values.get("http-equiv") == "set-cookie"))):
            return
        if tag in DROPPED:
            self.skipping = None if closed else (tag, 1)
            return
        kind = values.get("type", "")
        kept = "".join(f" {a}" for a in (self._attribute(tag, kind, n, v) for n, v in attrs) if a)
        self.out.append(f"<{tag}{kept}{' /' if closed else ''}>")
        self.in_style = tag == "style" and not closed
        if tag in EMPTIED and not closed:
            self.skipping = (tag, 1)

    def _attribute(self, tag: str, kind: str, name: str, value: str | None) -> str:
        if (HANDLER.fullmatch(name) or name in ("nonce", "integrity")
                or (tag == "input" and name == "value" and kind not in BUTTONS)
                or (tag in MEDIA and name in ("src", "srcset", "poster"))
                or (name.startswith("data-") and value
                    and (len(value) > 64 or JSONISH.match(value)))):
            return ""
        if value is None:
            return name
        if name in REFERENCES:
            value = " ".join(self._reference(word) for word in value.split())
        else:
            value = scrub_text(_without_query(value) if name in LINKS else value, self.names)
        return f'{name}="{escape(value, quote=True)}"'

    def _reference(self, word: str) -> str:
        if scrub_text(word, self.names) == word:
            return word
        return self.refs.setdefault(word, f"optout-ref-{len(self.refs) + 1}")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping is not None:
            name, depth = self.skipping
            depth -= tag == name
            self.skipping = (name, depth) if depth else None
            if depth == 0 and tag in EMPTIED:
                self.out.append(f"</{tag}>")
            return
        if tag not in DROPPED and tag not in VOID_DROPPED:
            self.in_style = False
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping is None:
            text = scrub_text(data, self.names)
            self.out.append(text if self.in_style else escape(text, quote=False))

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype"):
            self.out.append(f"<!{decl}>")


def scrub_html(html: str, personal: list[str]) -> str:
    """`html` without scripts, inline state, tokens, form values, emails or `personal` strings.

    Roles, aria-* attributes, ids, classes, labels and headings stay: what a flow finds
    controls by. Comments and processing instructions go too.
    """
    parser = _Scrubber(scrubber(personal))
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def label_if_personal(account: str) -> list[str]:
    """The account label when it looks like an email or a name."""
    looks = EMAIL.fullmatch(account) or NAME_LIKE.search(account)
    return [account] if looks and account.lower() not in USES else []


def personal_for(platform: str, account: str) -> list[str]:
    """The account label when it looks like an email or a name, and the stored username."""
    found = label_if_personal(account)
    # No keyring, or nothing stored (replayed runs): the label is all there is.
    with suppress(OptoutError):
        found.append(credentials.username(platform, account) or "")
    return [value for value in found if value]


def _write(path: Path, data: bytes) -> None:
    with refusals(path):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)


def _new_folder(slug: str, moment: datetime) -> Path:
    root = private_dir(ROOT)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    for n in range(1, 100):
        folder = root / (f"{stamp}-{slug}" if n == 1 else f"{stamp}-{slug}-{n}")
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another capture of the same second
        except OSError as exc:
            raise unusable(folder, exc) from exc
        return folder
    raise OptoutError(f"too many captures of {slug} at {stamp}")


def _page_file(folder: Path, url: str) -> Path:
    """Where a replay of `folder` looks for `url`, its folders made user-only."""
    target = Replay(folder).expected_file(url)
    if not target.resolve().is_relative_to(folder.resolve()):
        raise OptoutError(f"the page's address does not fit a replay folder ({url})")
    current = folder
    for part in target.relative_to(folder).parts[:-1]:
        current = current / part
        with refusals(current):
            current.mkdir(mode=0o700, exist_ok=True)
    return target


def _redirect(folder: Path, flow: Flow, error: FlowBroken, page_file: Path, url: str) -> None:
    """The broken setting's own address leads to the page shown, as the site's redirect did."""
    for setting in flow.settings:
        asked = Replay(folder).expected_file(setting.url)
        if f"'{setting.id}" in error.step and asked != page_file and asked.name != "index.html":
            _page_file(folder, setting.url)  # its folders
            _write(asked.with_suffix(".redirect"), (url + "\n").encode())
            return


def _earlier_page(folder: Path, asked: str, landed: str, html: str) -> None:
    """A page the run passed on its way, where a replay asks for it (through its redirect)."""
    try:
        where = _page_file(folder, landed)
    except OptoutError:
        return  # an address outside the layout: the replay stops there, as it would anyway
    _write(where, html.encode())
    asked_file = Replay(folder).expected_file(asked)
    if asked_file != where and asked_file.resolve().is_relative_to(folder.resolve()):
        _page_file(folder, asked)  # its folders
        _write(asked_file.with_suffix(".redirect"), (_without_query(landed) + "\n").encode())


async def save(page: Page, flow: Flow, error: FlowBroken, account: str,
               earlier: dict[str, tuple[str, str]] | None = None) -> Path:
    """Save the capture of `page`, broken at `error`'s step; its folder.

    `earlier`: the settings pages the run landed on before (asked URL -> landed URL, HTML), so
    a replay of the capture walks the same way to the broken step.
    """
    from playwright.async_api import Error as PlaywrightError

    personal = personal_for(flow.slug, account)
    names = scrubber(personal)
    try:
        html = await page.evaluate(LIVE_HTML)
    except PlaywrightError as exc:
        raise OptoutError(f"the page could not be read: {exc.message.splitlines()[0]}") from exc
    moment = datetime.now(UTC)
    folder = _new_folder(flow.slug, moment)
    for asked, (landed, seen) in (earlier or {}).items():
        _earlier_page(folder, asked, landed, scrub_html(seen, personal))
    page_file = _page_file(folder, page.url)
    _write(page_file, scrub_html(html, personal).encode())
    _redirect(folder, flow, error, page_file, _without_query(page.url))
    try:
        aria = await page.locator("body").aria_snapshot(timeout=5000)
    except PlaywrightError:
        aria = "(the accessibility snapshot could not be taken)"
    _write(folder / "aria.txt", (scrub_text(aria, names) + "\n").encode())
    mask = [page.locator(PERSONAL), page.get_by_text(EMAIL)]
    if names is not None:
        mask.append(page.get_by_text(names))
    with suppress(PlaywrightError):  # the page and its snapshot are what a replay needs
        _write(folder / "screenshot.png", await page.screenshot(
            full_page=True, mask=mask, type="png", timeout=5000, animations="disabled"))
    browser = page.context.browser
    url = _without_query(error.url)
    details = {
        "platform": flow.slug, "title": flow.title, "time": moment.isoformat(),
        "step": scrub_text(error.step, names), "locator": scrub_text(error.locator, names),
        "url": scrub_text(url, names), "count": error.count,
        "message": scrub_text(error.message.replace(error.url, url), names),
        "page": page_file.relative_to(folder).as_posix(),
        "versions": {"optout": optout.__version__, "flow": flow.version,
                     "flow_verified": flow.verified.isoformat(),
                     "browser": browser.version if browser is not None else "unknown"},
    }
    _write(folder / "capture.json", (json.dumps(details, indent=2) + "\n").encode())
    return folder


@dataclass
class Capturer:
    """A run's capture of its first broken step, with the pages it landed on before it."""

    flow: Flow
    account: str
    note: Callable[[str], None]  # a line the person should see
    # Asked URL -> (landed URL, live HTML), as first seen: where a replay has to start from.
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)

    async def landed(self, page: Page, url: str) -> None:
        from playwright.async_api import Error as PlaywrightError

        if url not in self.seen:
            with suppress(PlaywrightError):  # a page that can't be read is simply not kept
                self.seen[url] = (page.url, await page.evaluate(LIVE_HTML))

    async def broken(self, page: Page, error: FlowBroken) -> None:
        """Save the capture and name its folder in the error a person reads."""
        try:
            folder = await save(page, self.flow, error, self.account, self.seen)
        except (OSError, OptoutError) as exc:
            self.note(f"{self.flow.title}: the page could not be captured ({exc})")
            return
        error.hint = (f"A capture of the page (personal details removed) is in {folder}; "
                      f"`optout bugreport {self.flow.slug}` prints a report to paste into an "
                      "issue.")
