"""pytest fixtures for flow tests: a shared async browser, an isolated home and keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from optout.testing.browser import SharedBrowser
from optout.testing.memory_keyring import MemoryKeyring


@pytest.fixture(scope="session")
def shared_browser() -> Iterator[SharedBrowser]:
    shared = SharedBrowser()
    yield shared
    shared.close()


@pytest.fixture(autouse=True)
def optout_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes under its own OPTOUT_HOME, never the person's real one."""
    home = tmp_path / "optout-home"
    monkeypatch.setenv("OPTOUT_HOME", str(home))
    return home


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
