"""A planted password must never leave the keyring: not in output, logs, errors or files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import optout, variant
from keyrings_for_tests import JsonFileKeyring
from optout import credentials
from optout.errors import CredentialsError
from optout.testing.memory_keyring import MemoryKeyring

CANARY = "canary-7f3a9c-Tr0ub4dor&3"
TOTP_CANARY = "CANARYTOTPSECRETAAAAAAAAAAAAAAAA"


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_password_appears_in_no_output_log_or_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(tmp_path / "test-keyring.json"))
    keyring_file = JsonFileKeyring()
    keyring_file.set_password("optout:linkedin:default", "username", "member@example.com")
    keyring_file.set_password("optout:linkedin:default", "password", CANARY)
    keyring_file.set_password("optout:linkedin:default", "totp", TOTP_CANARY)
    homes = tmp_path / "homes"
    env = {"OPTOUT_TEST_KEYRING_FILE": str(tmp_path / "test-keyring.json")}

    # Each run gets its own home: a saved session would otherwise spare the later sign-ins.
    runs = [
        optout("--debug", "run", "linkedin", "--replay", variant("login"), "--yes",
               home=homes / "signed-in", env=env),
        optout("--debug", "run", "linkedin", "--replay", variant("login-rejected"), "--yes",
               home=homes / "refused", env=env),
        optout("--debug", "run", "linkedin", "--replay", variant("checkpoint"), "--json",
               "--yes", home=homes / "checkpoint", env=env),
        optout("run", "linkedin", "--replay", variant("login-rejected"), "--json", "--yes",
               home=homes / "refused-json", env=env),
        # The authenticator secret is used (and its code refused) here.
        optout("--debug", "run", "linkedin", "--replay", variant("authenticator"), "--yes",
               home=homes / "authenticator", env=env),
    ]
    assert [r.code for r in runs] == [0, 32, 16, 32, 16]
    assert "the one-time code was not accepted" in runs[4].err
    # --debug prints the refused sign-in's traceback: its text is scanned too.
    assert "Traceback" in runs[1].err and "CredentialsError" in runs[1].err
    for run in runs:
        for secret in (CANARY, TOTP_CANARY):
            assert secret not in run.out
            assert secret not in run.err
    written = files_under(homes)
    log = homes / "signed-in" / "logs" / "optout.log"
    assert log in written and "linkedin/default" in log.read_text()
    assert homes / "signed-in" / "sessions" / "replay" / "linkedin" / "default.session" in written
    for path in written:
        content = path.read_bytes()
        assert CANARY.encode() not in content, path
        assert TOTP_CANARY.encode() not in content, path
    # The keyring stand-in is the only place the secrets live.
    assert CANARY in (tmp_path / "test-keyring.json").read_text()


def test_credentials_never_show_the_password(memory_keyring: MemoryKeyring) -> None:
    credentials.store("linkedin", "default", "member@example.com", CANARY)
    loaded = credentials.load("linkedin", "default")
    assert loaded.password == CANARY
    assert CANARY not in repr(loaded) and CANARY not in str(loaded)
    assert CANARY not in f"{loaded!r} {loaded}"


def test_missing_credentials_error_names_the_fix(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(CredentialsError) as caught:
        credentials.load("linkedin", "work")
    assert caught.value.one_line() == (
        "No credentials are stored for linkedin (account 'work'). "
        "Run `optout login linkedin --account work` first."
    )
