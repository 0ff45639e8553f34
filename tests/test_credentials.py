"""The keyring door: store, load, delete, and refusing backends that are not secure."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from optout import credentials
from optout.errors import CredentialsError, Exit
from optout.testing.memory_keyring import MemoryKeyring


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's plain-text file backend, which must never be used."""


def test_store_load_delete(memory_keyring: MemoryKeyring) -> None:
    credentials.store("linkedin", "work", "member@example.com", "s3cret")
    assert memory_keyring.entries[("optout:linkedin:work", "username")] == "member@example.com"
    assert credentials.load("linkedin", "work").username == "member@example.com"
    assert credentials.delete("linkedin", "work") is True
    assert memory_keyring.entries == {}
    assert credentials.delete("linkedin", "work") is False


def test_the_username_alone_is_read_without_the_password(
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    credentials.store("linkedin", "work", "member@example.com", "s3cret")
    asked: list[str] = []
    real = memory_keyring.get_password

    def reading(service: str, name: str) -> str | None:
        asked.append(name)
        return real(service, name)

    monkeypatch.setattr(memory_keyring, "get_password", reading)
    assert credentials.username("linkedin", "work") == "member@example.com"
    assert credentials.username("linkedin", "home") is None
    assert asked == ["username", "username"]


@pytest.mark.parametrize("backend", [
    pytest.param(lambda: __import__("keyring.backends.fail", fromlist=["Keyring"]).Keyring(),
                 id="fail"),
    pytest.param(lambda: __import__("keyring.backends.null", fromlist=["Keyring"]).Keyring(),
                 id="null"),
    pytest.param(PlaintextKeyring, id="plaintext"),
])
def test_insecure_backends_are_refused(backend: type[KeyringBackend]) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        with pytest.raises(CredentialsError) as caught:
            credentials.store("linkedin", "default", "member@example.com", "s3cret")
    finally:
        keyring.set_keyring(previous)
    assert caught.value.exit_bit == Exit.CREDENTIALS
    assert caught.value.message.startswith("No secure keyring is available")
