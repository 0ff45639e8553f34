"""A platform's regional sites from the command line: `--site` picks the account's, once."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from cli_support import Outcome, optout, variant

EMAIL, PASSWORD = "member@example.com", "correct horse"
UK = variant("uk", "ebay")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def one_line(result: Outcome) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("optout:")]
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


def chosen(home: Path) -> list[dict[str, str]]:
    where = home / "preferences.toml"
    return tomllib.loads(where.read_text()).get("site", []) if where.exists() else []


def test_a_site_picked_at_login_is_where_run_and_check_go(home: Path) -> None:
    """The UK replay has no eBay.com page at all: reading it proves the site was used."""
    login = optout("login", "ebay", "--site", "www.ebay.co.uk", "--username", EMAIL,
                   "--password-stdin", home=home, stdin=PASSWORD + "\n")
    assert login.code == 0, login.err
    assert "eBay: account 'default' uses ebay.co.uk from now on" in login.err
    assert chosen(home) == [{"platform": "ebay", "account": "default", "site": "ebay.co.uk"}]
    listed = optout("accounts", home=home).out
    assert "ebay         default          credentials stored; no saved session; on ebay.co.uk" \
        in listed
    assert json.loads(optout("accounts", "--json", home=home).out)["accounts"][0]["site"] == \
        "ebay.co.uk"
    run = optout("run", "ebay", "--replay", UK, "--yes", home=home)
    assert run.code == 0, run.err
    assert "eBay (ebay.co.uk) (account 'default')" in run.out
    assert "turned-off" in run.out and "uses ebay.co.uk from now on" not in run.err
    check = optout("check", "ebay", "--replay", UK, home=home)  # a fresh replay reads it on
    assert check.code == 4, check.err
    assert "eBay (ebay.co.uk)" in check.out and "would be turned off" in check.out


def test_the_default_site_takes_the_choice_back(home: Path) -> None:
    picked = optout("run", "ebay", "--site", "ebay.de", "--replay", UK, "--dry-run", home=home)
    assert "uses ebay.de from now on" in picked.err
    back = optout("check", "ebay", "--site", "ebay.com", "--replay", UK, home=home)
    assert "eBay: account 'default' uses ebay.com from now on" in back.err
    assert chosen(home) == []
    assert "https://accountsettings.ebay.com/ai-preferences" in back.err + back.out


def test_each_account_keeps_its_own_site(home: Path) -> None:
    optout("run", "ebay", "--account", "uk", "--site", "ebay.co.uk", "--replay", UK,
           "--dry-run", home=home)
    optout("run", "ebay", "--account", "de", "--site", "ebay.de", "--replay", UK, "--dry-run",
           home=home)
    assert {(e["account"], e["site"]) for e in chosen(home)} == {("uk", "ebay.co.uk"),
                                                                  ("de", "ebay.de")}


@pytest.mark.parametrize(("args", "said"), [
    (("run", "ebay", "--site", "amazon.co.uk"), "'amazon.co.uk' is not one of eBay's sites. "
                                                "Use one of: ebay.com, ebay.co.uk"),
    (("check", "ebay", "--site", "ebay.co.uk.example.com"), "is not one of eBay's sites"),
    (("run", "linkedin", "--site", "linkedin.co.uk"), "LinkedIn has one site; --site is for "
                                                      "platforms with regional sites."),
    (("run", "ebay", "linkedin", "--site", "ebay.de"), "--site is for one platform at a time."),
    (("check", "--all", "--site", "ebay.de"), "--site is for one platform at a time."),
    (("run", "snapchat", "--site", "snapchat.de"), "Snapchat has no setting to work on; --site "
                                                   "does nothing there."),
    (("login", "ebay", "--site", "ebay", "--username", EMAIL, "--password-stdin"),
     "'ebay' is not one of eBay's sites."),
])
def test_a_site_that_cannot_be_is_one_line_and_exit_2(home: Path, args: tuple[str, ...],
                                                      said: str) -> None:
    result = optout(*args, home=home, stdin=PASSWORD + "\n")
    assert result.code == 2
    assert said in one_line(result)
    assert chosen(home) == []  # nothing remembered
    assert PASSWORD not in result.out + result.err


def test_a_damaged_site_choice_stops_every_run_and_is_kept(home: Path) -> None:
    home.mkdir(parents=True)
    damaged = '[[site]]\nplatform = "ebay"\naccount = "default"\n'
    (home / "preferences.toml").write_text(damaged)
    result = optout("check", "ebay", "--replay", UK, home=home)
    assert result.code == 2
    assert "has a [[site]] (number 1) without platform, account and site" in one_line(result)
    (home / "preferences.toml").write_text(damaged + 'site = "ebay.example"\n')
    result = optout("check", "ebay", "--replay", UK, home=home)
    assert result.code == 2
    assert "give eBay a site it doesn't have ('ebay.example')" in one_line(result)
    assert (home / "preferences.toml").read_text() == damaged + 'site = "ebay.example"\n'


def test_platforms_lists_the_sites(home: Path) -> None:
    listed = json.loads(optout("platforms", "--json", home=home).out)
    ebay = next(p for p in listed["platforms"] if p["slug"] == "ebay")
    assert ebay["sites"][:2] == ["ebay.com", "ebay.co.uk"]
    linkedin = next(p for p in listed["platforms"] if p["slug"] == "linkedin")
    assert linkedin["sites"] == []
    text = optout("platforms", home=home).out
    assert "also on ebay.co.uk, ebay.de" in text and "(pick yours with --site)" in text


def test_platforms_can_be_named(home: Path) -> None:
    named = optout("platforms", "ebay", "chatgpt", home=home)
    assert named.code == 0
    assert [line.split()[0] for line in named.out.splitlines() if not line.startswith(" ")] == [
        "ebay", "chatgpt"]
    unknown = optout("platforms", "ebey", home=home)
    assert unknown.code == 2 and "Unknown platform 'ebey'" in one_line(unknown)
