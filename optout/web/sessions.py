"""Saved sessions (cookies and storage), encrypted at rest, one file per platform and account.

A session is as good as a password, so it is encrypted with a key that lives only in the OS
keyring (Fernet: AES with an HMAC, so a changed file is detected). Files are user-only. A session
that can't be read back (key gone, file corrupt) is treated as logged out: the file is left as it
is for the person to inspect, and the next successful sign-in replaces it. Its folders
(`sessions/`, the namespace's, the platform's) are made 0700 too; a home that can't take the file
is `HomeUnusable`.
Replayed runs keep their sessions apart (namespace "replay"), never touching real ones.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optout import credentials
from optout.errors import CredentialsError
from optout.paths import home, private_dir, refusals


class SessionUnreadable(Exception):
    """The saved session exists but can't be decrypted or parsed."""


@dataclass(frozen=True)
class SessionStore:
    namespace: str = "live"

    def path(self, platform: str, account: str) -> Path:
        return home() / "sessions" / self.namespace / platform / f"{account}.session"

    def exists(self, platform: str, account: str) -> bool:
        return self.path(platform, account).is_file()

    def age_seconds(self, platform: str, account: str) -> float | None:
        path = self.path(platform, account)
        return time.time() - path.stat().st_mtime if path.is_file() else None

    def load(self, platform: str, account: str) -> dict[str, Any] | None:
        """The storage state, None when nothing is saved; SessionUnreadable when it is broken."""
        from cryptography.fernet import Fernet, InvalidToken

        path = self.path(platform, account)
        if not path.is_file():
            return None
        try:
            key = credentials.session_key()
            state = json.loads(Fernet(key).decrypt(path.read_bytes()))
        except (InvalidToken, ValueError) as exc:
            raise SessionUnreadable(f"the saved session in {path} could not be decrypted "
                                    "(the keyring's session key changed, or the file is "
                                    "damaged)") from exc
        except (CredentialsError, OSError) as exc:
            raise SessionUnreadable(f"the saved session in {path} could not be read "
                                    f"({type(exc).__name__})") from exc
        if not isinstance(state, dict):
            raise SessionUnreadable(f"the saved session in {path} is not a session")
        return state

    def save(self, platform: str, account: str, state: dict[str, Any]) -> Path:
        from cryptography.fernet import Fernet

        token = Fernet(credentials.session_key()).encrypt(json.dumps(state).encode())
        folder = private_dir("sessions", self.namespace, platform)
        path = folder / f"{account}.session"
        partial = path.with_name(path.name + ".partial")
        with refusals(path):  # HomeUnusable: a file in the way, no right to write, a full disk
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(token)
            os.replace(partial, path)
        return path

    def delete(self, platform: str, account: str) -> bool:
        path = self.path(platform, account)
        if not path.is_file():
            return False
        path.unlink()
        return True

    def accounts(self, platform: str) -> list[str]:
        folder = home() / "sessions" / self.namespace / platform
        return sorted(p.stem for p in folder.glob("*.session")) if folder.is_dir() else []
