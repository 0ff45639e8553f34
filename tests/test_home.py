"""An unusable home (a file, a read-only folder, a full disk) is one line naming it, never a
traceback; OPTOUT_LOCK_WAIT takes only finite numbers of seconds, 0 or more."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest

from cli_support import Outcome, optout, variant
from optout import logs, paths
from optout.errors import Exit, HomeUnusable, UsageError
from optout.logs import log
from optout.watch import history, locks

ON = variant("on")
# Commands that need the home, each touching it its own way (database, receipts, accounts file,
# lock and log before a browser run).
NEEDING_HOME = {
    "status": ["status"],
    "history": ["history"],
    "report": ["report", "--format", "md"],
    "login": ["login", "linkedin", "--username", "member@example.com", "--password-stdin"],
    "check": ["check", "linkedin", "--replay", ON],
    "run": ["run", "linkedin", "--replay", ON, "--dry-run"],
}
HINT = "Set OPTOUT_HOME to a folder you can write to."
ROOT = getattr(os, "geteuid", lambda: -1)() == 0  # root writes anywhere chmod allows


def only_line(result: Outcome) -> str:
    """stderr is exactly one line, optout's own, with no traceback and no bug-report plea."""
    assert "Traceback" not in result.err, result.err
    assert "please report it" not in result.err, result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("optout: "), result.err
    return lines[0]


@pytest.fixture
def file_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.write_text("a file where optout's folder should be\n")
    return home


@pytest.mark.parametrize("command", NEEDING_HOME)
def test_a_home_that_is_a_file_is_one_line_and_exit_1(file_home: Path, command: str) -> None:
    result = optout(*NEEDING_HOME[command], home=file_home, stdin="correct horse\n")
    assert result.code == 1, result.err
    assert only_line(result).endswith(
        f"optout's folder {file_home} can't be used: it is a file. {HINT}")
    assert file_home.read_text() == "a file where optout's folder should be\n"  # left alone


def test_a_home_under_a_file_names_the_file(file_home: Path) -> None:
    result = optout("status", home=file_home / "deeper" / "home")
    assert result.code == 1
    assert only_line(result) == (f"optout: optout's folder {file_home}/deeper/home can't be "
                                 f"used: {file_home} is a file. {HINT}")


@pytest.mark.parametrize("args", [["--help"], ["platforms"], ["run", "--help"], ["--version"]])
def test_what_needs_no_home_works_with_a_broken_one(file_home: Path, args: list[str]) -> None:
    result = optout(*args, home=file_home)
    assert result.code == 0, result.err
    assert result.err == ""


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Makes a folder really read-only, for root too (chattr +i), and undoes it afterwards."""
    frozen: list[Path] = []

    def freeze(folder: Path) -> None:
        if not ROOT:
            folder.chmod(0o500)
        elif shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(folder)], capture_output=True, check=False).returncode:
            pytest.skip("running as root without a working `chattr +i`: nothing is read-only")
        frozen.append(folder)
        try:
            (folder / "probe").touch()
        except OSError:
            return
        pytest.skip(f"{folder} could still be written after making it read-only")

    yield freeze
    for folder in frozen:
        if ROOT:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o700)


def test_a_read_only_home_is_one_line(tmp_path: Path,
                                      read_only: Callable[[Path], None]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    read_only(home)
    run = optout("run", "linkedin", "--replay", ON, "--yes", home=home)
    assert run.code == 1, run.err
    assert only_line(run) == (f"optout: optout's folder {home} can't be used: it can't be "
                              f"written. {HINT}")
    assert optout("status", home=home).err == run.err


def test_a_used_home_gone_read_only_is_one_line(tmp_path: Path,
                                                read_only: Callable[[Path], None]) -> None:
    """Its database can't take a journal any more: not "move the history aside"."""
    home = tmp_path / "home"
    assert optout("run", "linkedin", "--replay", ON, "--dry-run", home=home).code == 4
    read_only(home)
    status = optout("status", home=home)
    assert status.code == 1
    assert only_line(status) == (f"optout: optout's folder {home} can't be used: it can't be "
                                 f"written. {HINT}")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs, filled up: a real full disk (root with CAP_SYS_ADMIN only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if sys.platform != "linux" or not ROOT or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
            capture_output=True, check=False).returncode:
        pytest.skip("a small tmpfs can't be mounted here (needs root on Linux)")
    try:
        with open(disk / "filler", "wb", buffering=0) as filler, suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        assert shutil.disk_usage(disk).free == 0
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_is_one_line(full_disk: Path) -> None:
    home = full_disk / "home"
    status = optout("status", home=home)
    assert status.code == 1
    assert only_line(status) == (
        f"optout: optout's folder {home} can't be used: the disk is full. Free some space, or "
        "set OPTOUT_HOME to a folder on another disk.")
    run = optout("run", "linkedin", "--replay", ON, "--yes", home=home)
    assert run.code == 1
    assert only_line(run) == status.err.strip()


def refusing_writes_in(home: Path, monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The OS refuses (with `number`) to create or open any file under `home`."""
    real = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).is_relative_to(home) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(number, os.strerror(number), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.fixture
def own_logging() -> Iterator[None]:
    """The `optout` logger as a fresh process has it; put back as it was afterwards."""
    root = logging.getLogger()
    kept = (log.handlers[:], log.level, log.propagate)
    roots = root.handlers[:]
    log.handlers.clear()
    yield
    for handler in log.handlers:
        handler.close()
        if handler not in roots:
            root.removeHandler(handler)
    for handler in root.handlers[:]:
        if handler not in roots and isinstance(handler, logging.NullHandler):
            root.removeHandler(handler)
    log.handlers[:], log.level, log.propagate = kept[0], kept[1], kept[2]


def in_process(args: list[str], monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from optout.cli import app as cli_app
    from optout.cli import main as cli

    monkeypatch.setattr(sys, "argv", ["optout", *args])
    monkeypatch.setitem(cli_app.state, "debug", False)
    code = cli.main()
    return code, capsys.readouterr().err


@pytest.mark.usefixtures("own_logging")
def test_a_write_refused_with_no_space_is_the_one_line(
        optout_home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    refusing_writes_in(optout_home, monkeypatch, errno.ENOSPC)
    code, err = in_process(["status"], monkeypatch, capsys)
    assert code == 1
    assert err == (f"optout: optout's folder {optout_home} can't be used: the disk is full. "
                   "Free some space, or set OPTOUT_HOME to a folder on another disk.\n")
    with pytest.raises(HomeUnusable, match="the disk is full") as raised:
        paths.write_private_json(optout_home / "accounts.json", {})
    assert raised.value.exit_bit is Exit.UNEXPECTED and raised.value.kind == "home"
    with pytest.raises(HomeUnusable, match="the disk is full"):
        paths.usable_home()


def test_usable_home_proves_the_home_takes_files(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "a" / "home"
    monkeypatch.setenv("OPTOUT_HOME", str(home))
    assert paths.usable_home() == home
    assert list(home.iterdir()) == []  # its probe is gone
    home.rmdir()
    home.write_text("")
    with pytest.raises(HomeUnusable, match="it is a file"):
        paths.usable_home()


def test_sqlite_refusals_are_the_home_and_damage_is_the_history(
        optout_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for code, text, why in ((13, "database or disk is full", "the disk is full"),
                            (8, "attempt to write a readonly database",
                             f"{optout_home}/history.sqlite3 can't be written"),
                            (14, "unable to open database file", "it can't be written")):
        def refused(*_args: Any, _code: int = code, _text: str = text,
                    **_kwargs: Any) -> sqlite3.Connection:
            error = sqlite3.OperationalError(_text)
            error.sqlite_errorcode = _code
            raise error

        with monkeypatch.context() as patched:
            patched.setattr(sqlite3, "connect", refused)
            with pytest.raises(HomeUnusable) as raised, history.connect():
                pass
        assert raised.value.message == f"optout's folder {optout_home} can't be used: {why}."
    history.path().write_bytes(b"not a database " * 100)
    with pytest.raises(history.HistoryUnavailable, match="file is not a database"), \
            history.connect():
        pass


@pytest.mark.usefixtures("own_logging")
def test_without_a_log_file_nothing_logged_reaches_stderr(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    home.write_text("")
    monkeypatch.setenv("OPTOUT_HOME", str(home))
    logs.setup(debug=False)  # never raises for an unusable home
    try:
        raise RuntimeError("a platform's bug")
    except RuntimeError:
        log.exception("linkedin/default failed")
    log.warning("a note")
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("own_logging")
def test_with_debug_a_logged_traceback_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    home.write_text("")
    monkeypatch.setenv("OPTOUT_HOME", str(home))
    logs.setup(debug=True)
    try:
        raise RuntimeError("a platform's bug")
    except RuntimeError:
        log.exception("linkedin/default failed")
    err = capsys.readouterr().err
    assert "debug: linkedin/default failed" in err and "RuntimeError: a platform's bug" in err


@pytest.mark.usefixtures("own_logging")
def test_a_log_file_that_stops_taking_writes_stays_quiet(
        optout_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logs.setup(debug=False)
    [to_file] = [h for h in log.handlers if isinstance(h, logging.FileHandler)]

    class Full:
        def tell(self) -> int:
            return 0

        def write(self, _text: str) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            pass

    real, to_file.stream = to_file.stream, Full()  # type: ignore[assignment]
    try:
        log.info("a state that can't be written down")
    finally:
        to_file.stream = real
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("own_logging")
def test_rotated_logs_are_user_only(optout_home: Path) -> None:
    logs.setup(debug=False)
    [to_file] = [h for h in log.handlers if isinstance(h, logging.FileHandler)]
    to_file.maxBytes = 200  # type: ignore[attr-defined]
    for n in range(30):
        log.info("line %d of a log that rotates", n)
    files = sorted((optout_home / "logs").iterdir())
    assert len(files) == 4  # optout.log and three kept before it
    assert {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {
        f.name: "0o600" for f in files}


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "1e400", "soon", ""])
def test_lock_wait_takes_only_finite_seconds_of_0_or_more(
        value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_LOCK_WAIT", value)
    with pytest.raises(UsageError) as raised:
        locks.wait_seconds()
    assert raised.value.exit_bit is Exit.USAGE
    assert raised.value.one_line() == (
        f"OPTOUT_LOCK_WAIT is '{value}', not a number of seconds (0 or more). "
        "Set it to a number such as 20, or unset it.")


@pytest.mark.parametrize(("value", "seconds"), [("0", 0.0), ("0.5", 0.5), ("20", 20.0)])
def test_lock_wait_takes_seconds(value: str, seconds: float,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_LOCK_WAIT", value)
    assert locks.wait_seconds() == seconds


def test_an_endless_lock_wait_is_a_usage_error(tmp_path: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--dry-run", home=tmp_path / "home",
                    env={"OPTOUT_LOCK_WAIT": "inf"})
    assert result.code == 2, result.err
    assert "OPTOUT_LOCK_WAIT is 'inf', not a number of seconds (0 or more)." in only_line(result)
