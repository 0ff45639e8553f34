"""`optout login --from-browser`: the session the person has, from a real browser profile."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from browser_profiles import (
    LINKEDIN_CANARY,
    OTHER_SITE_CANARY,
    X_CANARY,
    HeldOpen,
    make_chromium_profile,
    write_firefox_profile,
)
from cli_support import Outcome, optout, variant

FROM_CHROMIUM = ("--from-browser", "chromium")
TOOK = ("Took the LinkedIn session for account 'default' from Chromium's profile "
        "'Your Chromium' (only its cookies for linkedin.com; kept encrypted).")


@pytest.fixture(scope="session")
def made_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Chromium user-data folder made by Chromium, signed in to LinkedIn: made once for all
    of the run's workers (each test copies it), as starting Chromium costs seconds."""
    import os

    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's folder sits in the run's own: share that, never an older run's.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    user_data = shared / "made-chromium-profile" / "chromium"
    with FileLock(str(shared / "made-chromium-profile.lock")):
        if not (user_data.parent / "done").exists():
            shutil.rmtree(user_data.parent, ignore_errors=True)
            make_chromium_profile(user_data)
            (user_data.parent / "done").touch()
    return user_data


@pytest.fixture
def config(tmp_path: Path, made_profile: Path) -> Path:
    """This test's XDG config folder, holding its own copy of the Chromium profile."""
    folder = tmp_path / "config"
    shutil.copytree(made_profile, folder / "chromium", symlinks=True)
    return folder


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def keyring(home: Path) -> dict[str, str]:
    path = home.parent / "test-keyring.json"
    return json.loads(path.read_text()) if path.exists() else {}


def saved_cookies(home: Path, platform: str = "linkedin",
                  namespace: str = "replay") -> list[dict[str, object]]:
    key = keyring(home)["optout:sessions\nkey"]
    token = (home / "sessions" / namespace / platform / "default.session").read_bytes()
    cookies: list[dict[str, object]] = json.loads(Fernet(key.encode()).decrypt(token))["cookies"]
    return cookies


def browser_env(home: Path, config: Path) -> dict[str, str]:
    scratch = home.parent / "tmp"
    scratch.mkdir(exist_ok=True)
    return {"XDG_CONFIG_HOME": str(config), "HOME": str(home.parent / "user"),
            "TMPDIR": str(scratch)}


def one_line(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


def test_only_the_platforms_cookies_are_taken_and_a_run_uses_them(home: Path,
                                                                   config: Path) -> None:
    env = browser_env(home, config)
    result = optout("login", "linkedin", *FROM_CHROMIUM, "--replay", variant("login"),
                    home=home, env=env)
    assert result.code == 0, result.err
    assert TOOK in result.err
    cookies = {(c["name"], c["domain"]): c for c in saved_cookies(home)}
    assert set(cookies) == {("bcookie", ".linkedin.com"), ("li_at", "www.linkedin.com"),
                            ("liap", "www.linkedin.com")}  # never example.org's, nor
    # notlinkedin.com's, whose name only ends like LinkedIn's
    canary = cookies[("bcookie", ".linkedin.com")]
    assert canary["value"] == LINKEDIN_CANARY
    assert canary["httpOnly"] is True and canary["secure"] is True
    assert canary["sameSite"] == "None"
    assert cookies[("liap", "www.linkedin.com")]["httpOnly"] is False
    assert float(str(canary["expires"])) > 1.7e9  # seconds since 1970, not Chrome's own clock
    assert set(keyring(home)) == {"optout:sessions\nkey"}  # no password anywhere
    run = optout("run", "linkedin", "--replay", variant("login"), "--dry-run", home=home)
    # The replayed settings page sends a visitor without LinkedIn's cookie to its sign-in
    # page, where a run with no stored password would stop (exit 32).
    assert run.code == 4, run.err
    assert "would be turned off" in run.out


def test_the_store_is_read_from_a_copy_while_chromium_runs(home: Path, config: Path) -> None:
    store = config / "chromium" / "Default" / "Cookies"
    with HeldOpen(config / "chromium"):
        result = optout("login", "linkedin", *FROM_CHROMIUM, home=home,
                        env=browser_env(home, config))
        before = store.read_bytes()
    assert result.code == 0, result.err
    assert LINKEDIN_CANARY in [c["value"] for c in saved_cookies(home, namespace="live")]
    assert store.read_bytes() == before  # nothing was written to the browser's own store


def test_a_firefox_profile_is_read_with_what_its_log_holds(home: Path, tmp_path: Path) -> None:
    user = home.parent / "user"
    still_open = write_firefox_profile(user / ".mozilla" / "firefox", hold=True)
    assert still_open is not None
    try:
        result = optout("login", "x", "--from-browser", "firefox", "--replay",
                        variant("login", "x"), home=home,
                        env=browser_env(home, tmp_path / "no-config"))
    finally:
        still_open.close()
    assert result.code == 0, result.err
    assert "from Firefox's profile 'default-release'" in result.err
    cookies = {(c["name"], c["domain"]): c for c in saved_cookies(home, "x")}
    assert set(cookies) == {("auth_token", ".x.com"), ("lang", "x.com"), ("twid", ".x.com")}
    assert cookies[("auth_token", ".x.com")]["value"] == X_CANARY
    assert cookies[("auth_token", ".x.com")]["httpOnly"] is True
    expires = float(str(cookies[("twid", ".x.com")]["expires"]))
    assert 1.7e9 < expires < 1e10  # milliseconds in the store, seconds in the session
    check = optout("check", "x", "--replay", variant("login", "x"), home=home)
    assert check.code in (0, 4), check.err  # the settings page was read: no sign-in needed
    assert "sign" not in check.err.lower(), check.err


def test_a_profile_not_signed_in_saves_nothing(home: Path, config: Path) -> None:
    result = optout("login", "github", *FROM_CHROMIUM, home=home, env=browser_env(home, config))
    assert result.code == 16
    assert ("You are not signed in to GitHub Copilot in Chromium's profile 'Your Chromium'; "
            "nothing was saved.") in one_line(result)
    assert not (home / "sessions").exists()
    assert "No accounts yet" in optout("accounts", home=home).err


def test_a_damaged_store_is_one_line(home: Path, config: Path) -> None:
    (config / "chromium" / "Default" / "Cookies").write_bytes(b"not a database " * 200)
    result = optout("login", "linkedin", *FROM_CHROMIUM, home=home, env=browser_env(home, config))
    assert result.code == 32
    line = one_line(result)
    assert "The cookie store of Chromium's profile 'Your Chromium' can't be read" in line
    assert "optout login linkedin --browser" in line
    assert not (home / "sessions").exists()


def add_profile(config: Path, folder: str, name: str) -> Path:
    user_data = config / "chromium"
    shutil.copytree(user_data / "Default", user_data / folder, symlinks=True)
    local_state = user_data / "Local State"
    data = json.loads(local_state.read_text())
    data["profile"]["info_cache"][folder] = {"name": name}
    local_state.write_text(json.dumps(data))
    return user_data / folder


def test_several_profiles_are_named_as_the_browser_shows_them(home: Path, config: Path) -> None:
    work = add_profile(config, "Profile 1", "Work")
    env = browser_env(home, config)
    unsure = optout("login", "linkedin", *FROM_CHROMIUM, home=home, env=env)
    assert unsure.code == 2
    assert ("Chromium has 2 profiles ('Your Chromium', 'Work'). Say which with "
            "--browser-profile NAME (or its folder).") in one_line(unsure)
    unknown = optout("login", "linkedin", *FROM_CHROMIUM, "--browser-profile", "Home",
                     home=home, env=env)
    assert unknown.code == 2
    assert "Chromium has no profile called 'Home'" in one_line(unknown)
    by_name = optout("login", "linkedin", *FROM_CHROMIUM, "--browser-profile", "work",
                     home=home, env=env)
    assert by_name.code == 0, by_name.err
    assert "from Chromium's profile 'Work'" in by_name.err
    by_folder = optout("login", "linkedin", *FROM_CHROMIUM, "--browser-profile", str(work),
                       "--account", "second", home=home, env=env)
    assert by_folder.code == 0, by_folder.err
    assert "from Chromium's profile 'Work'" in by_folder.err


def test_a_key_only_the_browser_holds_is_one_line_naming_the_alternative(
        home: Path, config: Path) -> None:
    with sqlite3.connect(config / "chromium" / "Default" / "Cookies") as db:
        # Chrome on Windows seals cookies with app-bound encryption (prefix v20).
        db.execute("UPDATE cookies SET encrypted_value = X'763230' || randomblob(48)")
    db.close()
    result = optout("login", "linkedin", *FROM_CHROMIUM, home=home, env=browser_env(home, config))
    assert result.code == 32
    assert ("Chromium keeps its cookies with app-bound encryption (Windows), which only the "
            "browser itself may read. `optout login linkedin --browser` signs you in in a "
            "browser window instead.") in one_line(result)


def test_on_a_terminal_the_person_picks_among_profiles(home: Path, config: Path) -> None:
    import os
    import sys

    import pexpect

    from cli_support import TESTS

    add_profile(config, "Profile 1", "Work")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    env |= browser_env(home, config) | {
        "OPTOUT_HOME": str(home), "PYTHONPATH": str(TESTS),
        "PYTHON_KEYRING_BACKEND": "keyrings_for_tests.JsonFileKeyring",
        "OPTOUT_TEST_KEYRING_FILE": str(home.parent / "test-keyring.json")}
    child = pexpect.spawn(sys.executable, ["-m", "optout", "login", "linkedin", *FROM_CHROMIUM],
                          env=env, encoding="utf-8", timeout=60)
    child.expect(r"1\. Your Chromium \(.*Default\)")
    child.expect(r"2\. Work \(.*Profile 1\)")
    child.expect(r"Which Chromium profile \(1-2\)")
    child.sendline("2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "from Chromium's profile 'Work'" in str(child.before)


def test_an_ended_session_is_taken_again_from_the_browser_during_a_check(
        home: Path, config: Path) -> None:
    pages = variant("session-expires")
    env = browser_env(home, config)
    assert optout("login", "linkedin", *FROM_CHROMIUM, "--replay", pages, home=home,
                  env=env).code == 0
    first = optout("check", "linkedin", "--replay", pages, home=home, env=env)
    assert first.code == 4, first.err
    # The second visit finds the session ended: a fresh copy comes from the profile.
    second = optout("check", "linkedin", "--replay", pages, home=home, env=env)
    assert second.code == 4, second.err
    assert ("LinkedIn: the saved session had ended; took a fresh one from Chromium's profile "
            "'Your Chromium'.") in second.err
    assert "ON" in second.out


def test_when_the_browser_is_signed_out_too_a_person_is_needed_and_no_password_is_typed(
        home: Path, config: Path) -> None:
    env = browser_env(home, config)
    assert optout("login", "linkedin", *FROM_CHROMIUM, "--replay", variant("login"), home=home,
                  env=env).code == 0
    session = home / "sessions" / "replay" / "linkedin" / "default.session"
    session.write_bytes(b"ended")  # a session that no longer works
    with sqlite3.connect(config / "chromium" / "Default" / "Cookies") as db:
        db.execute("DELETE FROM cookies WHERE host_key LIKE '%linkedin.com'")  # signed out
    db.close()
    entries = keyring(home) | {"optout:linkedin:default\nusername": "member@example.com",
                               "optout:linkedin:default\npassword": "a password"}
    (home.parent / "test-keyring.json").write_text(json.dumps(entries))
    # A run may sign in with a stored password; this account's sessions come from the browser.
    result = optout("run", "linkedin", "--replay", variant("login"), "--dry-run", home=home,
                    env=env)
    assert result.code == 16, (result.out, result.err)
    assert ("LinkedIn: login needed (the saved session ended and Chromium's profile "
            "'Your Chromium' has no LinkedIn sign-in either).") in result.out + result.err
    assert (f"optout login linkedin --account default --from-browser chromium "
            f"--browser-profile {(config / 'chromium' / 'Default').resolve()}") in (
                result.out + result.err)


def test_no_cookie_value_reaches_output_logs_or_files(home: Path, config: Path) -> None:
    env = browser_env(home, config)
    seen = [optout("--debug", "login", "linkedin", *FROM_CHROMIUM, "--replay",
                   variant("login"), home=home, env=env),
            optout("--debug", "check", "linkedin", "--replay", variant("login"), home=home,
                   env=env),
            optout("accounts", "--json", home=home, env=env),
            optout("login", "github", *FROM_CHROMIUM, home=home, env=env)]
    assert [r.code for r in seen] == [0, 4, 0, 16], [r.err for r in seen]
    for canary in (LINKEDIN_CANARY, OTHER_SITE_CANARY):
        for result in seen:
            assert canary not in result.out + result.err
        for path in home.rglob("*"):
            if path.is_file() and path.suffix != ".session":  # sessions are encrypted
                assert canary.encode() not in path.read_bytes(), path
    assert not list((home.parent / "tmp").iterdir())  # the store's copy is gone


def test_accounts_say_where_the_session_came_from_and_logout_forgets(home: Path,
                                                                     config: Path) -> None:
    env = browser_env(home, config)
    assert optout("login", "linkedin", *FROM_CHROMIUM, home=home, env=env).code == 0
    listing = optout("accounts", home=home).out
    assert ("linkedin     default          no credentials; session from Chromium's profile "
            "'Your Chromium', saved ") in listing
    entry = json.loads(optout("accounts", "--json", home=home).out)["accounts"][0]
    assert entry["session_source"] == {
        "kind": "from-browser", "browser": "chromium", "profile": "Your Chromium",
        "folder": str((config / "chromium" / "Default").resolve())}
    result = optout("logout", "linkedin", home=home)
    assert result.code == 0
    assert ("Removed the LinkedIn saved session and link to Chromium's profile 'Your Chromium' "
            "for account 'default'.") in result.err
    assert not list((home / "sessions" / "live" / "linkedin").iterdir())


@pytest.mark.parametrize(("args", "said"), [
    (("--browser-profile", "Work"), "--browser-profile needs --from-browser."),
    (("--from-browser", "chromium", "--username", "a@example.com"),
     "--from-browser takes the session only"),
    (("--from-browser", "netscape"), "optout can't read 'netscape'"),
])
def test_bad_choices_are_usage_errors(home: Path, config: Path, args: tuple[str, ...],
                                      said: str) -> None:
    result = optout("login", "linkedin", *args, home=home, env=browser_env(home, config))
    assert result.code == 2
    assert said in one_line(result)


def test_a_platform_with_no_known_sign_in_cookie_is_refused(home: Path, config: Path) -> None:
    result = optout("login", "adobe", *FROM_CHROMIUM, home=home, env=browser_env(home, config))
    assert result.code == 2
    assert "can't yet tell a signed-in Adobe session by its cookies" in one_line(result)


def test_the_readme_names_the_platforms_that_take_a_session_from_a_browser() -> None:
    from cli_support import TESTS
    from optout.engine import registry

    readme = " ".join((TESTS.parent / "README.md").read_text().split())
    known = ", ".join(f.slug for f in registry.all_flows() if f.login.signed_in_cookie)
    assert f"optout knows: {known}." in readme


def test_a_store_unreadable_at_renewal_is_a_login_needed_with_the_command(
        home: Path, config: Path) -> None:
    env = browser_env(home, config)
    assert optout("login", "linkedin", *FROM_CHROMIUM, "--replay", variant("login"), home=home,
                  env=env).code == 0
    (home / "sessions" / "replay" / "linkedin" / "default.session").write_bytes(b"ended")
    (config / "chromium" / "Default" / "Cookies").write_bytes(b"not a database " * 200)
    result = optout("check", "linkedin", "--replay", variant("login"), home=home, env=env)
    assert result.code == 16, (result.out, result.err)
    said = result.out + result.err
    assert ("LinkedIn: login needed (the saved session ended and a fresh copy could not be "
            "read: the cookie store of Chromium's profile 'Your Chromium' can't be read") in said
    assert "--from-browser chromium --browser-profile" in said
