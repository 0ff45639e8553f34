"""The command line as a person or a script meets it: reports, exit codes, one-line errors."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cli_support import Outcome, optout, variant
from keyrings_for_tests import JsonFileKeyring
from optout.engine import registry
from optout.flows.linkedin import DEFAULT_OBJECTION, OBJECTION_FORM

ON, OFF = variant("on"), variant("off")
LABEL = "Use my data for training content creation AI models"
MANUAL = registry.load("linkedin").settings[0].manual_path
FORM = registry.load("linkedin").settings[1]
# What the saved form page says once it accepted the objection.
THANKS = ("Thanks. We've received your request. We'll review your objection and reply to the "
          "email address you gave us.")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def seed_keyring(home: Path, username: str, password: str, monkeypatch: pytest.MonkeyPatch,
                 account: str = "default") -> None:
    monkeypatch.setenv("OPTOUT_TEST_KEYRING_FILE", str(home.parent / "test-keyring.json"))
    backend = JsonFileKeyring()
    backend.set_password(f"optout:linkedin:{account}", "username", username)
    backend.set_password(f"optout:linkedin:{account}", "password", password)


def one_line_error(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_help_names_commands_and_exit_codes(home: Path) -> None:
    result = optout("--help", home=home, fresh=True)
    assert result.code == 0
    for command in ("platforms", "run", "login", "logout", "demo"):
        assert command in result.out
    assert "64 a change did not persist" in " ".join(result.out.split())


def test_platforms_json_lists_linkedin_with_sources(home: Path) -> None:
    result = optout("platforms", "--json", home=home)
    assert result.code == 0
    document = json.loads(result.out)
    assert document["version"] == 1
    linkedin = next(p for p in document["platforms"] if p["slug"] == "linkedin")
    assert linkedin["settings"][0]["label"] == LABEL
    assert linkedin["settings"][0]["url"].endswith("/settings/data-for-ai-improvement")
    assert linkedin["settings"][1]["url"] == OBJECTION_FORM
    assert linkedin["sources"] and linkedin["verified"] == "2026-10-02"


def test_without_a_terminal_run_is_a_dry_run(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, home=home)
    assert result.code == 4
    assert LABEL in result.out and "would be turned off" in result.out
    assert FORM.label in result.out and "would send the form with this text" in result.out
    assert "no terminal to ask" in result.err
    assert "turned-off" not in result.out and "form-submitted" not in result.out


def test_yes_turns_off_and_verifies_after_reload(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--yes", home=home)
    assert result.code == 0, result.err
    assert "dry-run report" in result.out  # the report comes first, then the result
    assert "turned-off" in result.out and "read back off after a reload" in result.out
    assert f"sent just now; the page said: {THANKS}" in result.out


def test_run_records_the_result_privately(home: Path) -> None:
    optout("run", "linkedin", "--replay", ON, "--yes", "--account", "work", home=home)
    database = home / "history.sqlite3"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    status = json.loads(optout("status", "--json", "--replay-runs", home=home).out)
    assert [(s["account"], s["setting"], s["state"]) for s in status["settings"]] == [
        ("work", "data-processing-objection", "form-submitted"),
        ("work", "generative-ai-training", "turned-off")]


def test_dry_run_on_an_off_page_exits_zero(home: Path) -> None:
    result = optout("run", "LinkedIn", "--replay", OFF, "--dry-run", home=home)
    assert result.code == 0
    assert result.out.count("already off; nothing to do") == 2  # the switch and the form


def test_json_document_is_the_only_stdout(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--yes", "--json", home=home)
    assert result.code == 0
    document = json.loads(result.out)
    assert set(document) == {"version", "results", "exit_code"}
    assert document["version"] == 1 and document["exit_code"] == 0
    platform = document["results"][0]
    assert set(platform) == {"platform", "account", "dry_run", "settings", "error", "exit_code"}
    assert (platform["platform"], platform["account"], platform["error"]) == (
        "linkedin", "default", None)
    assert platform["settings"] == [{
        "id": "generative-ai-training", "label": LABEL,
        "url": "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "state": "turned-off", "before": "on", "action": "turn-off", "reason": "",
        "detail": "", "evidence": "", "manual_path": MANUAL,
    }, {
        "id": "data-processing-objection", "label": FORM.label, "url": OBJECTION_FORM,
        "state": "form-submitted", "before": "on", "action": "send-form",
        "reason": f"the page said: {THANKS}", "detail": DEFAULT_OBJECTION, "evidence": "",
        "manual_path": FORM.manual_path,
    }]
    assert LABEL in result.err  # the human report went to stderr


def test_json_dry_run_reports_on(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--dry-run", "--json", home=home)
    assert result.code == 4
    platform = json.loads(result.out)["results"][0]
    assert platform["dry_run"] is True
    assert [(s["state"], s["action"]) for s in platform["settings"]] == [
        ("on", "turn-off"), ("on", "send-form")]
    assert platform["settings"][1]["detail"] == DEFAULT_OBJECTION  # the text it would send


@pytest.mark.parametrize(("fixture", "code", "shown"), [
    ("did-not-persist", 64, ("on again after a reload",
                             "the form was sent but the page showed no confirmation")),
    ("not-offered", 0, ("Not offered to this account: offered only to members aged 18 or over",
                        "not offered to this account (region, plan or age)")),
])
def test_page_outcomes_and_their_exit_codes(home: Path, fixture: str, code: int,
                                            shown: tuple[str, str]) -> None:
    result = optout("run", "linkedin", "--replay", variant(fixture), "--yes", home=home)
    assert result.code == code, result.out + result.err
    for line in shown:  # the switch's, then the form's
        assert line in result.out
    assert "Traceback" not in result.err


@pytest.mark.parametrize(("fixture", "found"), [("broken", "found nothing"),
                                                ("duplicate", "found 2 matches")])
def test_a_broken_flow_names_step_locator_and_url(home: Path, fixture: str, found: str) -> None:
    result = optout("run", "linkedin", "--replay", variant(fixture), "--yes", home=home)
    assert result.code == 8
    assert "unknown" in result.out and "the site may have changed" in result.out
    error = one_line_error(result)
    assert error.startswith("optout: LinkedIn: The page no longer matches the flow at step")
    assert found in error and "data-for-ai-improvement" in error
    # The message says where the capture of the page is, and how to report it.
    assert f"A capture of the page (personal details removed) is in {home}/captures/" in error
    assert "`optout bugreport linkedin` prints a report to paste into an issue." in error


def test_sign_in_with_stored_credentials(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_keyring(home, "member@example.com", "correct horse", monkeypatch)
    result = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home)
    assert result.code == 0, result.err
    assert "turned-off" in result.out and "form-submitted" in result.out


def test_sign_in_without_credentials_says_how(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home)
    assert result.code == 32
    assert "credentials needed" in result.out
    assert "Run `optout login linkedin --account default` first." in one_line_error(result)


def test_refused_password_is_not_retried(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_keyring(home, "member@example.com", "wrong", monkeypatch)
    result = optout("run", "linkedin", "--replay", variant("login-rejected"), "--yes", home=home)
    assert result.code == 32
    assert "optout will not retry" in one_line_error(result)


def test_checkpoint_hands_over_to_the_person(home: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seed_keyring(home, "member@example.com", "correct horse", monkeypatch)
    result = optout("run", "linkedin", "--replay", variant("checkpoint"), "--yes", home=home)
    assert result.code == 16
    assert "login needed" in result.out
    error = one_line_error(result)
    assert "wants a person to finish signing in (a one-time code)" in error
    assert "Run `optout login linkedin --account default --browser` in a terminal" in error


def test_no_secure_keyring_is_a_clear_line(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", variant("login"), "--yes", home=home,
                    env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert result.code == 32
    assert "No secure keyring is available" in one_line_error(result)


@pytest.mark.parametrize(("args", "message"), [
    (["run", "linkdin"], "Unknown platform 'linkdin'. Did you mean 'linkedin'?"),
    (["run", "linkedin", "--replay", "/nonexistent/pages"], "does not exist"),
    (["run", "linkedin", "--dry-run", "--yes"], "--dry-run and --yes contradict"),
    (["run", "linkedin", "--account", "../../etc"], "Account name '../../etc' is not allowed"),
    (["run", "linkedin", "--frobnicate"], "No such option"),
    (["run"], "Name a platform to run, or use --all."),
    (["logout", "nowhere"], "Unknown platform 'nowhere'"),
])
def test_bad_input_is_one_line_and_exit_2(home: Path, args: list[str], message: str) -> None:
    result = optout(*args, home=home)
    assert result.code == 2
    assert message in one_line_error(result)


def test_replay_folder_without_the_page_says_which_file(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "captured"
    empty.mkdir()
    result = optout("run", "linkedin", "--replay", str(empty), home=home)
    assert result.code == 1
    expected = empty / "www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement.html"
    assert f"The replay folder has no page for it ({expected})." in one_line_error(result)


def test_no_browser_says_how_to_get_one(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, home=home,
                    env={"OPTOUT_BROWSER": "/nonexistent/chrome"})
    assert result.code == 1
    assert "sudo apt-get install chromium" in one_line_error(result)


def test_headed_needs_a_display(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--headed", home=home,
                    env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.code == 2
    assert "A visible browser needs a display" in one_line_error(result)


def test_login_needs_a_terminal(home: Path) -> None:
    result = optout("login", "linkedin", home=home)
    assert result.code == 2
    assert "needs a terminal" in one_line_error(result)


def test_logout_when_nothing_is_stored(home: Path) -> None:
    result = optout("logout", "linkedin", home=home)
    assert result.code == 0
    assert "No LinkedIn credentials or session were stored" in result.err


def test_debug_shows_the_traceback(home: Path) -> None:
    result = optout("--debug", "run", "linkedin", "--replay", "/nonexistent/pages", home=home)
    assert result.code != 0
    assert "Traceback" in result.err


def test_demo_turns_off_then_finds_nothing_to_do(home: Path) -> None:
    result = optout("demo", home=home)
    assert result.code == 0, result.err
    first, second = result.out.split("Run 2:")
    assert "would be turned off" in first and "read back off after a reload" in first
    assert "would send the form with this text" in first and "sent just now" in first
    assert "already off; nothing to do" in second
    assert "not sent again" in second and "would send" not in second
    assert not (home / "results").exists()  # the demo records nothing


def test_manual_shows_the_way_by_hand_for_every_setting(home: Path) -> None:
    plain = optout("run", "linkedin", "--replay", ON, "--dry-run", home=home)
    assert "by hand:" not in plain.out
    result = optout("run", "linkedin", "--replay", ON, "--dry-run", "--manual", home=home)
    assert result.code == 4
    assert f"by hand: {MANUAL} (https://www.linkedin.com/mypreferences/" in result.out
    assert f"by hand: {FORM.manual_path} ({OBJECTION_FORM})" in result.out


@pytest.mark.parametrize(("args", "message"), [
    (["linkedin", "--replay", ON, "--delete-activity"],
     "LinkedIn has no setting that deletes activity"),
    # LinkedIn has an objection form now; ChatGPT has none.
    (["chatgpt", "--replay", variant("on", "chatgpt"), "--objection-text", "Please do not"],
     "ChatGPT has no objection form"),
])
def test_options_a_platform_has_no_use_for_are_refused(home: Path, args: list[str],
                                                      message: str) -> None:
    result = optout("run", *args, "--dry-run", home=home)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) <= 2 and "Traceback" not in result.err


def test_the_person_s_own_objection_text_is_shown_before_it_is_sent(home: Path) -> None:
    result = optout("run", "linkedin", "--replay", ON, "--dry-run", "--objection-text",
                    "Please do not use my data.", home=home)
    assert result.code == 4, result.err
    assert "> Please do not use my data." in result.out
    assert DEFAULT_OBJECTION[:40] not in result.out
