"""The tests' way of running `optout` (a fork of a loaded interpreter) behaves as a fresh one."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from cli_support import FORKS, Outcome, optout, variant


@pytest.mark.parametrize("args", [
    ("platforms", "--json"),
    ("check", "no-such-platform"),
    ("check", "linkedin", "--replay", variant("on")),
    ("accounts",),
], ids=["platforms", "unknown-platform", "replayed-check", "no-accounts"])
def test_a_forked_command_says_what_a_fresh_interpreter_says(tmp_path: Path,
                                                            args: tuple[str, ...]) -> None:
    forked = optout(*args, home=tmp_path / "a" / "home")
    fresh = optout(*args, home=tmp_path / "b" / "home", fresh=True)
    assert (forked.code, forked.out, forked.err) == (fresh.code, fresh.out, fresh.err)
    assert forked.out or forked.err


def test_each_command_has_its_own_environment_and_stdin(tmp_path: Path) -> None:
    home = tmp_path / "home"
    told = optout("login", "linkedin", "--account", "a", "--username", "a@example.org",
                  "--password-stdin", home=home, stdin="not-a-real-password\n")
    listed = optout("accounts", "--json", home=home)
    elsewhere = optout("accounts", "--json", home=tmp_path / "other")
    assert told.code == 0, told.err
    assert '"a"' in listed.out
    assert '"a"' not in elsewhere.out


def test_two_commands_at_once_each_run(tmp_path: Path) -> None:
    """The fork server runs one command at a time; a second at once runs in a fresh process."""
    outcomes: list[Outcome] = []
    with FORKS.busy:  # as if another command were running in the server
        worker = threading.Thread(target=lambda: outcomes.append(
            optout("platforms", home=tmp_path / "home")))
        worker.start()
        worker.join(60)
    assert [o.code for o in outcomes] == [0]
    assert "linkedin" in outcomes[0].out


def test_a_command_past_its_time_is_stopped(tmp_path: Path) -> None:
    stuck = tmp_path / "stuck-browser"
    stuck.write_text("#!/bin/sh\nexec sleep 60\n")
    stuck.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        optout("check", "linkedin", "--replay", variant("on"), home=tmp_path / "home",
               env={"OPTOUT_BROWSER": str(stuck)}, timeout=3)
    assert time.monotonic() - started < 30
    after = optout("platforms", home=tmp_path / "home")  # the next command runs as ever
    assert after.code == 0 and "linkedin" in after.out


def test_a_fork_server_that_ended_is_started_again(tmp_path: Path) -> None:
    assert optout("platforms", home=tmp_path / "home").code == 0
    assert FORKS.server is not None
    FORKS.server.kill()
    FORKS.server.wait()
    after = optout("platforms", home=tmp_path / "home")
    assert after.code == 0 and "linkedin" in after.out
    assert FORKS.server.poll() is None  # a new server, running
