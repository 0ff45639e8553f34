"""The log: a private file under optout's home, and stderr too with `--debug`.

Only states, steps and URLs are logged; credentials never reach a logger.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from optout.paths import private_dir

log = logging.getLogger("optout")


def setup(debug: bool) -> None:
    if log.handlers:
        return
    log.setLevel(logging.DEBUG)
    log.propagate = False
    try:
        path = private_dir("logs") / "optout.log"
        path.touch(mode=0o600, exist_ok=True)
        to_file = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
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
