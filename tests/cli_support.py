"""Running the real `optout` command in a process of its own, as a person or a script would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).parent
FIXTURES = TESTS.parent / "fixtures"
# Debian's old headless Chromium starts about 3x faster; runs that show a window need the full one.
HEADLESS_SHELL = shutil.which("chromium-headless-shell")


def quick_browser(env: dict[str, str]) -> dict[str, str]:
    """The headless shell for runs without a display, when it is installed."""
    if HEADLESS_SHELL and not env.get("DISPLAY") and "OPTOUT_BROWSER" not in env:
        return env | {"OPTOUT_BROWSER": HEADLESS_SHELL}
    return env


@dataclass
class Outcome:
    code: int
    out: str
    err: str


class Forks:
    """The fork server (tests/fork_server.py) of this test process, started at its first use."""

    def __init__(self) -> None:
        self.server: subprocess.Popen[str] | None = None
        self.busy = threading.Lock()

    def start(self) -> subprocess.Popen[str]:
        if self.server is None or self.server.poll() is not None:
            if self.server is not None:  # it ended: let go of its pipes before the next one
                for pipe in (self.server.stdin, self.server.stdout):
                    if pipe is not None:
                        pipe.close()
            env = dict(os.environ) | {"PYTHONPATH": str(TESTS)}
            self.server = subprocess.Popen([sys.executable, str(TESTS / "fork_server.py")],
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           env=env, text=True)
        return self.server

    def run(self, args: tuple[str, ...], env: dict[str, str], stdin: str,
            timeout: float) -> Outcome | None:
        """The command's outcome; None when the server is in use (two commands at once)."""
        if not self.busy.acquire(blocking=False):
            return None
        try:
            with tempfile.TemporaryDirectory(prefix="optout-fork-") as scratch:
                paths = {name: Path(scratch) / name for name in ("stdin", "out", "err")}
                paths["stdin"].write_text(stdin, encoding="utf-8")
                paths["out"].touch()
                paths["err"].touch()
                request: dict[str, object] = {"argv": list(args), "env": env}
                request |= {name: str(path) for name, path in paths.items()}
                code = self._exchange(request, args, timeout)
                return Outcome(code, paths["out"].read_text(encoding="utf-8"),
                               paths["err"].read_text(encoding="utf-8"))
        finally:
            self.busy.release()

    def _exchange(self, request: dict[str, object], args: tuple[str, ...],
                  timeout: float) -> int:
        server = self.start()
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps(request | {"timeout": timeout}) + "\n")
        server.stdin.flush()
        answer = server.stdout.readline().strip()
        if not answer:  # it ended (its error is on stderr); the next command starts another
            raise RuntimeError(f"the fork server ended (exit {server.wait()}) running {args}")
        if answer == "timeout":
            raise subprocess.TimeoutExpired(["optout", *args], timeout)
        return int(answer)


FORKS = Forks()


def optout(*args: str, home: Path, env: dict[str, str] | None = None,
           stdin: str = "", timeout: float = 120, fresh: bool = False) -> Outcome:
    """Run `optout ARGS` with no terminal, an isolated home and a test keyring.

    It runs in a fork of an interpreter that has loaded optout (see tests/fork_server.py), or
    with `fresh`, as `python -m optout` in a new interpreter."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    full_env |= {
        "OPTOUT_HOME": str(home),
        "PYTHONPATH": str(TESTS),
        "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
        "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json"),
    }
    full_env |= env or {}
    full_env = quick_browser(full_env)
    forked = None if fresh else FORKS.run(args, full_env, stdin, timeout)
    if forked is not None:
        return forked
    done = subprocess.run([sys.executable, "-m", "optout", *args], input=stdin, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Outcome(done.returncode, done.stdout, done.stderr)


def variant(name: str, platform: str = "linkedin") -> str:
    return str(FIXTURES / platform / name)
