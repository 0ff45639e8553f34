"""Flow descriptions: tolerant name patterns, domain checks, and what a setting must declare."""

from __future__ import annotations

import pytest

from optout.flow import Confirm, Find, Section, Setting
from optout.flows.linkedin import FLOW


@pytest.mark.parametrize("label", [
    "Use my data for training content creation AI models",
    "Use my data for training\n   content creation AI models",
    "USE MY DATA FOR TRAINING CONTENT CREATION AI MODELS",
])
def test_names_match_case_and_whitespace_tolerantly(label: str) -> None:
    assert Find("switch", r"training content creation ai models").pattern().search(label)


@pytest.mark.parametrize(("label", "matches"), [
    ("Login", True), ("Log in", True), ("Log\n  in", True), ("Sign in", True), ("Log-in", False),
    ("Log into your account", False),
])
def test_an_optional_space_may_be_none_or_any_white_space(label: str, matches: bool) -> None:
    """"log ?in" is written for "Login" and "Log in" alike (grok's and Quora's buttons)."""
    assert bool(Find("button", r"^(log ?in|sign ?in)$").pattern().search(label)) is matches


def test_names_do_not_match_neighbours() -> None:
    pattern = FLOW.settings[0].control.pattern()
    assert not pattern.search("Use my data for AI-powered profile writing suggestions")


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://www.linkedin.com/login", True),
    ("https://linkedin.com/login", True),
    ("https://www.linkedin.com.evil.example/login", False),
    ("https://evil-linkedin.com/login", False),
    ("http://127.0.0.1/login", False),
])
def test_credentials_only_on_own_domains(url: str, allowed: bool) -> None:
    assert FLOW.allows(url) is allowed


def test_login_and_challenge_pages_are_told_apart() -> None:
    assert FLOW.is_login_page("https://www.linkedin.com/login?session_redirect=x")
    assert FLOW.is_challenge_page("https://www.linkedin.com/checkpoint/challenge/AQx")
    assert not FLOW.is_login_page("https://www.linkedin.com/checkpoint/challenge/AQx")
    assert not FLOW.is_login_page(FLOW.settings[0].url)


def test_a_dialog_confirmation_needs_its_button() -> None:
    with pytest.raises(ValueError, match="needs a confirm_button"):
        Setting("x", "X", "https://example.com/", Section("main", "x"), Find("toggle", "x"),
                confirm=Confirm.DIALOG)
