"""Live progress on a terminal: one line per platform, what it is doing and for how long.

Drawn by rich on stderr, only when stderr is a terminal and the output is for a person (not
`--json`, not a scheduled run, not `TERM=dumb`); rich is imported only then, so `--help` and
scripts never load it. Reports and questions are printed with the lines paused, so nothing
is drawn over them.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

DONE = ("done", "stopped")


def wanted(json_out: bool) -> bool:
    return not json_out and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


class Progress:
    """The lines of one command; a no-op when not `enabled`."""

    def __init__(self, enabled: bool, titles: dict[str, str]) -> None:
        self.enabled = enabled
        self.titles = titles  # platform slug -> its title
        self.lines: dict[tuple[str, str], tuple[str, float, float]] = {}
        self.lock = threading.Lock()  # the lines and the pauses: held only for a moment
        self.pauses = 0  # reports and questions being shown now
        self.live: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.live import Live

            self.live = Live(get_renderable=self._render, console=Console(stderr=True),
                             refresh_per_second=8, transient=True, redirect_stdout=False,
                             redirect_stderr=False)
            self.live.start()
        return self

    def __exit__(self, *_: object) -> None:
        with self.lock:
            live, self.live = self.live, None
        if live is not None:
            live.stop()

    def phase(self, platform: str, account: str, phase: str) -> None:
        """Called from the run (any thread): the platform's line now says `phase`."""
        now = time.monotonic()
        with self.lock:
            started = self.lines.get((platform, account), ("", now, now))[1]
            self.lines[(platform, account)] = (phase, started, now)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Nothing is drawn while the person reads a report or answers a question.

        Never waits: a question in one thread must not hold up the run in another (its pages'
        timers would run out meanwhile); drawing resumes when the last pause ends."""
        with self.lock:
            self.pauses += 1
            live = self.live if self.pauses == 1 else None
        if live is not None:
            live.stop()
        try:
            yield
        finally:
            with self.lock:
                self.pauses -= 1
                live = self.live if self.pauses == 0 else None
            if live is not None:
                live.start()

    def _render(self) -> Any:
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 2))
        now = time.monotonic()
        with self.lock:
            lines = sorted(self.lines.items())
        for (platform, account), (phase, started, changed) in lines:
            who = self.titles.get(platform, platform) + (
                "" if account == "default" else f" ({account})")
            ended = changed if phase in DONE else now
            style = "green" if phase == "done" else "yellow" if phase == "stopped" else "cyan"
            grid.add_row(Text(who), Text(phase, style=style), Text(f"{ended - started:4.1f}s"))
        return grid
