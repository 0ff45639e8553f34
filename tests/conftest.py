"""Shared test set-up: optout's own fixtures, and pytest-playwright pointed at a found browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Playwright

from optout.web.browser import NO_DNS, choose_executable

pytest_plugins = ["optout.testing.plugin"]

# Playwright's driver is a Node program started by every command: Node keeps what it compiled of
# it here, in the virtual environment, so each start doesn't compile it again (about 60 ms).
os.environ.setdefault("NODE_COMPILE_CACHE", str(Path(sys.prefix) / "node-compile-cache"))

# In-process browsers (the shared one, pytest-playwright's) use the quick headless shell too.
if shutil.which("chromium-headless-shell") and "OPTOUT_BROWSER" not in os.environ:
    os.environ["OPTOUT_BROWSER"] = shutil.which("chromium-headless-shell") or ""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any],
                             playwright: Playwright) -> dict[str, Any]:
    """pytest-playwright's browser, found the way optout finds one (system Chromium here)."""
    executable = choose_executable(playwright.chromium.executable_path)
    return {**browser_type_launch_args, "executable_path": executable,
            "args": [*browser_type_launch_args.get("args", []), NO_DNS]}


@pytest.fixture(scope="session")
def display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A virtual screen (Xvfb) for visible-browser tests: its DISPLAY value."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (bash dev.sh test installs it)")
    number = 90 + os.getpid() % 100
    log = Path(tmp_path_factory.mktemp("xvfb")) / "xvfb.log"
    with open(log, "w") as out:
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24",
                                   "-nolisten", "tcp"], stdout=out, stderr=out)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert socket.exists(), log.read_text()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
