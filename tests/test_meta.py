"""Every flow ships its examples and its tests, and every fixture folder has a flow.

Also: flows declare their facts fully, and saved pages are scrubbed and self-contained.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from optout.engine import registry
from optout.flow import NoSwitch
from optout.testing.contract import fixtures_root

REPO = Path(__file__).parent.parent
FLOW_TESTS = Path(__file__).parent / "flows"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://([^/\s\"'<>)]+)")
SCRIPT = re.compile(r"<script\b", re.I)
MARKER = re.compile(r"""<meta\s+name=["']optout-replay["']\s+content=["']([^"']*)["']""", re.I)
PASSWORD_VALUE = re.compile(
    r"<input\b(?=[^>]*\btype=[\"']?password)(?=[^>]*\bvalue=[\"'][^\"']+)[^>]*>", re.I)
# The platforms' session cookies with a value that is not a stand-in ("replayed..."); headers.
COOKIE = re.compile(r"\b(li_at|JSESSIONID|auth_token|ct0|__Secure-next-auth|sessionKey|"
                    r"c_user|xs|sessionid|SAPISID|SID|MSPAuth|user_session|_gh_sess|"
                    r"substack\.sid)=(?!replayed)\w|"
                    r"^(set-)?cookie:", re.I | re.M)
TOKENISH = re.compile(r"(JSESSIONID|bcookie|bscookie|csrfToken|ajax:\d{6,}|AQE[A-Za-z0-9_-]{40,})")


def test_every_flow_has_fixtures_and_a_test_module() -> None:
    for slug in registry.slugs():
        assert (fixtures_root() / slug).is_dir(), f"flows/{slug}.py has no fixtures/{slug}/"
        module = FLOW_TESTS / f"test_{slug}.py"
        assert module.is_file(), f"flows/{slug}.py has no tests/flows/test_{slug}.py"
        assert re.search(rf'\(FlowContract\):\s+slug = "{slug}"', module.read_text()), module


def test_every_fixture_folder_and_test_module_has_a_flow() -> None:
    folders = {p.name for p in fixtures_root().iterdir() if p.is_dir() and p.name != "__pycache__"}
    modules = {p.stem.removeprefix("test_") for p in FLOW_TESTS.glob("test_*.py")}
    assert folders == set(registry.slugs())
    assert modules == set(registry.slugs())


@pytest.mark.parametrize("slug", registry.slugs())
def test_flow_declares_its_facts(slug: str) -> None:
    flow = registry.load(slug)
    assert flow.title and flow.sources and flow.settings
    assert flow.verified <= date.today()
    assert flow.allows(flow.login.url)
    ids = [s.id for s in flow.settings]
    assert len(ids) == len(set(ids))
    assert all(source.fact.strip() and source.where.strip() for source in flow.sources)
    for setting in flow.settings:
        assert flow.allows(setting.url), setting.url
        assert setting.manual_path, f"{setting.id} needs a manual path for the fallback"
        if setting.targets is not None:
            assert flow.allows(setting.targets.url), setting.targets.url


@pytest.mark.parametrize("slug", [answer.slug for answer in registry.answers()])
def test_a_platform_with_nothing_to_switch_off_says_why_and_where_from(slug: str) -> None:
    answer = registry.entry(slug)
    assert isinstance(answer, NoSwitch)
    assert answer.title and answer.answer.strip().endswith(".")
    assert answer.sources and answer.verified <= date.today()
    assert all(source.fact.strip() and source.where.strip() for source in answer.sources)
    assert not (fixtures_root() / slug).exists() and not (FLOW_TESTS / f"test_{slug}.py").exists()
    if answer.email is not None:
        assert EMAIL.fullmatch(answer.email.to) and "{workspace}" in answer.email.body


@pytest.mark.parametrize("slug", registry.slugs())
def test_saved_pages_are_scrubbed_and_self_contained(slug: str) -> None:
    flow = registry.load(slug)
    for page in (fixtures_root() / slug).rglob("*"):
        if not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        marker = MARKER.search(text)
        if SCRIPT.search(text):  # a page's own behaviour is declared, never smuggled in
            assert marker and "scripted" in marker.group(1).split(), f"{page}: unmarked script"
        assert not PASSWORD_VALUE.search(text), f"{page}: a password field with a value"
        assert not COOKIE.search(text), (page, COOKIE.search(text))
        for email in EMAIL.finditer(text):
            assert email.group().endswith(("@example.com", "@example.org")), (page, email)
        assert not TOKENISH.search(text), (page, TOKENISH.search(text))
        for host in URL.findall(text):
            assert flow.allows(f"https://{host}/"), f"{page} links off the platform: {host}"


def test_no_sessions_or_captures_are_tracked() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True,
                             check=False).stdout.split()
    assert not [f for f in tracked if f.endswith((".har", ".zip")) or "storage" in f]


def test_the_scan_catches_what_it_should() -> None:
    assert PASSWORD_VALUE.search('<input id="p" type="password" value="hunter2">')
    assert not PASSWORD_VALUE.search('<input type="password" value="">')
    assert COOKIE.search("document.cookie = 'li_at=AQEDAR4x'")
    assert not COOKIE.search("document.cookie = 'li_at=replayed-session'")
    marker = MARKER.search('<meta name="optout-replay" content="scripted no-memory">')
    assert marker and marker.group(1).split() == ["scripted", "no-memory"]
