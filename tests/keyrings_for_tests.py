"""A keyring for subprocess tests: entries in a JSON file named by OPTOUT_TEST_KEYRING_FILE.

It stands in for the OS keyring across processes (select it with PYTHON_KEYRING_BACKEND). It
is not secure, so it lives only in tests and is never shipped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class JsonFileKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()

    def _path(self) -> Path:
        return Path(os.environ["OPTOUT_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, entries: dict[str, str]) -> None:
        self._path().write_text(json.dumps(entries))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[f"{service}\n{username}"] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(f"nothing stored for {service}")
        self._save(entries)
