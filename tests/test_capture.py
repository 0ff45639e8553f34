"""Captures of broken pages: saved scrubbed, replayable to the same failure, and `bugreport`."""

from __future__ import annotations

import base64
import json
import shutil
import stat
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked

import optout
from cli_support import FIXTURES
from cli_support import optout as run_optout
from optout import credentials
from optout.engine import registry
from optout.errors import FlowBroken
from optout.evidence.capture import personal_for, scrub_html
from optout.flow import Flow
from optout.results import PlatformResult
from optout.testing.browser import SharedBrowser
from optout.testing.contract import run_variant
from optout.testing.memory_keyring import MemoryKeyring
from optout.web.browser import new_context
from optout.web.replay import Replay

BROKEN = FIXTURES / "x" / "broken"
PAGE = Path("x.com/settings/grok_settings.html")
STEP = "read 'grok-training': control"
# What a real page could carry about the person; none of it may reach a capture.
EMAIL = "jane.doe@mail.example.net"
NAME = "Jane Doe"
PLANTED = {
    "email": EMAIL,
    "name": NAME,
    "hidden token": "c5f1a9b27e4d4c0b9a7e6f1d2c3b4a59",
    "typed value": "typed-by-the-person-7731",
    "draft": "draft-about-my-health-5521",
    "state blob": "884201773",
    "handle in state": "janedoe_1990",
    "data-state": "zq-session-4471",
    "csrf meta": "mT0kenCsrf99887766554433221100",
    "password": "pw-never-shown-314",
}


@pytest.fixture
def flow() -> Flow:
    return registry.load("x")


@pytest.fixture(autouse=True)
def own_keyring(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    """An empty keyring of the test's own: which one a process finds depends on its imports."""
    return memory_keyring


def plant(target: Path) -> Path:
    """fixtures/x/broken, with the person's details planted where real pages keep them."""
    shutil.copytree(BROKEN, target)
    page = target / PAGE
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "<title>",
        f'<meta name="csrf-token" content="{PLANTED["csrf meta"]}">\n'
        '<script>window.__STATE__ = {"viewer": {"id": "884201773", '
        '"screen_name": "janedoe_1990"}};</script>\n<title>', 1)
    html = html.replace(
        'data-testid="AppTabBar_Profile_Link">Profile</a>',
        f'data-testid="AppTabBar_Profile_Link" aria-label="Profile of {NAME}">{NAME}</a>\n'
        f'      <p>Signed in as {EMAIL}</p>', 1)
    html = html.replace(
        '<h3 role="heading" aria-level="3">Data Sharing</h3>',
        '<h3 role="heading" aria-level="3">Data Sharing</h3>\n'
        f'<form data-state=\'{{"session": "{PLANTED["data-state"]}"}}\'>'
        f'<input type="hidden" name="authenticity_token" value="{PLANTED["hidden token"]}">'
        f'<input type="text" aria-label="Search settings" value="{PLANTED["typed value"]}">'
        f'<textarea aria-label="Feedback">{PLANTED["draft"]}</textarea></form>', 1)
    assert all(s in html for key, s in PLANTED.items() if key != "password")
    page.write_text(html, encoding="utf-8")
    return target


def captures(home: Path) -> list[Path]:
    return sorted((home / "captures").iterdir())


def broken_run(shared: SharedBrowser, flow: Flow, folder: Path) -> PlatformResult:
    result = run_variant(shared, flow, Replay.open(folder), apply=False, evidence=True)
    assert isinstance(result.error, FlowBroken), result.error
    return result


def test_a_broken_page_saves_a_capture(shared_browser: SharedBrowser, flow: Flow,
                                       optout_home: Path) -> None:
    result = broken_run(shared_browser, flow, BROKEN)
    assert isinstance(result.error, FlowBroken)
    [folder] = captures(optout_home)
    assert folder.name.endswith("Z-x")
    assert str(folder) in result.error.hint
    assert "`optout bugreport x`" in result.error.hint
    details = json.loads((folder / "capture.json").read_text())
    assert details["step"] == result.error.step == STEP
    assert details["url"] == "https://x.com/settings/grok_settings"
    assert details["count"] == 2
    assert details["locator"] == flow.settings[0].control.describe()
    assert details["page"] == PAGE.as_posix()
    assert details["versions"]["optout"] == optout.__version__
    assert details["versions"]["flow"] == flow.version
    assert details["versions"]["flow_verified"] == flow.verified.isoformat()
    assert details["versions"]["browser"][0].isdigit()
    assert "account" not in details and "contract" not in json.dumps(details)
    aria = (folder / "aria.txt").read_text()
    assert 'heading "Grok & Third-party Collaborators"' in aria
    assert aria.count("checkbox") == 4
    assert (folder / "screenshot.png").read_bytes().startswith(b"\x89PNG")
    assert "<script" not in (folder / PAGE).read_text()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in (f for f in folder.rglob("*") if f.is_file()):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_the_capture_replays_to_the_same_failure(shared_browser: SharedBrowser, flow: Flow,
                                                 optout_home: Path) -> None:
    first = broken_run(shared_browser, flow, BROKEN)
    [folder] = captures(optout_home)
    again = broken_run(shared_browser, flow, folder)
    assert isinstance(first.error, FlowBroken) and isinstance(again.error, FlowBroken)
    assert again.error.step == first.error.step
    assert again.error.count == first.error.count


def test_a_clicked_checkbox_is_captured_as_the_page_showed_it(shared_browser: SharedBrowser,
                                                              flow: Flow,
                                                              optout_home: Path) -> None:
    async def capture_after_a_click() -> Path:
        from optout.evidence import capture

        context = await shared_browser.browser.new_context()
        await Replay.open(BROKEN).attach(context)
        page = await context.new_page()
        await page.goto("https://x.com/settings/grok_settings")
        await page.get_by_role("checkbox", name="remember your conversation").click()
        await page.get_by_role("checkbox", name="to be used by X").click()
        folder = await capture.save(page, flow, FlowBroken(STEP, "a checkbox", page.url, 2),
                                    "contract")
        await context.close()
        return folder

    folder = shared_browser.run(capture_after_a_click())
    aria = (folder / "aria.txt").read_text()
    assert 'checkbox "Allow Grok to remember your conversation history" [checked]' in aria
    html = (folder / PAGE).read_text()
    assert 'aria-describedby="CHECKBOX_4_LABEL" checked' in html
    assert 'aria-describedby="CHECKBOX_1_LABEL">' in html  # unchecked by the click


def test_personal_details_never_reach_the_capture(shared_browser: SharedBrowser, flow: Flow,
                                                  optout_home: Path, tmp_path: Path,
                                                  memory_keyring: MemoryKeyring) -> None:
    credentials.store("x", "contract", NAME, PLANTED["password"])
    planted = plant(tmp_path / "planted")
    first = broken_run(shared_browser, flow, planted)
    [folder] = captures(optout_home)
    files = [f for f in folder.rglob("*") if f.is_file()]
    assert {f.name for f in files} >= {"aria.txt", "capture.json", "screenshot.png", PAGE.name}
    for file in files:
        data = file.read_bytes().lower()
        leaked = [key for key, s in PLANTED.items() if s.lower().encode() in data]
        assert not leaked, f"{file.name} holds the {leaked}"
    aria = (folder / "aria.txt").read_text()
    assert "Signed in as [email]" in aria and 'link "Profile of [name]"' in aria
    html = (folder / PAGE).read_text()
    assert 'aria-label="Search settings"' in html and "<textarea" in html
    magenta = [255, 0, 255]  # Playwright's mask colour
    assert colours_at(shared_browser, planted, (folder / "screenshot.png").read_bytes()) == [
        magenta, magenta]
    again = broken_run(shared_browser, flow, folder)
    assert isinstance(first.error, FlowBroken) and isinstance(again.error, FlowBroken)
    assert again.error.step == first.error.step == STEP


def colours_at(shared: SharedBrowser, planted: Path, png: bytes) -> list[list[int]]:
    """The screenshot's colour at the middle of the planted name and email, as laid out."""

    async def read() -> list[list[int]]:
        context = await new_context(shared.browser)
        await Replay.open(planted).attach(context)
        page = await context.new_page()
        await page.goto("https://x.com/settings/grok_settings")
        middles = []
        for locator in (page.get_by_role("link", name="Profile of"),
                        page.get_by_text("Signed in as")):
            box = await locator.bounding_box()
            assert box is not None
            middles.append([box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        colours: list[list[int]] = await page.evaluate("""async ([src, points]) => {
          const img = new Image(); img.src = src; await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width; canvas.height = img.height;
          const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
          return points.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)));
        }""", [f"data:image/png;base64,{base64.b64encode(png).decode()}", middles])
        await context.close()
        return colours

    return shared.run(read())


def test_a_capture_of_a_moved_page_replays_through_the_same_redirect(
        shared_browser: SharedBrowser, flow: Flow, optout_home: Path, tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    (moved / "x.com" / "settings").mkdir(parents=True)
    shutil.copy(BROKEN / PAGE, moved / "x.com/settings/grok_moved.html")
    (moved / "x.com/settings/grok_settings.redirect").write_text(
        "https://x.com/settings/grok_moved?lang=en\n")
    first = broken_run(shared_browser, flow, moved)
    [folder] = captures(optout_home)
    assert (folder / "x.com/settings/grok_moved.html").is_file()
    assert (folder / "x.com/settings/grok_settings.redirect").read_text() == (
        "https://x.com/settings/grok_moved\n")
    again = broken_run(shared_browser, flow, folder)
    assert isinstance(first.error, FlowBroken) and isinstance(again.error, FlowBroken)
    assert again.error.step == first.error.step == STEP


def test_personal_strings_come_from_the_label_and_the_stored_username(
        memory_keyring: MemoryKeyring) -> None:
    assert personal_for("x", "work") == []
    assert personal_for("x", "Work") == []
    assert personal_for("x", "Jane") == ["Jane"]
    assert personal_for("x", "Jane.Doe") == ["Jane.Doe"]
    assert personal_for("x", EMAIL) == [EMAIL]
    credentials.store("x", "work", "janedoe_1990", PLANTED["password"])
    assert personal_for("x", "work") == ["janedoe_1990"]


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")


def test_a_keyring_that_refuses_leaves_the_label_alone() -> None:
    import keyring

    keyring.set_keyring(LockedKeyring())  # put back by the memory keyring's fixture
    assert personal_for("x", "Jane.Doe") == ["Jane.Doe"]  # refused, and no error


# scrub_html, one removal at a time


def scrub(html: str, personal: list[str] | None = None) -> str:
    return scrub_html(html, personal or [])


@pytest.mark.parametrize(("html", "gone"), [
    ('<p>a</p><script>var state = {"user": 1};</script><p>b</p>', "state"),
    ('<script src="https://cdn.example.com/app.js"></script>', "cdn"),
    ("<noscript><img src=track.gif>enable js</noscript>", "enable js"),
    ('<iframe src="https://ads.example.com/"><p>frame</p></iframe>', "frame"),
    ('<object data="a.swf"><param name="x" value="inside"></object>', "inside"),
    ('<embed src="movie.swf">', "movie"),
    ('<template><div id="later">later</div></template>', "later"),
    ('<base href="https://elsewhere.example.com/">', "elsewhere"),
    ('<button onclick="steal()" onmouseover="more()">Go</button>', "steal"),
    ('<input type="hidden" name="fb_dtsg" value="AQHx">', "fb_dtsg"),
    ('<script nonce="n0nc3">x</script><link rel="stylesheet" integrity="sha384-abc" '
     'href="a.css">', "sha384"),
    ('<div data-state=\'{"viewer": "me"}\'>x</div>', "viewer"),
    (f'<div data-blob="{"a" * 65}">x</div>', "a" * 65),
    ('<meta name="csrf-token" content="abc">', "csrf"),
    ('<meta http-equiv="set-cookie" content="sid=1">', "sid"),
    ("<!-- build 42, user 7 --><p>x</p>", "build 42"),
    ('<img src="https://pbs.example.com/profile_images/123/me.jpg" alt="">', "profile_images"),
    ('<a href="https://x.com/settings?session=s3cr3t#top">Settings</a>', "s3cr3t"),
])
def test_scrub_removes(html: str, gone: str) -> None:
    assert gone not in scrub(html)


def test_scrub_empties_form_values_and_keeps_checked_states() -> None:
    out = scrub('<input type="text" name="q" value="my search">'
                '<input type="checkbox" id="c" value="yes" checked>'
                '<input type="radio" name="r" value="one">'
                '<textarea name="t">what I wrote</textarea>'
                '<select name="s"><option value="off" selected>Off</option></select>')
    assert "my search" not in out and "what I wrote" not in out
    assert '<input type="checkbox" id="c" checked>' in out
    assert '<input type="radio" name="r">' in out
    assert '<textarea name="t"></textarea>' in out
    assert '<option value="off" selected>Off</option>' in out


def test_scrub_redacts_emails_tokens_and_names_in_text_and_attributes() -> None:
    token = "eyJhbGciOiJIUzI1NiJ9abcdef123456"
    out = scrub(f'<p>Sent to {EMAIL}; code {token}.</p>'
                f'<button aria-label="Account menu for {NAME}">jane DOE</button>'
                '<a href="https://x.com/Jane">Jane</a><p>Janet stays</p>', [NAME])
    assert EMAIL not in out and token not in out
    assert "Sent to [email]; code [token]." in out
    assert 'aria-label="Account menu for [name]">[name]</button>' in out
    assert '<a href="https://x.com/[name]">[name]</a>' in out
    assert "Janet stays" in out


def test_scrub_keeps_what_a_flow_finds_controls_by() -> None:
    kept = ('<main role="main" id="m" class="settings wide"><section aria-labelledby="h">'
            '<h2 id="h" role="heading" aria-level="2">Data &amp; privacy</h2>'
            '<label for="c1">Use my data</label>'
            '<div role="switch" aria-checked="true" aria-describedby="d" tabindex="0"></div>'
            '<span id="d" data-testid="toggle">Improve models</span>'
            '<dialog open aria-label="Confirm"><input type="submit" value="Turn off">'
            '<details open><summary>More</summary></details></dialog>'
            '<style>main > section { color: #000; }</style></section></main>')
    assert scrub(kept) == kept


def test_scrub_keeps_references_between_elements_when_ids_look_like_tokens() -> None:
    ident = "label-8f3a9c1b2d4e5f60718293a4b5c6"
    out = scrub(f'<span id="{ident}">Use my data</span>'
                f'<div role="switch" aria-labelledby="{ident} other"></div>')
    assert ident not in out
    assert '<span id="optout-ref-1">' in out and 'aria-labelledby="optout-ref-1 other"' in out


# optout bugreport


def test_bugreport_prints_an_issue_text_without_personal_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    keyring_file = tmp_path / "test-keyring.json"
    keyring_file.write_text(json.dumps({"optout:x:default\nusername": NAME,
                                        "optout:x:default\npassword": PLANTED["password"]}))
    planted = plant(tmp_path / "planted")
    ran = run_optout("run", "x", "--replay", str(planted), "--yes", home=home)
    assert ran.code == 8, ran.err
    assert "`optout bugreport x`" in ran.err
    report = run_optout("bugreport", "x", home=home)
    assert report.code == 0, report.err
    assert report.out.startswith(f"# X: the page no longer matches the flow at step `{STEP}`")
    assert f"- Step: `{STEP}`" in report.out
    assert "- URL: https://x.com/settings/grok_settings" in report.out
    assert "- Matches found: 2" in report.out
    assert f"- optout {optout.__version__}" in report.out
    assert "```yaml\n" in report.out and 'heading "Data Sharing" [level=3]' in report.out
    assert "--dry-run" in report.out and "Signed in as [email]" in report.out
    leaked = [key for key, s in PLANTED.items() if s.lower() in report.out.lower()]
    assert not leaked
    assert str(home) not in report.out  # the home folder's path stays out of the issue
    [folder] = captures(home)
    assert str(folder) in report.err
    chosen = run_optout("bugreport", "x", "--capture", str(folder), home=home)
    assert chosen.out == report.out


def test_bugreport_without_a_capture_is_one_line_and_exit_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_optout("bugreport", "x", home=home)
    assert result.code == 2
    assert result.out == ""
    assert result.err.strip().splitlines() == [
        "optout: No capture for x yet. One is saved when a run finds a page the flow no longer "
        "matches."]
    elsewhere = run_optout("bugreport", "x", "--capture", str(tmp_path), home=home)
    assert elsewhere.code == 2 and "is not a capture folder" in elsewhere.err


def test_a_capture_on_a_later_page_replays_the_whole_way_there(
        shared_browser: SharedBrowser, optout_home: Path, tmp_path: Path) -> None:
    """LinkedIn reads its settings page, then finds its objection form page changed."""
    linkedin = registry.load("linkedin")
    changed = tmp_path / "form-changed"
    shutil.copytree(FIXTURES / "linkedin" / "on", changed)
    form = changed / "www.linkedin.com/help/linkedin/ask/TS-DPRO.html"
    form.write_text(form.read_text().replace("Data processing objection", "Contact us"))
    first = run_variant(shared_browser, linkedin, Replay.open(changed), apply=False,
                        evidence=True)
    assert isinstance(first.error, FlowBroken), first.error
    assert "data-processing-objection" in first.error.step
    [folder] = captures(optout_home)
    # Both pages are in it: the one read on the way, and the one that broke.
    assert (folder / "www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement.html"
            ).is_file()
    assert (folder / "www.linkedin.com/help/linkedin/ask/TS-DPRO.html").is_file()
    again = run_variant(shared_browser, linkedin, Replay.open(folder), apply=False,
                        evidence=True)
    assert isinstance(again.error, FlowBroken), again.error
    assert again.error.step == first.error.step
    # The settings page on the way reads as it did the first time.
    assert (again.settings[0].id, again.settings[0].state) == (
        first.settings[0].id, first.settings[0].state)
