"""The log: a private file under optout's home, and stderr too with `--debug`.

Only states, steps and URLs are logged; credentials never reach a logger. Without `--debug`
nothing logged ever reaches stderr, not even when the log file can't be written (a read-only
home, a full disk): the person sees one line, never a traceback.
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler

from optout.errors import OptoutError
from optout.paths import private_dir

log = logging.getLogger("optout")


class PrivateLog(RotatingFileHandler):
    """The log file and each one rotated in are made 0600; a failed write is dropped quietly."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # a full disk must not print logging's own traceback on stderr


def setup(debug: bool) -> None:
    if log.handlers:
        return
    log.setLevel(logging.DEBUG)
    log.propagate = False
    # Something always handles a record, so none falls to logging.lastResort (stderr).
    log.addHandler(logging.NullHandler())
    root = logging.getLogger()
    if not root.handlers:  # asyncio's and the libraries' records, likewise
        root.addHandler(logging.NullHandler())
    try:
        to_file: PrivateLog | None = PrivateLog(private_dir("logs") / "optout.log",
                                                maxBytes=1_000_000, backupCount=3,
                                                encoding="utf-8")
    except (OptoutError, OSError):
        to_file = None  # a read-only home must not stop a run; stderr still says what happened
    if to_file is not None:
        to_file.setLevel(logging.INFO)
        to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(to_file)
    if debug:
        to_stderr = logging.StreamHandler()
        to_stderr.setLevel(logging.DEBUG)
        to_stderr.setFormatter(logging.Formatter("debug: %(message)s"))
        log.addHandler(to_stderr)
        root.addHandler(to_stderr)
