"""Platforms with nothing to switch off: one honest line, or (Slack) the email to send.

Each runs the real `optout` command as a person or a script would; none may start a browser.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from urllib.parse import quote

import pytest

from cli_support import Outcome, optout, variant

SLACK = "https://acme.slack.com"
SUBJECT = "Slack Global model opt-out request"
PLACEHOLDER = "<your workspace address"
# slug, title, words of the answer a person must see (checked literally).
ONE_LINERS = [
    ("reddit", "Reddit", ("licenses", "no way to opt out",
                          "Nearest page: https://www.reddit.com/settings/privacy")),
    ("medium", "Medium", ("GPTBot", "whole site by default", "nothing to do")),
    ("zoom", "Zoom", ("does not use audio, video, chat", "no training switch")),
    ("notion", "Notion", ("does not train models on customer data", "feedback or permission")),
    ("otter", "Otter.ai", ("de-identified", "no setting to stop it")),
    ("discord", "Discord", ("No AI-training control was found", "low confidence")),
]
SLUGS = [slug for slug, _, _ in ONE_LINERS] + ["slack"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def recorder(folder: Path, name: str) -> tuple[Path, Path]:
    """A program that writes its argument to a file and succeeds: (program, its record)."""
    record = folder / f"{name}.txt"
    program = folder / name
    program.write_text(f"#!/bin/sh\nprintf '%s' \"$1\" > '{record}'\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program, record


@pytest.fixture
def no_browser(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """OPTOUT_BROWSER set to a recorder: a started browser leaves a record (and fails)."""
    program, record = recorder(tmp_path, "browser")
    return {"OPTOUT_BROWSER": str(program)}, record


def one_line_error(result: Outcome) -> str:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optout: "), result.err
    assert result.out == ""  # nothing half-printed before the mistake is pointed out
    return lines[0]


@pytest.mark.parametrize(("slug", "title", "words"), ONE_LINERS)
def test_run_prints_one_line_and_exits_0_without_a_browser(
        slug: str, title: str, words: tuple[str, ...], home: Path,
        no_browser: tuple[dict[str, str], Path]) -> None:
    env, started = no_browser
    result = optout("run", slug, home=home, env=env)
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{title}: nothing optout can switch off on the web. ")
    for word in words:
        assert word in lines[0]
    assert not started.exists()


def test_a_platform_name_is_read_whatever_its_case(home: Path) -> None:
    result = optout("run", "Reddit", home=home)
    assert result.code == 0
    assert result.out.startswith("Reddit: nothing optout can switch off on the web.")


def test_only_reddit_points_to_a_nearest_page(home: Path) -> None:
    document = json.loads(optout("platforms", "--json", home=home).out)
    nearest = {p["slug"]: p["nearest"] for p in document["platforms"] if p["slug"] in SLUGS}
    assert nearest == {slug: None for slug in SLUGS} | {
        "reddit": "https://www.reddit.com/settings/privacy"}


def test_platforms_lists_each_with_its_answer(home: Path) -> None:
    result = optout("platforms", home=home)
    assert result.code == 0
    lines = result.out.splitlines()
    for slug, title, words in ONE_LINERS:
        header = next(i for i, line in enumerate(lines) if line.startswith(f"{slug} "))
        assert f"{title} (facts verified " in lines[header]
        answer = lines[header + 1].strip()
        assert answer.startswith("nothing optout can switch off on the web: ")
        assert words[0] in answer
    slack = next(i for i, line in enumerate(lines) if line.startswith("slack "))
    assert "only by email" in lines[slack + 1]


def test_platforms_json_gives_answer_sources_and_date(home: Path) -> None:
    result = optout("platforms", "--json", home=home)
    assert result.code == 0
    entries = {p["slug"]: p for p in json.loads(result.out)["platforms"]}
    for slug in SLUGS:
        entry = entries[slug]
        assert entry["settings"] == [] and entry["no_control"].endswith(".")
        assert entry["sources"] and all(s["fact"] and s["where"] for s in entry["sources"])
    assert entries["slack"]["email"] == "feedback@slack.com"
    assert {entries[slug]["email"] for slug, _, _ in ONE_LINERS} == {None}
    # the verified date is the sources' own date
    assert entries["medium"]["verified"] == "2023-09-28"
    assert any("blog.medium.com" in s["where"] for s in entries["medium"]["sources"])
    assert entries["reddit"]["verified"] == entries["discord"]["verified"] == "2026-05-13"
    assert entries["slack"]["verified"] == "2024-05-17"
    assert entries["otter"]["verified"] == "2023-10-26"
    assert any("§10.4" in s["where"] for s in entries["zoom"]["sources"])


def test_slack_without_workspace_shows_the_email_with_a_placeholder(
        home: Path, no_browser: tuple[dict[str, str], Path]) -> None:
    env, started = no_browser
    result = optout("run", "slack", home=home, env=env)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Slack: no setting to switch off. ")
    assert "Only a workspace owner or primary owner can send it:" in lines
    assert "  To:      feedback@slack.com" in lines
    assert f"  Subject: {SUBJECT}" in lines
    assert PLACEHOLDER in result.out
    assert "Add --workspace URL" in lines[-1]
    assert not started.exists()


def test_slack_with_workspace_fills_in_the_address(home: Path) -> None:
    result = optout("run", "slack", "--workspace", f"  {SLACK}/  ", home=home)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "  To:      feedback@slack.com" in lines
    assert f"  Subject: {SUBJECT}" in lines
    body = [line for line in lines if SLACK in line]
    assert len(body) == 1 and body[0].startswith("  ")  # in the indented body, tidied
    assert f"{SLACK}/" not in result.out
    assert PLACEHOLDER not in result.out and "Add --workspace" not in result.out


def test_slack_json_holds_the_filled_in_email(home: Path) -> None:
    result = optout("run", "slack", "--json", "--workspace", SLACK, home=home)
    assert result.code == 0, result.err
    document = json.loads(result.out)  # stdout is the JSON alone; the text goes to stderr
    assert document["exit_code"] == 0 and document["results"] == []
    email = document["answers"][0]["email"]
    assert email["to"] == "feedback@slack.com" and email["subject"] == SUBJECT
    assert SLACK in email["body"] and email["sender"] == "a workspace owner or primary owner"
    assert "Slack: no setting to switch off." in result.err


def test_reddit_json_says_there_is_no_email(home: Path) -> None:
    result = optout("run", "reddit", "--json", home=home)
    assert result.code == 0
    answer = json.loads(result.out)["answers"][0]
    assert answer["platform"] == "reddit" and answer["email"] is None
    assert answer["nearest"] == "https://www.reddit.com/settings/privacy"


@pytest.mark.parametrize("typed", ["acme.slack.com", "ACME.slack.com/messages"])
def test_a_bare_workspace_host_means_its_https_address(typed: str, home: Path) -> None:
    result = optout("run", "slack", "--workspace", typed, home=home)
    assert result.code == 0, result.err
    assert "https://acme.slack.com" in result.out
    assert "ACME" not in result.out and "/messages" not in result.out


@pytest.mark.parametrize("address", [
    "http://acme.slack.com",  # not https
    "https://example.com",  # another host
    "https://acme.slack.com.example.org",  # slack.com only as a prefix
    "https://acme.slack.com@example.org/",  # slack.com only as a user name
    "acme.slack.com:evil@example.org",  # slack.com only before a user name
    "https://slack.com",  # Slack itself, not a workspace
])
def test_a_bad_workspace_is_one_line_and_exit_2(address: str, home: Path) -> None:
    line = one_line_error(optout("run", "slack", "--workspace", address, home=home))
    assert f"--workspace '{address}' is not a workspace's https address on slack.com." in line
    assert "https://your-team.slack.com" in line


def test_open_mail_needs_a_workspace(home: Path, tmp_path: Path) -> None:
    mailer, record = recorder(tmp_path, "mailer")
    result = optout("run", "slack", "--open-mail", home=home, env={"BROWSER": str(mailer)})
    assert "--open-mail needs --workspace URL" in one_line_error(result)
    assert not record.exists()


def test_open_mail_hands_a_mailto_link_to_the_mail_program(home: Path, tmp_path: Path) -> None:
    mailer, record = recorder(tmp_path, "mailer")
    result = optout("run", "slack", "--workspace", SLACK, "--open-mail", home=home,
                    env={"BROWSER": str(mailer)})
    assert result.code == 0, result.err
    link = record.read_text()
    assert link.startswith(f"mailto:feedback@slack.com?subject={quote(SUBJECT)}&body=")
    assert quote(SLACK) in link
    assert "  To:      feedback@slack.com" in result.out  # the email is shown as well
    assert "opened the email to feedback@slack.com in your mail program" in result.err


def test_open_mail_with_a_bad_workspace_opens_nothing(home: Path, tmp_path: Path) -> None:
    mailer, record = recorder(tmp_path, "mailer")
    result = optout("run", "slack", "--workspace", "https://example.com", "--open-mail",
                    home=home, env={"BROWSER": str(mailer)})
    one_line_error(result)
    assert not record.exists()


@pytest.mark.parametrize("options", [("--workspace", SLACK), ("--open-mail",)])
def test_email_options_on_reddit_are_a_usage_error(options: tuple[str, ...], home: Path) -> None:
    line = one_line_error(optout("run", "reddit", *options, home=home))
    assert "Reddit takes no email" in line


def test_email_options_on_a_flow_are_a_usage_error(home: Path) -> None:
    line = one_line_error(optout("run", "linkedin", "--workspace", SLACK, home=home))
    assert "LinkedIn takes no email" in line and "(slack)" in line


@pytest.mark.parametrize("command", [("login", "reddit"), ("logout", "reddit")])
def test_account_commands_say_there_is_nothing_to_work_on(
        command: tuple[str, ...], home: Path, no_browser: tuple[dict[str, str], Path]) -> None:
    env, started = no_browser
    line = one_line_error(optout(*command, home=home, env=env))
    slug = command[1]
    assert "has no AI-training setting to work on" in line
    assert f"`optout run {slug}` says what there is to know." in line
    assert not started.exists()


def test_a_check_notes_it_and_checks_nothing(
        home: Path, no_browser: tuple[dict[str, str], Path]) -> None:
    env, started = no_browser
    result = optout("check", "reddit", home=home, env=env)
    assert result.code == 0
    assert result.err.startswith("note: Reddit has nothing to check: Reddit licenses")
    assert len(result.err.strip().splitlines()) == 1
    assert not started.exists()
    assert not (home / "history.sqlite3").exists()  # nothing was recorded as checked


def test_a_check_of_several_still_checks_the_others(home: Path) -> None:
    result = optout("check", "otter", "linkedin", "--replay", variant("off"), home=home)
    assert result.code == 0, result.err
    assert "note: Otter.ai has nothing to check" in result.err
    assert "LinkedIn (account 'default')" in result.out


@pytest.mark.parametrize("option", [("--target", "blog"), ("--objection-text", "No."),
                                    ("--delete-activity",)])
def test_setting_options_on_reddit_are_a_usage_error(option: tuple[str, ...],
                                                     home: Path) -> None:
    line = one_line_error(optout("run", "reddit", *option, home=home))
    assert f"Reddit has no setting to work on; {option[0]} does nothing there." in line
