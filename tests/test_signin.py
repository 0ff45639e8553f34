"""Signing in as real platforms demand: saved sessions, codes, challenges, account safety."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cli_support import Outcome, optout, variant
from keyrings_for_tests import JsonFileKeyring

SERVICE = "optout:linkedin:default"
TEST_TOTP = "JBSWY3DPEHPK3PXP"  # the authenticator fixture's own test secret


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JsonFileKeyring:
    """The subprocesses' keyring, with LinkedIn credentials for the default account."""
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(tmp_path / "test-keyring.json"))
    backend = JsonFileKeyring()
    backend.set_password(SERVICE, "username", "member@example.com")
    backend.set_password(SERVICE, "password", "correct horse")
    return backend


def session_file(home: Path, account: str = "default") -> Path:
    return home / "sessions" / "replay" / "linkedin" / f"{account}.session"


def sign_ins(home: Path) -> int:
    ledger = home / "logins-replay.json"
    return len(json.loads(ledger.read_text()).get("linkedin/default", [])) if ledger.exists() else 0


def error_line(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1, result.err
    return lines[0]


def test_a_saved_session_spares_the_next_sign_in(home: Path,
                                                 keyring_file: JsonFileKeyring) -> None:
    first = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home)
    assert first.code == 0, first.err
    saved = session_file(home)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    content = saved.read_bytes()
    for readable in (b"replayed-session", b"liap", b"li_at", b"linkedin"):
        assert readable not in content  # encrypted: no cookie name or value shows
    keyring_file.delete_password(SERVICE, "password")  # the next run can't sign in
    second = optout("run", "linkedin", "--replay", variant("login"), "--dry-run", home=home)
    assert second.code == 4, second.err  # read through the saved session: the switch is on
    assert "would be turned off" in second.out
    assert "not sent again" in second.out  # the first run's objection form is remembered
    assert sign_ins(home) == 1


@pytest.mark.parametrize("damage", ["corrupt", "key-lost"])
def test_an_unreadable_session_is_one_line_and_a_fresh_sign_in(
        home: Path, keyring_file: JsonFileKeyring, damage: str) -> None:
    assert optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home).code == 0
    recorded = json.loads(optout("history", "--json", "--replay-runs",
                                 home=home).out)["observations"]
    if damage == "corrupt":
        session_file(home).write_bytes(b"not a session")
    else:
        keyring_file.delete_password("optout:sessions", "key")
    result = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home)
    assert result.code == 0, result.err
    notes = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "treating it as signed out" in notes[0]
    assert "could not be decrypted" in notes[0]
    assert "Traceback" not in result.err
    assert sign_ins(home) == 2
    later = json.loads(optout("history", "--json", "--replay-runs", home=home).out)["observations"]
    assert later[: len(recorded)] == recorded  # nothing else was lost
    again = optout("run", "linkedin", "--replay", variant("login"), "--dry-run", home=home)
    assert "note:" not in again.err  # the fresh sign-in saved a readable session
    assert sign_ins(home) == 2


def test_authenticator_codes_come_from_the_stored_secret(home: Path,
                                                         keyring_file: JsonFileKeyring) -> None:
    keyring_file.set_password(SERVICE, "totp", TEST_TOTP)
    result = optout("run", "linkedin", "--replay", variant("authenticator"), "--yes", home=home)
    assert result.code == 0, result.out + result.err
    assert "turned-off" in result.out and "form-submitted" in result.out


def test_a_refused_code_is_not_tried_again(home: Path, keyring_file: JsonFileKeyring) -> None:
    keyring_file.set_password(SERVICE, "totp", "GEZDGNBVGY3TQOJQ")  # another account's secret
    result = optout("run", "linkedin", "--replay", variant("authenticator"), "--yes", home=home)
    assert result.code == 16
    assert "the one-time code was not accepted" in error_line(result)


@pytest.mark.parametrize(("fixture", "why"), [
    ("checkpoint", "a one-time code"),
    ("captcha", "a challenge that only a person may answer"),
    ("add-phone", "a challenge that only a person may answer"),
])
def test_without_a_terminal_challenges_stop_at_once(home: Path, keyring_file: JsonFileKeyring,
                                                    fixture: str, why: str) -> None:
    result = optout("run", "linkedin", "--replay", variant(fixture), "--yes", home=home)
    assert result.code == 16
    assert "login needed" in result.out
    line = error_line(result)
    assert f"wants a person to finish signing in ({why})" in line
    assert "optout login linkedin --account default --browser" in line


def test_a_session_that_expires_mid_run_is_not_signed_in_twice(
        home: Path, keyring_file: JsonFileKeyring) -> None:
    result = optout("run", "linkedin", "--replay", variant("session-expires"), "--yes",
                    home=home)
    assert result.code == 16 | 4  # stopped before the objection form, which is still to send
    assert "signed out again during the run" in error_line(result)
    assert sign_ins(home) == 1


def test_an_expired_saved_session_signs_in_once(home: Path,
                                                keyring_file: JsonFileKeyring) -> None:
    first = optout("run", "linkedin", "--replay", variant("session-expires"), "--dry-run",
                   home=home)
    assert first.code == 4
    second = optout("run", "linkedin", "--replay", variant("session-expires"), "--yes", home=home)
    assert second.code == 0, second.err
    assert sign_ins(home) == 2  # one for each run


def test_the_daily_cap_stops_before_signing_in(home: Path,
                                               keyring_file: JsonFileKeyring) -> None:
    cap = {"OPTOUT_MAX_LOGINS_PER_DAY": "1"}
    first = optout("run", "linkedin", "--replay", variant("login-rejected"), "--yes", home=home,
                   env=cap)
    assert first.code == 32
    second = optout("run", "linkedin", "--replay", variant("login-rejected"), "--yes",
                    home=home, env=cap)
    assert second.code == 16
    assert "it stops here to protect the account" in error_line(second)
    assert sign_ins(home) == 1


def test_a_bad_cap_is_a_usage_error(home: Path, keyring_file: JsonFileKeyring) -> None:
    result = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home,
                    env={"OPTOUT_MAX_LOGINS_PER_DAY": "lots"})
    assert result.code == 2
    assert "OPTOUT_MAX_LOGINS_PER_DAY is 'lots'" in error_line(result)


def test_a_wrong_password_is_kept_and_not_retried(home: Path,
                                                  keyring_file: JsonFileKeyring) -> None:
    result = optout("run", "linkedin", "--replay", variant("login-rejected"), "--yes", home=home)
    assert result.code == 32
    assert keyring_file.get_password(SERVICE, "password") == "correct horse"
    assert sign_ins(home) == 1


def test_rate_limiting_stops_the_run(home: Path, keyring_file: JsonFileKeyring) -> None:
    result = optout("run", "linkedin", "--replay", variant("throttled"), "--yes", home=home)
    assert result.code == 16
    line = error_line(result)
    assert "LinkedIn signals caution (HTTP 429 from https://www.linkedin.com/checkpoint" in line
    assert "will not sign in again now" in line
