"""Running the real `optout` command in a subprocess, as a person or a script would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def optout(*args: str, home: Path, env: dict[str, str] | None = None,
           stdin: str = "", timeout: float = 120) -> Outcome:
    """Run `python -m optout ARGS` with no terminal, an isolated home and a test keyring."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    full_env |= {
        "OPTOUT_HOME": str(home),
        "PYTHONPATH": str(TESTS),
        "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
        "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json"),
    }
    full_env |= env or {}
    full_env = quick_browser(full_env)
    done = subprocess.run([sys.executable, "-m", "optout", *args], input=stdin, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Outcome(done.returncode, done.stdout, done.stderr)


def variant(name: str, platform: str = "linkedin") -> str:
    return str(FIXTURES / platform / name)
