"""What a person at a terminal sees: the confirmation question and hidden password prompts."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from cli_support import TESTS, quick_browser, variant
from keyrings_for_tests import JsonFileKeyring
from optout.flows.linkedin import FLOW

CANARY = "canary-7f3a9c-Tr0ub4dor&3"
FORM_LABEL = FLOW.setting("data-processing-objection").label
QUESTION = r"Turn off 1 setting and send 1 form on LinkedIn\? \[y/N\]"


def spawn(args: list[str], home: Path, display: str = "") -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("OPTOUT_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"OPTOUT_HOME": str(home), "PYTHONPATH": str(TESTS),
            "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
            "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json")}
    if display:
        env["DISPLAY"] = display
    env = quick_browser(env)
    return pexpect.spawn(sys.executable, ["-m", "optout", *args], env=env, encoding="utf-8",
                         timeout=60)


def with_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Store LinkedIn credentials in the keyring the spawned commands use; their home."""
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(tmp_path / "test-keyring.json"))
    backend = JsonFileKeyring()
    backend.set_password("optout:linkedin:default", "username", "member@example.com")
    backend.set_password("optout:linkedin:default", "password", "correct horse")
    return tmp_path / "home"


def finish(child: pexpect.spawn) -> tuple[str, int]:
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before), int(child.exitstatus or 0)


@pytest.mark.parametrize(("answer", "code", "switch", "form"), [
    ("y", 0, "read back off after a reload", "sent just now"),
    ("n", 4, "still on: nothing was changed", "still on: nothing was changed"),
    ("", 4, "still on: nothing was changed", "still on: nothing was changed"),
])
def test_run_asks_before_changing(tmp_path: Path, answer: str, code: int, switch: str,
                                  form: str) -> None:
    child = spawn(["run", "linkedin", "--replay", variant("on")], tmp_path / "home")
    child.expect(r"would be turned off")
    child.expect(r"would send the form with this text")  # the text is shown before the question
    child.expect(QUESTION)
    child.sendline(answer)
    rest, status = finish(child)
    assert status == code
    switch_lines, form_lines = rest.split(FORM_LABEL)  # each setting's result under its label
    assert switch in switch_lines
    assert form in form_lines


def test_login_stores_credentials_without_echoing_the_password(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(["login", "linkedin", "--account", "work"], home)
    child.expect("LinkedIn username")
    child.sendline("member@example.com")
    child.expect(r"password \(hidden\)")
    child.sendline(CANARY)
    rest, status = finish(child)
    assert status == 0
    assert "Stored LinkedIn credentials for account 'work'" in rest
    assert CANARY not in rest  # hidden input: not echoed
    stored = json.loads((tmp_path / "test-keyring.json").read_text())
    assert stored["optout:linkedin:work\npassword"] == CANARY
    assert stored["optout:linkedin:work\nusername"] == "member@example.com"


def test_ctrl_c_at_the_password_prompt_stores_nothing(tmp_path: Path) -> None:
    child = spawn(["login", "linkedin"], tmp_path / "home")
    child.expect("LinkedIn username")
    child.sendline("member@example.com")
    child.expect(r"password \(hidden\)")
    child.sendintr()
    rest, status = finish(child)
    assert status == 1
    assert "aborted; nothing was changed" in rest
    assert "Traceback" not in rest
    assert not (tmp_path / "test-keyring.json").exists()


def test_an_emailed_code_is_asked_at_the_terminal(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    child = spawn(["run", "linkedin", "--replay", variant("checkpoint")],
                  with_credentials(tmp_path, monkeypatch))
    child.expect(r"LinkedIn sent a sign-in code \(email, SMS or app\)\. Code: ")
    child.sendline("123456")
    child.expect(QUESTION)
    child.sendline("y")
    rest, status = finish(child)
    assert status == 0
    assert "read back off after a reload" in rest and "sent just now" in rest


def test_a_challenge_needs_a_display_to_be_handed_over(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    child = spawn(["run", "linkedin", "--replay", variant("captcha"), "--yes"],
                  with_credentials(tmp_path, monkeypatch))
    rest, status = finish(child)
    assert status == 16
    assert "a challenge, and no display to show it on" in rest


def test_a_challenge_is_handed_to_the_person(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             display: str) -> None:
    home = with_credentials(tmp_path, monkeypatch)
    child = spawn(["run", "linkedin", "--replay", variant("captcha"), "--yes"], home, display)
    child.expect("finish signing in in the browser window")
    child.expect("Thanks: signed in")
    rest, status = finish(child)
    assert status == 0, rest
    assert "read back off after a reload" in rest and "sent just now" in rest
    assert (home / "sessions" / "replay" / "linkedin" / "default.session").is_file()


def login_with_totp(tmp_path: Path, setup_key: str) -> tuple[str, int]:
    """`optout login linkedin --totp`, answering its three prompts."""
    child = spawn(["login", "linkedin", "--totp"], tmp_path / "home")
    for prompt, answer in (("LinkedIn username", "member@example.com"),
                           (r"password \(hidden\)", "correct horse"),
                           (r"authenticator setup key \(hidden\)", setup_key)):
        child.expect(prompt)
        child.sendline(answer)
    return finish(child)


def test_login_totp_stores_the_normalised_secret(tmp_path: Path) -> None:
    rest, status = login_with_totp(tmp_path, "jbsw y3dp ehpk 3pxp")
    assert status == 0
    assert "credentials and authenticator key" in rest
    stored = json.loads((tmp_path / "test-keyring.json").read_text())
    assert stored["optout:linkedin:default\ntotp"] == "JBSWY3DPEHPK3PXP"


def test_login_refuses_a_bad_authenticator_key(tmp_path: Path) -> None:
    rest, status = login_with_totp(tmp_path, "not-base32!")
    assert status == 2
    assert "not valid base32" in rest
    assert not (tmp_path / "test-keyring.json").exists()  # nothing half-stored
