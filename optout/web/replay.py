"""Serving saved pages instead of the network.

The page for `https://HOST/PATH` is `DIR/HOST/PATH.html`; a path ending in `/` is
`DIR/HOST/PATH/index.html`; the query string is ignored. `DIR/HOST/PATH.redirect`, holding one
URL, sends the browser on to it at once (sign-in walls, form posts). Other files (`.css`, `.js`,
images) are served as they are. Every request with no file is aborted: nothing leaves the machine.

Saved pages have lost their own scripts' state, so switches and checkboxes are given a memory:
they flip when clicked and keep their state across reloads and navigations for the life of the
`Replay` object. A saved page's own script can keep other state the same way through
`window.optoutReplay`: `saved` (what this page's keys were last set to), `show(key, on)` (the
state it displays now) and `remember(key, on)` (a change the "server" keeps, counted like a
click on a switch): a "Turn off" menu, a form that was sent, or a dropdown (keyed
`select:NAME`, as snapshots name it, so one change counts once). The bodies of POSTs are kept in
`posts`. Saved pages carry scripts only where they must behave, and say so:
`<meta name="optout-replay" content="scripted">` (a test rejects scripts in unmarked pages);
`content="scripted no-memory"` also keeps the replay's memory out, so the page manages its own
state (a server that drops a change). `<meta name="optout-replay-status" content="429">` answers
with that HTTP status.

Saved pages come from bug reports and may be hostile: a replayed page has no WebRTC at all, its
WebSockets close before they open (noted in `aborted`), and the browser's launch flags
(`optout.web.browser.OFFLINE_ARGS`) hold whatever else bypasses the routes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from optout.errors import UsageError

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Route, WebSocketRoute

# `<meta name="optout-replay" content="scripted no-memory">`: words saying what the page is.
MARKER = re.compile(r"""<meta\s+name=["']optout-replay["']\s+content=["']([^"']*)["']""", re.I)
STATUS = re.compile(
    r"""<meta\s+name=["']optout-replay-status["']\s+content=["'](\d{3})["']""", re.I)
HEAD = re.compile(r"<head[^>]*>", re.I)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
BINDING = "__optoutReplayToggle"
# WebRTC sends UDP from sockets no route sees, so replayed pages get a browser without it (every
# RTC... interface, in every frame: init scripts reach fresh iframes and popups too). The launch
# flags hold its packets anyway; this keeps it from even probing the network.
NO_WEBRTC = """(() => {
  for (const name of Object.getOwnPropertyNames(window))
    if (/^(webkit)?RTC/.test(name)) try { delete window[name]; } catch (e) {}
})();"""
# How a WebSocket to nowhere ends for the page: 1006, as when a connection fails.
SOCKET_FAILED = 1006
REDIRECT = "<!DOCTYPE html><script>location.replace(%(target)s)</script>"

# How replayed pages name their switches and checkboxes, shared by the memory and snapshots.
TOGGLES_JS = """
  const sel = '[role=switch],[role=checkbox],input[type=checkbox],button[aria-checked],'
    + 'button[aria-pressed]';
  const native = el => el instanceof HTMLInputElement && el.type === 'checkbox';
  const keyOf = (el, all) => el.id || el.getAttribute('aria-labelledby')
    || el.getAttribute('name') || ('#' + all.indexOf(el));
  const stateAttr = el => el.hasAttribute('aria-pressed') && !el.hasAttribute('aria-checked')
    ? 'aria-pressed' : 'aria-checked';
  const isOn = el => native(el) ? el.checked : el.getAttribute(stateAttr(el)) === 'true';
"""

# Runs before the page's own scripts: restores remembered states, reports every flip.
TOGGLE_MEMORY = """
(() => {
  const page = %(page)s, saved = %(saved)s;
  %(toggles)s
  const show = (el, on) => {
    if (native(el)) el.checked = on;
    if (!native(el) || el.hasAttribute('aria-checked')) el.setAttribute(stateAttr(el), String(on));
  };
  window.optoutReplay = {
    saved, current: {},
    show(key, on) { this.current[key] = on; },
    remember(key, on) {
      this.current[key] = on; saved[key] = on;
      if (window.%(binding)s) window.%(binding)s(page, key, on);
    },
  };
  document.addEventListener('DOMContentLoaded', () => {
    const all = Array.from(document.querySelectorAll(sel));
    for (const el of all) { const k = keyOf(el, all); if (k in saved) show(el, saved[k]); }
  });
  document.addEventListener('click', ev => {
    const el = ev.target instanceof Element ? ev.target.closest(sel) : null;
    if (!el) return;
    const all = Array.from(document.querySelectorAll(sel));
    const on = native(el) ? el.checked : !isOn(el);
    show(el, on);
    if (window.%(binding)s) window.%(binding)s(page, keyOf(el, all), on);
  });
})();
"""

# Every switch, checkbox and select on the page, and the states its own script keeps, by key.
SNAPSHOT = "() => {" + TOGGLES_JS + """
  const all = Array.from(document.querySelectorAll(sel));
  const selects = Array.from(document.querySelectorAll('select'));
  const kept = window.optoutReplay ? {...window.optoutReplay.saved, ...window.optoutReplay.current}
    : {};
  return Object.assign(Object.fromEntries(all.map(el => [keyOf(el, all), isOn(el)])),
    Object.fromEntries(selects.map((el, i) => ['select:' + (el.name || el.id || i), el.value])),
    kept);
}"""


@dataclass(frozen=True)
class Toggle:
    """One flip of a replayed control: which page, which control, the state it flipped to."""

    page: str
    control: str
    on: bool


@dataclass
class Replay:
    root: Path
    states: dict[str, dict[str, bool]] = field(default_factory=dict)
    toggles: list[Toggle] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    # Bodies of POSTs the pages sent (forms), to show what a flow really submitted.
    posts: list[tuple[str, str]] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)
    # Scripts run in every page before its own (tests derive variants of saved pages with them).
    scripts: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, root: Path | str) -> Replay:
        path = Path(root).expanduser()
        if not path.is_dir():
            raise UsageError(f"Replay folder '{root}' does not exist or is not a folder.",
                             "Give --replay a folder laid out as HOST/PATH.html (see README).")
        return cls(path.resolve())

    @staticmethod
    def page_key(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.hostname or ''}{parts.path or '/'}"

    def file_for(self, url: str) -> Path | None:
        """The saved file answering `url`, or None; never a file outside the replay folder."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        host = (self.root / parts.hostname).resolve()
        if host.parent != self.root:  # a host name like ".." must not climb out
            return None
        path = unquote(parts.path or "/")
        base = host / path.lstrip("/")
        candidates = [base / "index.html"] if path.endswith("/") else [
            base.with_name(base.name + ".html"), base.with_name(base.name + ".redirect"), base]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(host):
                return resolved
        return None

    def expected_file(self, url: str) -> Path:
        """Where a page for `url` would go, to tell a person what their folder lacks."""
        parts = urlsplit(url)
        path = unquote(parts.path or "/")
        name = path.lstrip("/") + ("index.html" if path.endswith("/") else ".html")
        return self.root / (parts.hostname or "") / name

    async def attach(self, context: BrowserContext) -> None:
        await context.expose_binding(BINDING, self._remember)
        await context.add_init_script(NO_WEBRTC)
        for script in self.scripts:
            await context.add_init_script(script)
        await context.route("**/*", self._serve)
        # Requests' routes never see WebSockets; a saved page has no server to talk to.
        await context.route_web_socket(lambda _url: True, self._refuse_socket)

    def _remember(self, _source: object, page: str, control: str, on: bool) -> None:
        self.states.setdefault(page, {})[control] = on
        self.toggles.append(Toggle(page, control, on))

    async def _refuse_socket(self, socket: WebSocketRoute) -> None:
        self.aborted.append(socket.url)
        await socket.close(code=SOCKET_FAILED, reason="replayed page: no network")

    async def _serve(self, route: Route) -> None:
        url = route.request.url
        found = self.file_for(url)
        if found is None:
            self.aborted.append(url)
            await route.abort("blockedbyclient")
            return
        self.served.append(url)
        if route.request.method == "POST":
            self.posts.append((url, route.request.post_data or ""))
        if found.suffix == ".redirect":
            target = found.read_text(encoding="utf-8").strip()
            # A page that moves on at once: Chromium drops redirects fulfilled by a route for
            # form posts (seen 2026-11 with Debian's Chromium 156 and its headless shell).
            await route.fulfill(status=200, content_type=CONTENT_TYPES[".html"],
                                body=REDIRECT % {"target": json.dumps(target)})
            return
        content_type = CONTENT_TYPES.get(found.suffix, "application/octet-stream")
        if found.suffix != ".html":
            await route.fulfill(status=200, body=found.read_bytes(), content_type=content_type)
            return
        html = found.read_text(encoding="utf-8")
        status = STATUS.search(html)
        await route.fulfill(status=int(status.group(1)) if status else 200,
                            body=self._page(url, html), content_type=content_type)

    def _page(self, url: str, html: str) -> str:
        marker = MARKER.search(html)
        if marker and "no-memory" in marker.group(1).split():
            return html
        key = self.page_key(url)
        script = TOGGLE_MEMORY % {"page": json.dumps(key), "binding": BINDING,
                                  "toggles": TOGGLES_JS,
                                  "saved": json.dumps(self.states.get(key, {}))}
        tag = f"<script>{script}</script>"
        head = HEAD.search(html)
        return html[: head.end()] + tag + html[head.end():] if head else tag + html
