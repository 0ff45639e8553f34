"""The one door to the OS keyring. Nothing else in optout touches keyring or holds a password.

Each platform account is one keyring service, `optout:<platform>:<account>`, holding up to three
entries: `username`, `password` and `totp` (an authenticator secret). The service
`optout:sessions` holds the key that encrypts saved sessions. A backend that is not secure
(keyring's `fail` and `null` backends, or any plain-text file backend) is refused with one line,
never used silently.

The person's own browser keeps its cookies encrypted with a key in the same OS keyring (the
Secret Service or KWallet, the macOS Keychain, Windows DPAPI): `browser_cookies` is the one
place that key is used, to read a copy of a store that holds nothing but a platform's cookies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from optout.errors import CredentialsError

if TYPE_CHECKING:
    from http.cookiejar import Cookie

    from keyring.backend import KeyringBackend

T = TypeVar("T")
SESSION_SERVICE = "optout:sessions"
ENTRIES = ("username", "password", "totp")

NO_KEYRING_HINT = (
    "Start or unlock your desktop's keyring (GNOME Keyring, KWallet, macOS Keychain, "
    "Windows Credential Locker); on a server, install a secure keyring backend and select it "
    "with PYTHON_KEYRING_BACKEND."
)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)

    def __str__(self) -> str:  # never the password, even by accident in an f-string
        return f"credentials for {self.username}"


def service_name(platform: str, account: str) -> str:
    return f"optout:{platform}:{account}"


def _is_insecure(backend: KeyringBackend) -> bool:
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__qualname__}".lower()
    return (
        name.startswith(("keyring.backends.fail.", "keyring.backends.null."))
        or "plaintext" in name
        or (name.startswith("keyring.backends.chainer.") and not _chained(backend))
    )


def _chained(backend: KeyringBackend) -> list[KeyringBackend]:
    return list(getattr(backend, "backends", []))


def _backend() -> KeyringBackend:
    import keyring  # imported here: keyring is slow to import and most commands never need it

    backend = keyring.get_keyring()
    if _is_insecure(backend):
        raise CredentialsError(
            f"No secure keyring is available (found '{type(backend).__name__}').", NO_KEYRING_HINT
        )
    return backend


def _call(what: str, action: Callable[[], T]) -> T:
    from keyring.errors import KeyringError

    try:
        return action()
    except KeyringError as exc:
        # The exception's own text is not shown: backends may echo what they were given.
        raise CredentialsError(
            f"The keyring refused to {what} ({type(exc).__name__}).", NO_KEYRING_HINT
        ) from None


def store(platform: str, account: str, username: str, password: str) -> None:
    backend = _backend()
    service = service_name(platform, account)
    _call("store the username", lambda: backend.set_password(service, "username", username))
    _call("store the password", lambda: backend.set_password(service, "password", password))


def load(platform: str, account: str) -> Credentials:
    backend = _backend()
    service = service_name(platform, account)
    username = _call("read the username", lambda: backend.get_password(service, "username"))
    password = _call("read the password", lambda: backend.get_password(service, "password"))
    if not username or not password:
        raise CredentialsError(
            f"No credentials are stored for {platform} (account '{account}').",
            f"Run `optout login {platform} --account {account}` first.",
        )
    return Credentials(username, password)


def username(platform: str, account: str) -> str | None:
    """The stored username alone (to keep it out of captures): the password is not read."""
    backend = _backend()
    service = service_name(platform, account)
    return _call("read the username", lambda: backend.get_password(service, "username"))


def store_totp(platform: str, account: str, secret: str) -> None:
    backend = _backend()
    service = service_name(platform, account)
    _call("store the authenticator secret", lambda: backend.set_password(service, "totp", secret))


def load_totp(platform: str, account: str) -> str | None:
    """The account's authenticator (TOTP) secret, if the person stored one."""
    backend = _backend()
    service = service_name(platform, account)
    return _call("read the authenticator secret", lambda: backend.get_password(service, "totp"))


def session_key() -> bytes:
    """The key that encrypts saved sessions; made on first use and kept only in the keyring."""
    from cryptography.fernet import Fernet

    backend = _backend()
    key = _call("read the session key", lambda: backend.get_password(SESSION_SERVICE, "key"))
    if key is None:
        key = Fernet.generate_key().decode()
        _call("store the session key", lambda: backend.set_password(SESSION_SERVICE, "key", key))
    return key.encode()


def has(platform: str, account: str) -> bool:
    return username(platform, account) is not None


def delete(platform: str, account: str) -> bool:
    """Remove the account's entries; False when there was nothing to remove."""
    from keyring.errors import KeyringError, PasswordDeleteError

    backend = _backend()
    service = service_name(platform, account)
    removed = False
    for entry in ENTRIES:
        try:
            backend.delete_password(service, entry)
            removed = True
        except PasswordDeleteError:
            pass  # nothing was stored under this entry
        except KeyringError as exc:
            raise CredentialsError(
                f"The keyring refused to remove the credentials ({type(exc).__name__}).",
                NO_KEYRING_HINT,
            ) from None
    return removed


class _QuietLog:
    """yt-dlp's messages (paths, counts, key versions; never a value) go to the debug log."""

    def __init__(self) -> None:
        from optout.logs import log

        self.log = log
        self.warnings: list[str] = []

    def debug(self, message: str, **_: object) -> None:
        self.log.debug("cookie store: %s", message)

    info = debug

    def warning(self, message: str, **_: object) -> None:
        self.warnings.append(message)
        self.debug(message)

    error = warning


def browser_cookies(browser: str, profile_folder: Path) -> tuple[list[Cookie], list[str]]:
    """The cookies of the store in `profile_folder`, decrypted with `browser`'s own key, and the
    reader's warnings (a key it could not reach, a value it could not decrypt).

    yt-dlp's reader does it: the most closely kept of the libraries made for it (Chrome-family
    v10/v11 on Linux with the Secret Service, KWallet or the basic key, the Keychain, DPAPI,
    the hash prefix of store version 24, Firefox's millisecond expiry)."""
    from yt_dlp.cookies import extract_cookies_from_browser

    quiet = _QuietLog()
    jar = extract_cookies_from_browser(browser, str(profile_folder), quiet)
    return list(jar), quiet.warnings
