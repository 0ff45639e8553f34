"""Browser profiles by the names the browsers show, and cookies as a browser session keeps them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optout.engine import registry
from optout.errors import UsageError
from optout.web.cookie_store import _merged
from optout.web.profiles import Profile, choose, profiles


def chrome_profile(user_data: Path, folder: str, network: bool = True) -> Path:
    where = user_data / folder / ("Network" if network else "")
    where.mkdir(parents=True)
    (where / "Cookies").write_bytes(b"")
    return user_data / folder


def local_state(user_data: Path, names: dict[str, str]) -> None:
    (user_data / "Local State").write_text(json.dumps(
        {"profile": {"info_cache": {k: {"name": v} for k, v in names.items()}}}))


def test_chrome_profiles_are_named_from_local_state(tmp_path: Path) -> None:
    chrome_profile(tmp_path, "Default")
    chrome_profile(tmp_path, "Profile 2", network=False)  # before Chrome 96: no Network/
    (tmp_path / "Profile 3").mkdir()  # no cookie store: not offered
    local_state(tmp_path, {"Default": "Personal", "Profile 2": "Work", "Profile 3": "Empty"})
    found = profiles("chrome", [tmp_path])
    assert [(p.name, p.folder.name) for p in found] == [("Personal", "Default"),
                                                        ("Work", "Profile 2")]
    assert found[0].cookie_file() == tmp_path / "Default" / "Network" / "Cookies"
    assert found[1].describe() == "Chrome's profile 'Work'"


def test_a_damaged_local_state_still_lists_the_folders(tmp_path: Path) -> None:
    chrome_profile(tmp_path, "Default")
    (tmp_path / "Local State").write_text("{not json")
    assert [p.name for p in profiles("brave", [tmp_path])] == ["Default"]


def test_firefox_profiles_come_from_profiles_ini_the_installs_default_first(
        tmp_path: Path) -> None:
    for folder in ("a.default", "b.default-release"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cookies.sqlite").write_bytes(b"")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "cookies.sqlite").write_bytes(b"")
    (tmp_path / "profiles.ini").write_text(
        "[Profile1]\nName=default\nIsRelative=1\nPath=a.default\nDefault=1\n\n"
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=b.default-release\n\n"
        f"[Profile2]\nName=Work\nIsRelative=0\nPath={elsewhere}\n\n"
        "[Install4F96D1932A9F858E]\nDefault=b.default-release\nLocked=1\n")
    found = profiles("firefox", [tmp_path])
    assert [p.name for p in found] == ["default-release", "default", "Work"]
    assert found[2].folder == elsewhere


def test_a_profile_is_chosen_by_name_folder_or_user_data_folder(tmp_path: Path) -> None:
    user_data = tmp_path / "chromium"
    work = chrome_profile(user_data, "Profile 1")
    chrome_profile(user_data, "Default")
    local_state(user_data, {"Default": "Personal", "Profile 1": "Work"})
    chosen = choose("chromium", str(work))
    assert chosen == Profile("chromium", "Work", work)  # its folder, named as the browser does
    several = choose("chromium", str(user_data))
    assert isinstance(several, list) and [p.name for p in several] == ["Personal", "Work"]
    with pytest.raises(UsageError, match="holds no Chromium profile"):
        choose("chromium", str(tmp_path))
    with pytest.raises(UsageError, match="There is no folder"):
        choose("chromium", str(tmp_path / "missing"))


def test_two_profiles_with_one_name_are_told_apart_by_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    user_data = tmp_path / "chromium"
    chrome_profile(user_data, "Default")
    chrome_profile(user_data, "Profile 1")
    local_state(user_data, {"Default": "Work", "Profile 1": "Work"})
    with pytest.raises(UsageError, match="several profiles called 'Work'") as raised:
        choose("chromium", "work")
    assert str(user_data / "Profile 1") in raised.value.hint


@pytest.mark.parametrize(("host", "kept"), [
    ("x.com", True), (".x.com", True), ("api.x.com", True), (".twitter.com", True),
    ("box.com", False), (".x.com.example.net", False), ("notx.com", False), ("", False),
])
def test_only_the_flows_own_domains_belong(host: str, kept: bool) -> None:
    assert registry.load("x").owns_host(host) is kept  # x.com and twitter.com


def test_cookies_keep_their_attributes_and_expired_ones_are_dropped() -> None:
    class Value:
        def __init__(self, domain: str, name: str, value: str) -> None:
            self.domain, self.name, self.path, self.value = domain, name, "/", value

    year_2030_chrome = (1_893_456_000 + 11_644_473_600) * 1_000_000
    rows = [(".x.com", "auth_token", "/", year_2030_chrome, 1, 1, 0, b"v10"),
            ("x.com", "lang", "/", 0, 0, 0, -1, b"v10"),  # ends with the browser's session
            ("x.com", "old", "/", 13_000_000_000_000_000, 1, 0, 1, b"v10"),  # long expired
            ("x.com", "gone", "/", 0, 1, 0, 0, b"v10")]  # not decrypted: left out
    values = [Value(".x.com", "auth_token", "t"), Value("x.com", "lang", "en"),
              Value("x.com", "old", "o")]
    cookies = _merged(rows, values, firefox=False)
    assert cookies == [
        {"name": "auth_token", "value": "t", "domain": ".x.com", "path": "/",
         "expires": 1_893_456_000.0, "httpOnly": True, "secure": True, "sameSite": "None"},
        {"name": "lang", "value": "en", "domain": "x.com", "path": "/", "expires": -1,
         "httpOnly": False, "secure": False, "sameSite": "Lax"}]


def test_an_expired_sign_in_is_not_a_sign_in(tmp_path: Path) -> None:
    import time

    from browser_profiles import write_firefox_profile
    from optout.flows.x import FLOW
    from optout.web.cookie_store import NotSignedIn, take

    write_firefox_profile(tmp_path, signed_in_until=time.time() - 3600)
    profile = profiles("firefox", [tmp_path])[0]
    said = r"not signed in to X in Firefox's profile 'default-release'"
    with pytest.raises(NotSignedIn, match=said):
        take(FLOW, profile)


def test_a_current_sign_in_is_taken_with_the_flows_cookies_only(tmp_path: Path) -> None:
    from browser_profiles import X_CANARY, write_firefox_profile
    from optout.flows.x import FLOW
    from optout.web.cookie_store import take

    write_firefox_profile(tmp_path)
    taken = take(FLOW, profiles("firefox", [tmp_path])[0])
    assert {(c["name"], c["domain"]) for c in taken.cookies} == {
        ("auth_token", ".x.com"), ("lang", "x.com"), ("twid", ".x.com")}
    assert X_CANARY in [c["value"] for c in taken.cookies]
