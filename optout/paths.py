"""Where optout keeps its files: the platform's user directories, or `OPTOUT_HOME` for all of it.

Everything is created readable by the user only: results say which accounts a person has.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def home() -> Path:
    chosen = os.environ.get("OPTOUT_HOME")
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("optout", appauthor=False))


def private_dir(*parts: str) -> Path:
    path = home().joinpath(*parts)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def write_private_json(path: Path, data: Any) -> None:
    """Write atomically with user-only permissions: a crash never leaves half a file."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2)
        out.write("\n")
    os.replace(partial, path)


def write_private_text(path: Path, text: str) -> None:
    """A file only the user can read (reports hold which accounts a person has)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
