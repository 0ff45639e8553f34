"""Runs `optout` commands for the tests, each in a fork of one interpreter that has loaded them.

A test's command still runs in its own process, with its own environment, standard streams,
exit code and browser; what the fork spares is starting Python and importing optout, Playwright,
keyring and the rest, about 0.2 s of processor per command (measured: the four files that run
the most commands took 55 s and 107 s of CPU in fresh interpreters, 40 s and 77 s forked).
Nothing of a command runs here before the fork, only imports (tests/test_cli_support.py checks
that a fork says what a fresh interpreter says).

Protocol: one JSON request per line on stdin ({"argv", "env", "stdin", "out", "err", "timeout"},
with three file paths); for each, one line: the exit code, or "timeout" when the command ran past
its time and was killed (here, before it is reaped, so no other process can be hit).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

# What commands import when they run; loaded once, before any fork.
PRELOAD = (
    "optout.cli.main",
    "optout.engine.runner",
    "optout.engine.registry",
    "optout.web.sessions",
    "optout.evidence.html_report",
    "playwright.async_api",
    "keyring",
    "cryptography.fernet",
    "jinja2",
    "filelock",
)


def run_child(request: dict[str, object]) -> int:
    """In the fork: become the command's process, then run it as `python -m optout` would."""
    env = request["env"]
    assert isinstance(env, dict)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()  # a TZ in the test's environment applies to this process too
    for fd, path, mode in ((0, request["stdin"], os.O_RDONLY),
                           (1, request["out"], os.O_WRONLY),
                           (2, request["err"], os.O_WRONLY)):
        assert isinstance(path, str)
        os.dup2(os.open(path, mode), fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    argv = request["argv"]
    assert isinstance(argv, list)
    sys.argv = ["optout", *argv]
    from optout.cli.main import main

    try:
        code = main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # what `python -m optout` would print before exiting 1
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def outcome(pid: int, timeout: float) -> str:
    """The child's exit code; killed and "timeout" once it has run for `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return str(os.waitstatus_to_exitcode(status))
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.005)


def answer(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def serve() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = run_child(request)
            finally:
                os._exit(code)
        answer(outcome(pid, float(request["timeout"])))


if __name__ == "__main__":
    serve()
