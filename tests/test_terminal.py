"""What a person at a terminal sees: the confirmation question and hidden password prompts."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest
from cli_support import TESTS, variant

CANARY = "canary-7f3a9c-Tr0ub4dor&3"


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    env |= {"OPTOUT_HOME": str(home), "PYTHONPATH": str(TESTS),
            "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
            "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json")}
    return pexpect.spawn(sys.executable, ["-m", "optout", *args], env=env, encoding="utf-8",
                         timeout=60)


def finish(child: pexpect.spawn) -> tuple[str, int]:
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before), int(child.exitstatus or 0)


@pytest.mark.parametrize(("answer", "code", "shown"), [
    ("y", 0, "read back off after a reload"),
    ("n", 4, "still on: nothing was changed"),
    ("", 4, "still on: nothing was changed"),
])
def test_run_asks_before_changing(tmp_path: Path, answer: str, code: int, shown: str) -> None:
    child = spawn(["run", "linkedin", "--replay", variant("on")], tmp_path / "home")
    child.expect(r"will be turned off")
    child.expect(r"Turn off 1 setting on LinkedIn\? \[y/N\]")
    child.sendline(answer)
    rest, status = finish(child)
    assert status == code
    assert shown in rest


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
