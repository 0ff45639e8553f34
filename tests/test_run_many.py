"""Several platforms in one run, the summary table, progress on a terminal, choices that stick."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from cli_support import FIXTURES, TESTS, Outcome, optout, quick_browser, variant

ESCAPE = "\x1b["


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def merged(tmp_path: Path) -> str:
    """LinkedIn's and X's `on` pages in one replay folder (both have a setting on)."""
    folder = tmp_path / "pages"
    for platform in ("linkedin", "x"):
        shutil.copytree(FIXTURES / platform / "on", folder, dirs_exist_ok=True)
    return str(folder)


def one_line(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


def spawn(args: list[str], home: Path, **extra: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")
           and k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env |= {"OPTOUT_HOME": str(home), "PYTHONPATH": str(TESTS), "TERM": "xterm-256color",
            "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
            "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json")} | extra
    return pexpect.spawn(sys.executable, ["-m", "optout", *args], env=quick_browser(env),
                         encoding="utf-8", timeout=90, dimensions=(40, 80))


def finish(child: pexpect.spawn) -> tuple[str, int]:
    child.expect(pexpect.EOF)
    child.close()
    return str(child.before), int(child.exitstatus or 0)


# Choices that stick

def test_a_skipped_setting_is_read_reported_and_never_changed(home: Path) -> None:
    said = optout("skip", "linkedin", "generative-ai-training", "--why", "I use it on purpose",
                  home=home)
    assert said.code == 0, said.err
    assert "Skipping LinkedIn's 'generative-ai-training' for account 'default'" in said.err
    result = optout("run", "linkedin", "--replay", variant("on"), "--yes", home=home)
    assert result.code == 0, result.err  # the form was sent; the skipped switch sets no bit
    assert re.search(r"skipped +Use my data for training content creation AI models\n +skipped "
                     r"on \d{4}-\d\d-\d\d: I use it on purpose; reads on", result.out), result.out
    assert "turned-off" not in result.out  # never clicked
    assert "1 left as you chose (optout skip)" in result.out
    history = optout("history", "linkedin", "--replay-runs", home=home).out
    assert "skipped          Use my data for training content creation AI models" in history


def test_a_skip_is_undone(home: Path) -> None:
    optout("skip", "linkedin", "generative-ai-training", home=home)
    assert "no longer skipped" in optout("unskip", "linkedin", "generative-ai-training",
                                         home=home).err
    again = optout("unskip", "linkedin", "generative-ai-training", home=home)
    assert again.code == 0 and "was not skipped; nothing changed" in again.err
    result = optout("check", "linkedin", "--replay", variant("on"), home=home)
    assert result.code == 4
    assert "would be turned off" in result.out


def test_a_change_since_the_skip_is_told_once(home: Path) -> None:
    optout("skip", "linkedin", "generative-ai-training", home=home)
    first = optout("check", "linkedin", "--replay", variant("on"), home=home)
    assert "changed" not in first.err  # what it read is remembered
    turned = optout("check", "linkedin", "--replay", variant("off"), home=home)
    told = ("note: LinkedIn: 'Use my data for training content creation AI models' is skipped "
            "as you chose, and it changed: it reads off now (on when last told).")
    assert told in turned.err
    assert told not in optout("check", "linkedin", "--replay", variant("off"), home=home).err


def test_the_preferences_keep_the_persons_comments(home: Path) -> None:
    home.mkdir(parents=True)
    prefs = home / "preferences.toml"
    prefs.write_text("# my own note: keep this\n")
    optout("skip", "linkedin", "data-processing-objection", "--why", "not now", home=home)
    optout("skip", "x", "grok-training", home=home)
    optout("unskip", "x", "grok-training", home=home)
    text = prefs.read_text()
    assert text.startswith("# my own note: keep this\n")
    assert 'setting = "data-processing-objection"' in text and 'why = "not now"' in text
    assert "grok-training" not in text


def test_damaged_preferences_are_one_line_and_never_overwritten(home: Path) -> None:
    home.mkdir(parents=True)
    prefs = home / "preferences.toml"
    prefs.write_text("[[skip]\nplatform = ")
    for args in (("check", "linkedin", "--replay", variant("on")),
                 ("skip", "linkedin", "generative-ai-training")):
        result = optout(*args, home=home)
        assert result.code == 2
        assert "is not valid TOML" in one_line(result)
        assert "It was left as it is" in one_line(result)
    assert prefs.read_text() == "[[skip]\nplatform = "


@pytest.mark.parametrize(("args", "said"), [
    (("skip", "linkedin", "training"), "LinkedIn has no setting 'training'. Its settings: "
     "generative-ai-training, data-processing-objection."),
    (("skip", "nowhere", "x"), "nowhere"),
    (("skip", "linkedin", "generative-ai-training", "--why", "w" * 501), "the most is 500"),
])
def test_bad_skips_are_usage_errors(home: Path, args: tuple[str, ...], said: str) -> None:
    result = optout(*args, home=home)
    assert result.code == 2
    assert said in one_line(result)


# Several platforms, the summary

def test_several_platforms_end_with_one_plain_table_when_piped(home: Path, merged: str) -> None:
    result = optout("check", "linkedin", "x", "--replay", merged, home=home)
    assert result.code == 4
    assert ESCAPE not in result.out + result.err  # no colour and no progress in a pipe
    table = result.out[result.out.index("Summary"):]
    assert re.search(r"LinkedIn +│ Use my data for .*│ ON +│ optout run linkedin", table)
    assert re.search(r"X +│ Allow your public data .*│ ON +│ optout run x", table)
    assert all(len(line) <= 80 for line in table.splitlines())
    json_out = optout("check", "linkedin", "x", "--replay", merged, "--json", home=home)
    assert "Summary" not in json_out.out and ESCAPE not in json_out.out + json_out.err


def test_one_platform_keeps_its_words_and_has_no_table(home: Path) -> None:
    result = optout("check", "linkedin", "--replay", variant("on"), home=home)
    assert "Summary" not in result.out
    assert "LinkedIn (account 'default'), dry-run report:" in result.out


def test_several_platforms_with_no_terminal_are_a_dry_run(home: Path, merged: str) -> None:
    result = optout("run", "linkedin", "x", "--replay", merged, home=home)
    assert result.code == 4
    assert "no terminal to ask, so this is a dry run" in result.err
    assert "turned-off" not in result.out


def test_several_platforms_change_with_yes(home: Path, merged: str) -> None:
    result = optout("run", "linkedin", "x", "--replay", merged, "--yes", home=home)
    assert result.code == 0, result.err
    table = result.out[result.out.index("Summary"):]
    assert table.count("turned-off") == 3 and "form-submitted" in table


@pytest.mark.parametrize(("args", "said"), [
    (("run", "linkedin", "x", "--target", "blog"), "--target is for one platform at a time."),
    (("run", "linkedin", "x", "--workspace", "https://a.slack.com"),
     "--workspace is for one platform at a time."),
    (("run", "x", "github", "--objection-text", "no"),
     "None of these platforms has an objection form"),
    (("run",), "Name a platform to run, or use --all."),
    (("run", "linkedin", "--all"), "Name platforms or use --all, not both."),
])
def test_options_that_mean_nothing_for_the_platforms_are_usage_errors(
        home: Path, args: tuple[str, ...], said: str) -> None:
    result = optout(*args, home=home)
    assert result.code == 2
    assert said in one_line(result)


def test_all_with_no_accounts_says_so(home: Path) -> None:
    result = optout("run", "--all", home=home)
    assert result.code == 0
    assert "No accounts yet" in result.err


# On a terminal

def test_one_question_for_several_platforms_then_everything_is_verified(home: Path,
                                                                        merged: str) -> None:
    child = spawn(["run", "linkedin", "x", "--replay", merged], home)
    child.expect("Summary")
    child.expect(r"Turn off 3 settings and send 1 form on LinkedIn, X\? \[y/N\]")
    child.sendline("y")
    out, code = finish(child)
    assert code == 0, out
    assert out.count("read back off after a reload") == 3
    assert "sent just now" in out
    assert "Summary" in out


def test_no_to_the_one_question_changes_nothing(home: Path, merged: str) -> None:
    child = spawn(["run", "linkedin", "x", "--replay", merged], home)
    child.expect(r"on LinkedIn, X\? \[y/N\]")
    child.sendline("n")
    out, code = finish(child)
    assert code == 4
    assert "Nothing was changed." in out


def test_each_asks_once_per_platform(home: Path, merged: str) -> None:
    child = spawn(["run", "linkedin", "x", "--replay", merged, "--each"], home)
    asked = set()
    for _ in range(2):
        child.expect(r"on (LinkedIn|X)\? \[y/N\]")
        asked.add(child.match.group(1))
        child.sendline("n")
    assert asked == {"LinkedIn", "X"}
    _, code = finish(child)
    assert code == 4


def test_progress_and_colours_on_a_terminal(home: Path, merged: str) -> None:
    child = spawn(["check", "linkedin", "x", "--replay", merged], home)
    child.expect(r"(opening|reading)")  # a live line while it works
    out, code = finish(child)
    assert code == 4
    assert re.search(r"\x1b\[[0-9;]*31m *ON", out), out  # "on" in red
    plain = spawn(["check", "linkedin", "x", "--replay", merged], home, NO_COLOR="1")
    out, _ = finish(plain)
    assert "Summary" in out and not re.search(r"\x1b\[[0-9;]*31m", out)


# A first run that guides

def test_setup_without_a_terminal_explains_the_commands(home: Path) -> None:
    result = optout("setup", home=home)
    assert result.code == 0
    assert "optout setup needs a terminal" in result.out
    assert "optout login PLATFORM --from-browser chrome" in result.out
    assert not home.exists() or not (home / "accounts.json").exists()


def test_setup_signs_in_from_the_browser_runs_a_dry_run_and_offers_the_check(
        home: Path, tmp_path: Path) -> None:
    from browser_profiles import write_firefox_profile

    user = tmp_path / "user"
    write_firefox_profile(user / ".mozilla" / "firefox")
    child = spawn(["setup", "--replay", variant("login", "x")], home, HOME=str(user),
                  XDG_CONFIG_HOME=str(tmp_path / "config"))
    child.expect(r"(\d+)\. X \(x\)")
    number = child.match.group(1)
    child.expect("Numbers or names, separated by spaces")
    child.sendline(number)
    child.expect("How should optout sign in to X")
    child.expect(r"1\. take the session you have in Firefox")
    child.expect(r"Choose")
    child.sendline("1")
    child.expect("Took the X session for account 'default' from Firefox's profile")
    child.expect("A dry run over all of them")
    child.expect(r"Check every day, and tell you when something comes back on\? \[Y/n\]")
    child.sendline("n")
    out, code = finish(child)
    assert code == 0, out
    assert (home / "sessions" / "replay" / "x" / "default.session").is_file()


def test_setup_asks_for_the_regional_site_and_reads_there(home: Path) -> None:
    """eBay in setup: a browser window or a password, then the site, remembered; the dry run
    signs in and reads on eBay.co.uk (the replay has no eBay.com page at all)."""
    child = spawn(["setup", "--replay", variant("uk", "ebay")], home)
    child.expect(r"(\d+)\. eBay \(ebay\)")
    number = child.match.group(1)
    child.expect("Numbers or names, separated by spaces")
    child.sendline(number)
    child.expect("How should optout sign in to eBay")
    child.expect(r"1\. sign in yourself in a browser window")
    child.expect(r"2\. store a username and password in the OS keyring")
    child.expect("Choose")
    child.sendline("2")
    child.expect(r"Your eBay site \(ebay\.com, ebay\.co\.uk, ebay\.de")
    child.sendline("ebay.co.uk")
    child.expect("uses ebay.co.uk from now on")
    child.expect("username")
    child.sendline("member@example.com")
    child.expect("password")
    child.sendline("correct horse")
    child.expect(r"Stored eBay \(ebay\.co\.uk\) credentials for account 'default'")
    child.expect(r"eBay \(ebay\.co\.uk\) \(account 'default'\), dry-run report")
    child.expect("would be turned off")
    child.expect(r"Check every day, and tell you when something comes back on\? \[Y/n\]")
    child.sendline("n")
    out, code = finish(child)
    assert code == 0, out
    assert 'site = "ebay.co.uk"' in (home / "preferences.toml").read_text()


def test_setup_refuses_a_platform_it_does_not_know(home: Path) -> None:
    child = spawn(["setup"], home)
    child.expect("Numbers or names, separated by spaces")
    child.sendline("myspace")
    out, code = finish(child)
    assert code == 2
    assert "'myspace' is not one of the platforms listed" in out


def test_the_table_shows_a_hostile_label_as_escapes() -> None:
    import io

    from optout.cli import table
    from optout.results import PlatformResult, SettingResult, SettingState

    result = PlatformResult("x", "X", "default", settings=[SettingResult(
        "grok-training", "Allow\x1b[2J training\nFAKE LINE", "https://x.com/", SettingState.ON)])
    out = io.StringIO()
    table.render([result, result], out=out)
    text = out.getvalue()
    assert "\x1b" not in text and "\\x1b[2J" in text and "\\nFAKE" in text


def test_a_skipped_setting_that_cannot_be_read_stays_unknown(home: Path) -> None:
    optout("skip", "linkedin", "generative-ai-training", home=home)
    result = optout("check", "linkedin", "--replay", variant("broken"), home=home)
    assert result.code & 8, (result.out, result.err)
    assert "unknown" in result.out and "skipped on" not in result.out
