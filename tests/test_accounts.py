"""Accounts: storing credentials for scripts, signing in in a browser, listing, logging out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_support import Outcome, optout, variant
from optout.testing.memory_keyring import MemoryKeyring


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def keyring_entries(home: Path) -> dict[str, str]:
    path = home.parent / "test-keyring.json"
    return json.loads(path.read_text()) if path.exists() else {}


def one_line_error(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1, result.err
    return lines[0]


def test_scripts_store_a_password_from_stdin(home: Path) -> None:
    result = optout("login", "linkedin", "--account", "work", "--username", "member@example.com",
                    "--password-stdin", home=home, stdin="s3cret password\n")
    assert result.code == 0, result.err
    assert "s3cret" not in result.out + result.err
    assert keyring_entries(home)["optout:linkedin:work\npassword"] == "s3cret password"
    listing = json.loads(optout("accounts", "--json", home=home).out)
    assert listing == {"version": 1, "accounts": [{
        "platform": "linkedin", "account": "work", "credentials": True,
        "session_age_seconds": None, "session_source": {"kind": "password"},
        "site": None}]}


def test_password_stdin_needs_a_username(home: Path) -> None:
    result = optout("login", "linkedin", "--password-stdin", home=home, stdin="x\n")
    assert result.code == 2
    assert "--password-stdin needs --username" in one_line_error(result)


def test_the_only_account_is_the_default(home: Path) -> None:
    optout("login", "linkedin", "--account", "work", "--username", "member@example.com",
           "--password-stdin", home=home, stdin="pw\n")
    result = optout("run", "linkedin", "--replay", variant("on"), "--yes", home=home)
    assert result.code == 0
    assert "(account 'work')" in result.out
    status = json.loads(optout("status", "--json", "--replay-runs", home=home).out)
    assert {s["account"] for s in status["settings"]} == {"work"}
    optout("login", "linkedin", "--account", "home", "--username", "other@example.com",
           "--password-stdin", home=home, stdin="pw\n")
    result = optout("run", "linkedin", "--replay", variant("on"), "--yes", home=home)
    assert "(account 'default')" in result.out  # two accounts: no guessing


def test_browser_sign_in_needs_a_display(home: Path) -> None:
    result = optout("login", "linkedin", "--browser", home=home,
                    env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.code == 2
    assert "A visible browser needs a display" in one_line_error(result)


def test_browser_sign_in_keeps_a_session_that_runs_use(home: Path, display: str) -> None:
    pages = variant("person-signs-in")
    result = optout("login", "linkedin", "--browser", "--replay", pages, home=home,
                    env={"DISPLAY": display})
    assert result.code == 0, result.err
    assert "Saved the LinkedIn session for account 'default' (encrypted)" in result.err
    assert keyring_entries(home).keys() == {"optout:sessions\nkey"}  # no password anywhere
    run = optout("run", "linkedin", "--replay", pages, "--dry-run", home=home)
    assert run.code == 4, run.err  # read through the saved session, no credentials needed
    assert "would be turned off" in run.out
    listing = optout("accounts", home=home)
    assert listing.out.split() == ["linkedin", "default", "no", "credentials;", "no", "saved",
                                   "session"]  # replayed sessions are kept apart from real ones


def test_logout_removes_credentials_and_session(home: Path, display: str) -> None:
    optout("login", "linkedin", "--username", "member@example.com", "--password-stdin",
           home=home, stdin="pw\n")
    optout("login", "linkedin", "--browser", "--replay", variant("person-signs-in"), home=home,
           env={"DISPLAY": display})
    replayed = home / "sessions" / "replay" / "linkedin" / "default.session"
    live = home / "sessions" / "live" / "linkedin" / "default.session"
    live.parent.mkdir(parents=True)
    shutil.copy(replayed, live)  # stands in for a real sign-in's session
    assert "session saved" in optout("accounts", home=home).out
    result = optout("logout", "linkedin", home=home)
    assert result.code == 0
    assert "Removed the LinkedIn saved session and credentials" in result.err
    assert not live.exists()
    assert not any(k.startswith("optout:linkedin:") for k in keyring_entries(home))
    assert "No accounts yet" in optout("accounts", home=home).err


def test_a_browser_sign_in_without_a_known_cookie_is_proven_by_the_settings_page(
        home: Path, display: str) -> None:
    """eBay names no signed-in cookie: once the person's sign-in lands on eBay's home page,
    optout opens the settings page, and that it shows (no sign-in wall) is what counts."""
    pages = variant("person-signs-in", "ebay")
    result = optout("login", "ebay", "--browser", "--replay", pages, home=home,
                    env={"DISPLAY": display})
    assert result.code == 0, result.err
    assert "Once you are in, optout opens the settings page to be sure." in result.err
    assert "Saved the eBay session for account 'default' (encrypted)" in result.err
    run = optout("run", "ebay", "--replay", pages, "--dry-run", home=home)
    assert run.code == 4, run.err  # read through the saved session, no credentials needed
    assert "would be turned off" in run.out


def test_leaving_the_sign_in_without_signing_in_is_not_taken_for_a_session(
        tmp_path: Path, display: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A person who wanders off to eBay's home page signed out: the settings page sends the
    browser back to sign in, so nothing is saved and optout keeps waiting, then says so."""
    import asyncio

    from optout.engine import registry
    from optout.errors import PersonNeeded
    from optout.web.browser_login import sign_in_in_browser
    from optout.web.replay import Replay

    pages = tmp_path / "pages"
    shutil.copytree(variant("person-signs-in", "ebay"), pages)
    sign_in = pages / "signin.ebay.com" / "ws" / "eBayISAPI.dll.html"
    text = sign_in.read_text()
    assert "document.cookie = 'replayed-session=1" in text
    sign_in.write_text(text.replace("document.cookie = 'replayed-session=1; domain=.ebay.com; "
                                    "path=/; secure';", ""))
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setenv("OPTOUT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OPTOUT_BROWSER")  # the visible browser (the headless shell has no window)
    replay = Replay.open(pages)
    with pytest.raises(PersonNeeded) as raised:
        asyncio.run(sign_in_in_browser(registry.load("ebay"), "default", replay, seconds=8))
    assert "The eBay sign-in was not finished within 8 seconds; nothing was saved." in str(
        raised.value)
    assert not list((tmp_path / "home").rglob("*.session"))
    assert "https://accountsettings.ebay.com/ai-preferences" in replay.served  # it was tried


def test_a_page_waiting_for_a_code_is_never_taken_from_the_person(
        tmp_path: Path, display: str, monkeypatch: pytest.MonkeyPatch,
        memory_keyring: MemoryKeyring) -> None:
    """A code page off the known sign-in paths: while it shows a code field optout leaves it
    alone, however long the person takes, and checks the settings only once they are through."""
    import asyncio

    from optout.engine import registry
    from optout.web.browser_login import sign_in_in_browser
    from optout.web.replay import Replay

    pages = tmp_path / "pages"
    shutil.copytree(variant("person-signs-in", "ebay"), pages)
    sign_in = pages / "signin.ebay.com" / "ws" / "eBayISAPI.dll.html"
    sign_in.write_text(sign_in.read_text().replace(
        "document.cookie = 'replayed-session=1; domain=.ebay.com; path=/; secure';\n"
        "      location.replace('https://www.ebay.com/');",
        "location.replace('https://signin.ebay.com/verify/code');"))
    (pages / "signin.ebay.com" / "verify").mkdir()
    (pages / "signin.ebay.com" / "verify" / "code.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta name='optout-replay' content='scripted "
        "no-memory'><meta charset='utf-8'><title>Verify it's you | eBay</title></head><body>"
        "<main><h1>Enter the code we sent</h1><input autocomplete='one-time-code' "
        "aria-label='Code'></main><script>setTimeout(() => { document.cookie = "
        "'replayed-session=1; domain=.ebay.com; path=/; secure'; "
        "location.replace('https://www.ebay.com/'); }, 4500);</script></body></html>")
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setenv("OPTOUT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OPTOUT_BROWSER")
    replay = Replay.open(pages)
    saved = asyncio.run(sign_in_in_browser(registry.load("ebay"), "default", replay, seconds=30))
    assert saved.is_file() and memory_keyring.entries  # the session's key, nothing else
    served = [u.split("?")[0] for u in replay.served]
    assert served == ["https://signin.ebay.com/ws/eBayISAPI.dll",
                      "https://signin.ebay.com/verify/code", "https://www.ebay.com/",
                      "https://accountsettings.ebay.com/ai-preferences"]
