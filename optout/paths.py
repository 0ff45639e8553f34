"""Where optout keeps its files: the platform's user directories, or `OPTOUT_HOME` for all of it.

Everything is created readable by the user only: results say which accounts a person has. Every
folder optout makes is 0700 (the home's own missing parents included) and every file 0600;
folders that were already there are left as they are. A home the OS refuses (a file, a folder
that can't be written, a full disk) is `HomeUnusable`: one line naming the folder.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from optout.errors import HomeUnusable

FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
REFUSED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def home() -> Path:
    chosen = os.environ.get("OPTOUT_HOME")
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("optout", appauthor=False))


def private_dir(*parts: str) -> Path:
    """The folder `parts` under the home, made (with every missing folder above it) 0700."""
    path = home().joinpath(*parts)
    with refusals(path):
        make_private_dirs(path)
    return path


def usable_home() -> Path:
    """The home, made if missing, after a one-byte write proves the OS takes its files.

    For commands to call before anything else (a browser, a sign-in, a change on a site), so
    a home that is a file, can't be written or sits on a full disk stops them with one line.
    """
    top = private_dir()
    probe = top / f".probe-{os.getpid()}"
    with refusals(probe):
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\n")
        finally:
            os.close(fd)
            os.unlink(probe)
    return top


def make_private_dirs(path: Path) -> None:
    """Make `path` and its missing parents, top down, each 0700; OSError when refused."""
    missing = []
    current = path
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if folder.is_dir():
                continue  # another run made it just now
            raise
        os.chmod(folder, 0o700)  # ours: whatever the umask took away


@contextmanager
def refusals(path: Path) -> Iterator[None]:
    """The OS refusing `path` (under the home) becomes HomeUnusable."""
    try:
        yield
    except OSError as exc:
        raise unusable(path, exc) from exc


def unusable(path: Path, error: OSError) -> HomeUnusable:
    """What is wrong with optout's home, as found at `path` (in it, or the home itself)."""
    top = home()
    blocker = _not_a_folder(top, path, itself=error.errno == errno.EEXIST)
    if error.errno in FULL:
        return HomeUnusable(top, "the disk is full", full=True)
    if blocker is not None:
        return HomeUnusable(top, "it is a file" if blocker == top else f"{blocker} is a file")
    if error.errno == errno.EISDIR:
        return HomeUnusable(top, f"{path} is a folder")
    if error.errno in REFUSED or error.errno is None:
        if not os.path.isdir(top):
            return HomeUnusable(top, "it can't be created")
        # The file or folder refused, or the folder it was to be made in.
        refused = next((p for p in (path, *path.parents) if os.path.exists(p)), top)
        inside = refused != top and refused.is_relative_to(top)
        return HomeUnusable(top, f"{refused} can't be written" if inside
                            else "it can't be written")
    reason = (error.strerror or type(error).__name__).lower()
    return HomeUnusable(top, f"{reason} ({path})")


def _not_a_folder(top: Path, path: Path, itself: bool) -> Path | None:
    """The first of the home's parents, the home, and the folders under it down to `path`'s
    parent (down to `path` when it should be a folder too) that exists and is not a folder."""
    chain = [*reversed(top.parents), top]
    if path != top and path.is_relative_to(top):
        parts = path.relative_to(top).parts
        chain += [top.joinpath(*parts[:i]) for i in range(1, len(parts) + itself)]
    # os.path's tests never raise: a folder that can't even be looked into is no file.
    return next((p for p in chain if os.path.exists(p) and not os.path.isdir(p)), None)


def write_private_json(path: Path, data: Any) -> None:
    """Write atomically with user-only permissions: a crash never leaves half a file.

    For files in optout's home: a refusal is HomeUnusable.
    """
    with refusals(path):
        make_private_dirs(path.parent)
        partial = path.with_name(path.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.write("\n")
        os.replace(partial, path)


def write_private_text(path: Path, text: str) -> None:
    """A file only the user can read (reports hold which accounts a person has).

    For files the person names (`--output`): a refusal stays an OSError for the caller to word.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
