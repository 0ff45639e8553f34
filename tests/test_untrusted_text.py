"""Text optout did not write (typed names, its own files read back, pages) is never trusted raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import optout
from optout.cli import app as cli_app
from optout.printable import for_terminal, one_line
from optout.results import PlatformResult, SettingResult, SettingState

ESCAPES = "\x1b[2J\x1b]8;;https://evil.example\x07\u202e\x9b"


def test_a_typed_name_with_a_line_break_and_escapes_stays_one_printable_line(
        tmp_path: Path) -> None:
    result = optout("run", f"x\noptout: every setting is off{ESCAPES}", home=tmp_path / "home")
    assert result.code == 2
    assert len(result.err.splitlines()) == 1, result.err  # no faked second line
    assert result.err.startswith("optout: Unknown platform 'x\\noptout: every setting is off")
    assert "\\x1b[2j" in result.err and "\\u202e" in result.err
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f or c == "\u202e"
                   for c in result.err)


def test_a_label_read_from_a_page_is_printed_with_its_controls_escaped(
        capsys: pytest.CaptureFixture[str]) -> None:
    setting = SettingResult("ai", f"Use my data{ESCAPES} for AI", "https://example.com/",
                            SettingState.NEW_CONTROL)
    cli_app._show(PlatformResult("example", "Example", "default", [setting]), True, False)
    shown = capsys.readouterr().out
    assert "Use my data\\x1b[2J\\x1b]8;;https://evil.example\\x07\\u202e\\x9b for AI" in shown
    assert "\x1b" not in shown and "\u202e" not in shown and "\x9b" not in shown


def test_multi_line_output_keeps_its_lines_and_single_values_keep_theirs_escaped() -> None:
    assert for_terminal("a\n\tb\r") == "a\n\tb\\r"
    assert one_line("a\nb\tc\u2028") == "a\\nb\\tc\\u2028"
    assert cli_app.dumps({"label": "a\x7fb\x1b"}) == '{\n  "label": "a\\u007fb\\u001b"\n}'
    assert json.loads(cli_app.dumps({"label": "a\x7fb"}))["label"] == "a\x7fb"  # same value


@pytest.mark.parametrize("argv", [["history", "--since", "99999999d"],
                                  ["report", "--since", "999999999h"]])
def test_an_age_before_any_date_is_a_usage_error(tmp_path: Path, argv: list[str]) -> None:
    result = optout(*argv, home=tmp_path / "home")
    assert result.code == 2
    assert result.err.strip() == (f"optout: --since '{argv[2]}' reaches back before any date. "
                                  "Use a shorter age (e.g. 3650d) or a date.")


@pytest.mark.parametrize("names", [["../../../../evil"], ["work\nother"], [7]])
def test_an_account_name_read_back_is_checked_like_a_typed_one(
        tmp_path: Path, names: object) -> None:
    home = tmp_path / "home"
    home.mkdir()
    listing = home / "accounts.json"
    listing.write_text(json.dumps({"linkedin": names}))
    before = listing.read_bytes()
    for argv in (["check", "--all"], ["accounts"], ["run", "linkedin", "--dry-run"]):
        result = optout(*argv, home=home)
        assert result.code == 1, (argv, result.err)
        assert len(result.err.splitlines()) == 1, result.err
        assert result.err.startswith(f"optout: optout's list of accounts {listing} names an "
                                     "account it would never make")
        assert "Traceback" not in result.err and "unexpected" not in result.err
    assert listing.read_bytes() == before  # left for the person to repair
    assert not (tmp_path / "evil.lock").exists() and not list(tmp_path.glob("**/evil*"))


@pytest.mark.parametrize("text", ['{"linkedin": ["work"', '{"linkedin": "work"}', '["work"]'])
def test_a_damaged_list_of_accounts_is_named_not_taken_for_none(tmp_path: Path,
                                                                text: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "accounts.json").write_text(text)
    result = optout("check", "--all", home=home)
    assert result.code == 1  # never "No accounts to check yet" with exit 0
    assert result.err.startswith(f"optout: optout's list of accounts {home / 'accounts.json'} "
                                 "can't be read")
    assert len(result.err.splitlines()) == 1 and "No accounts" not in result.err
