"""Finding a browser, and the system browser really driving the saved pages (pytest-playwright)."""

from __future__ import annotations

import glob
import re
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from optout.engine import registry
from optout.errors import BrowserNotFound
from optout.flow import Flow, Setting
from optout.testing.contract import fixtures_root
from optout.web import browser
from optout.web.replay import Replay


def executable(tmp_path: Path, name: str = "chrome") -> Path:
    path = tmp_path / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_optout_browser_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = executable(tmp_path)
    monkeypatch.setenv("OPTOUT_BROWSER", str(chosen))
    assert browser.choose_executable(str(executable(tmp_path, "playwright-own"))) == str(chosen)


def test_optout_browser_must_be_runnable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "chrome"
    plain.write_text("not a program")
    monkeypatch.setenv("OPTOUT_BROWSER", str(plain))
    with pytest.raises(BrowserNotFound, match="not a runnable file"):
        browser.choose_executable(None)


def test_playwright_own_browser_comes_next(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPTOUT_BROWSER", raising=False)
    assert browser.choose_executable(str(executable(tmp_path))) is None


def test_then_a_system_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPTOUT_BROWSER", raising=False)
    system = executable(tmp_path, "chromium")
    monkeypatch.setattr(browser, "headless_shells", lambda: [tmp_path / "absent-shell"])
    monkeypatch.setattr(browser, "system_candidates", lambda: [tmp_path / "absent", system])
    assert browser.choose_executable(str(tmp_path / "not-installed")) == str(system)


def test_a_run_with_no_window_takes_the_headless_shell_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPTOUT_BROWSER", raising=False)
    shell = executable(tmp_path, "chromium-headless-shell")
    system = executable(tmp_path, "chromium")
    monkeypatch.setattr(browser, "headless_shells", lambda: [tmp_path / "absent", shell])
    monkeypatch.setattr(browser, "system_candidates", lambda: [system])
    missing = str(tmp_path / "not-installed")
    assert browser.choose_executable(missing) == str(shell)
    # The shell has no window to show: a visible browser is always a full one.
    assert browser.choose_executable(missing, headed=True) == str(system)
    monkeypatch.setattr(browser, "system_candidates", lambda: [])
    with pytest.raises(BrowserNotFound):
        browser.choose_executable(missing, headed=True)


def test_the_headless_shell_is_looked_for_on_path(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shell = executable(tmp_path, "chrome-headless-shell")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shell in browser.headless_shells()


def test_none_found_says_how_to_get_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPTOUT_BROWSER", raising=False)
    monkeypatch.setattr(browser, "headless_shells", lambda: [])
    monkeypatch.setattr(browser, "system_candidates", lambda: [])
    with pytest.raises(BrowserNotFound) as caught:
        browser.choose_executable(None)
    assert "apt-get install chromium" in caught.value.one_line()
    assert "playwright install chromium" in caught.value.one_line()


def on_pages(flow: Flow, pages: Replay) -> list[tuple[Setting, Path]]:
    """Each setting with its saved page; a per-blog setting with every blog's page, any name."""
    found = []
    for setting in flow.settings:
        if setting.targets is None:
            saved = pages.file_for(setting.url)
            assert saved is not None and saved.suffix == ".html", setting.url
            found.append((setting, saved))
            continue
        anyone = replace(setting, targets=None, control=replace(
            setting.control, name=setting.control.name.replace("{target}", ".+")),
            section=replace(setting.section,
                            heading=setting.section.heading.replace("{target}", ".+")))
        pattern = str(pages.expected_file(setting.url)).replace("{target}", "*")
        blogs = [Path(p) for p in glob.glob(pattern)]
        assert blogs, f"no saved page matches {pattern}"
        found += [(anyone, blog) for blog in blogs]
    return found


@pytest.mark.parametrize("slug", registry.slugs())
def test_saved_pages_expose_each_control_to_assistive_tech(page: Page, slug: str) -> None:
    """In the found browser, each 'on' page shows each control once, by role and name, checked."""
    flow = registry.load(slug)
    pages = Replay.open(fixtures_root() / slug / "on")
    for setting, saved in on_pages(flow, pages):
        page.goto(saved.as_uri())
        section = page.get_by_role(setting.section.role).filter(  # type: ignore[arg-type]
            has=page.get_by_role("heading", name=re.compile(setting.section.heading, re.I)))
        if setting.reveal is not None and not section.count():
            page.get_by_role(setting.reveal.role,  # type: ignore[arg-type]
                             name=setting.reveal.pattern()).click()
        if not section.count() and type(flow).prepare_page is not Flow.prepare_page:
            # The flow walks the rest of the way in code (DeepSeek's menu, dialog and tab): its
            # contract tests read the control in the same browser once that code has run.
            continue
        expect(section).to_have_count(1)
        name = setting.control.pattern()
        if setting.kind == "toggle":  # any toggle kind will do
            control = section.get_by_role("switch", name=name).or_(
                section.get_by_role("checkbox", name=name))
        elif setting.kind == "choice":  # named by its label, or showing its value in its row
            control = section.get_by_role("combobox", name=name).or_(
                section.get_by_role("button", name=name))
            if not control.count():  # no name of its own: the value-showing button in its row
                value = re.compile(setting.on_option, re.I)
                rows = section.locator("*").filter(has=page.get_by_text(name)).filter(
                    has=page.get_by_role("button", name=value))
                control = rows.last.get_by_role("button", name=value)
        else:
            control = section.get_by_role(setting.control.role, name=name)  # type: ignore[arg-type]
        expect(control).to_have_count(1)
        expect(control).to_be_visible()
        if setting.form is not None:  # the send button, and the field the text goes into
            text = setting.form.text
            expect(section.get_by_role(text.role,  # type: ignore[arg-type]
                                       name=text.pattern())).to_have_count(1)
        elif setting.kind == "button":  # "Turn off" shows while on; "Turn on" does not
            assert setting.shown_when_off is not None
            off = setting.shown_when_off
            expect(section.get_by_role(off.role,  # type: ignore[arg-type]
                                       name=off.pattern())).to_have_count(0)
        elif setting.kind == "choice":  # a value other than the one that means off
            chosen = control.evaluate(
                "el => el.selectedOptions ? el.selectedOptions[0].label : el.textContent")
            assert not re.search(setting.off_option, chosen.strip(), re.I), chosen
        elif setting.desired == "off":
            expect(control).to_be_checked()
        else:
            expect(control).not_to_be_checked()
