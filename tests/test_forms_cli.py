"""An objection form from the command line: the text shown first, sent once, remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import optout, variant
from optout.flows.facebook import DEFAULT_OBJECTION

ON = variant("on", "facebook")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_the_dry_run_report_shows_the_text_to_be_sent(home: Path) -> None:
    result = optout("run", "facebook", "--replay", ON, "--dry-run", home=home)
    assert result.code == 4
    assert "no request on file: would send the form with this text:" in result.out
    shown = " ".join(line.strip().removeprefix("> ") for line in result.out.splitlines()
                     if line.strip().startswith(">"))
    assert shown == DEFAULT_OBJECTION
    assert "1 form to send on Facebook." in result.out


def test_the_person_s_own_text_is_the_one_shown(home: Path) -> None:
    result = optout("run", "facebook", "--replay", ON, "--dry-run", "--objection-text",
                    "  Not my posts, please.  ", home=home)
    assert "> Not my posts, please." in result.out
    assert DEFAULT_OBJECTION[:40] not in result.out


def test_sent_once_then_reported_as_pending_by_later_runs(home: Path) -> None:
    first = optout("run", "facebook", "--replay", ON, "--yes", home=home)
    assert first.code == 0, first.out + first.err
    assert "form-submitted" in first.out and "sent just now" in first.out
    # A new process, a fresh saved "server": only optout's history knows it was sent.
    again = optout("run", "facebook", "--replay", ON, "--yes", home=home)
    assert again.code == 0
    assert "not sent again; Meta answers by email, within a month" in again.out
    assert "would send" not in again.out and "sent just now" not in again.out


def test_a_check_never_sends_a_form_even_with_fix(home: Path) -> None:
    result = optout("check", "facebook", "--replay", ON, "--fix", home=home)
    assert result.code == 4
    assert "only `optout run facebook` sends one" in result.out
    later = optout("run", "facebook", "--replay", ON, "--dry-run", home=home)
    assert "would send the form" in later.out  # nothing was recorded as sent


@pytest.mark.parametrize(("text", "message"), [
    ("   ", "--objection-text is empty."),
    ("x" * 5001, "--objection-text is 5001 characters; the most is 5000."),
])
def test_a_bad_objection_text_is_one_line(home: Path, text: str, message: str) -> None:
    result = optout("run", "facebook", "--replay", ON, "--objection-text", text, home=home)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


def test_no_form_where_you_live_is_not_called_safe(home: Path) -> None:
    """Meta trains on public posts where it offers no form: "nothing is training" would lie."""
    result = optout("run", "facebook", "--replay", variant("not-offered", "facebook"),
                    "--dry-run", home=home)
    assert result.code == 0
    assert "offered only in the EU/EEA, the UK, Switzerland, Brazil, Japan and South Korea" in (
        result.out)
    assert "Facebook: nothing more optout can do here (1 not offered to this account)." in (
        result.out)
    assert "nothing is training" not in result.out
