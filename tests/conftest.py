"""Shared test set-up: optout's own fixtures, and pytest-playwright pointed at a found browser."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Playwright

from optout.browser import NO_DNS, choose_executable

pytest_plugins = ["optout.testing.plugin"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any],
                             playwright: Playwright) -> dict[str, Any]:
    """pytest-playwright's browser, found the way optout finds one (system Chromium here)."""
    executable = choose_executable(playwright.chromium.executable_path)
    return {**browser_type_launch_args, "executable_path": executable,
            "args": [*browser_type_launch_args.get("args", []), NO_DNS]}
