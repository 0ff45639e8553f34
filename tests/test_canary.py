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


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_password_appears_in_no_output_log_or_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(tmp_path / "test-keyring.json"))
    keyring_file = JsonFileKeyring()
    keyring_file.set_password("optout:linkedin:default", "username", "member@example.com")
    keyring_file.set_password("optout:linkedin:default", "password", CANARY)

    runs = [
        optout("--debug", "run", "linkedin", "--replay", variant("login"), "--yes", home=home),
        optout("--debug", "run", "linkedin", "--replay", variant("login-rejected"), "--yes",
               home=home),
        optout("--debug", "run", "linkedin", "--replay", variant("checkpoint"), "--json",
               "--yes", home=home),
        optout("run", "linkedin", "--replay", variant("login-rejected"), "--json", "--yes",
               home=home),
    ]
    assert [r.code for r in runs] == [0, 32, 16, 32]
    # --debug prints the refused sign-in's traceback: its text is scanned too.
    assert "Traceback" in runs[1].err and "CredentialsError" in runs[1].err
    for run in runs:
        assert CANARY not in run.out
        assert CANARY not in run.err
    written = files_under(home)
    log = home / "logs" / "optout.log"
    assert log in written and "linkedin/default" in log.read_text()
    for path in written:
        assert CANARY not in path.read_text(errors="replace"), path
    # The keyring stand-in is the only place the password lives.
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
