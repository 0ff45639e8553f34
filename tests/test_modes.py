"""Everything optout makes is the user's only: every folder 0700, every file 0600, parents of
the home included, after a full round of sign-in, run, check, report and capture."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cli_support import optout, variant

SERVICE = "optout:linkedin:default"


def offenders(home: Path, made_above: list[Path]) -> list[str]:
    """Each folder not 0700 and each file not 0600, under `home` and in `made_above`."""
    wrong = []
    for folder in made_above:
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode != 0o700:
            wrong.append(f"{oct(mode)} {folder}/")
    for root, folders, files in os.walk(home):
        for name in [root, *(os.path.join(root, f) for f in folders)]:
            mode = stat.S_IMODE(os.lstat(name).st_mode)
            if mode != 0o700:
                wrong.append(f"{oct(mode)} {name}/")
        for name in (os.path.join(root, f) for f in files):
            mode = stat.S_IMODE(os.lstat(name).st_mode)
            if mode != 0o600:
                wrong.append(f"{oct(mode)} {name}")
    return sorted(set(wrong))


def test_every_folder_is_0700_and_every_file_0600(tmp_path: Path) -> None:
    home = tmp_path / "made" / "by-optout" / "home"  # its two parents are optout's to make
    keyring = {"OPTOUT_TEST_KEYRING_FILE": str(tmp_path / "test-keyring.json")}
    previous = os.umask(0o022)  # the usual umask, whatever the test runner's
    try:
        steps = [
            (["login", "linkedin", "--username", "member@example.com", "--password-stdin"],
             "correct horse\n", {0}),
            (["run", "linkedin", "--replay", variant("login"), "--yes"], "", {0}),  # signs in
            (["check", "linkedin", "--replay", variant("on")], "", {0, 4}),
            (["run", "linkedin", "--replay", variant("broken"), "--yes"], "", {8}),  # a capture
            (["report", "--format", "html", "--output", str(home / "report.html")], "", {0}),
        ]
        for args, stdin, codes in steps:
            result = optout(*args, home=home, env=keyring, stdin=stdin)
            assert result.code in codes, f"{args}: {result.code}\n{result.out}\n{result.err}"
    finally:
        os.umask(previous)
    # What the round made: the sign-in's session and ledger, history, receipts, a capture...
    for made in ("accounts.json", "logins-replay.json", "history.sqlite3", "locks",
                 "logs/optout.log", "receipts/receipts.jsonl", "report.html",
                 "sessions/replay/linkedin/default.session"):
        assert (home / made).exists(), made
    assert any((home / "captures").iterdir())
    wrong = offenders(home, [tmp_path / "made", tmp_path / "made" / "by-optout"])
    assert not wrong, "not user-only:\n" + "\n".join(wrong)
