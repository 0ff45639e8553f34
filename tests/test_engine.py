"""The engine's confirmation steps and control kinds, on small pages made for them.

The contract suite covers a plain switch on real platform pages; these pages add a dialog, a Save
button, an ARIA-only switch and a control that must end up checked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from optout.errors import Exit, FlowBroken, PageUnavailable
from optout.flow import Confirm, Find, Flow, Login, Section, Setting, Source, State
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import run_variant
from optout.web.replay import Replay

PAGES = Path(__file__).parent / "pages"
TRAINING = Find("toggle", r"allow training on my content")


def example_flow(control: Find = TRAINING, confirm: Confirm = Confirm.IMMEDIATE,
                 button: Find | None = None, desired: State = "off",
                 **extra: Any) -> Flow:
    section = extra.pop("section", Section("main", r"^privacy$"))
    return Flow(
        slug="example", title="Example", domains=("example.test",),
        login=extra.pop("login", Login(
            url="https://example.test/login", username=Find("textbox", "email"),
            password=Find("textbox", "password"), submit=Find("button", "sign in"),
            login_paths=("/login",))),
        sources=(Source("everything", "made for these tests"),), verified=date(2026, 11, 1),
        settings=(Setting("training", "Allow training on my content", "https://example.test/privacy",
                          section, control, desired, confirm, button, "Settings > Privacy",
                          reveal=extra.pop("reveal", None), close=extra.pop("close", None)),),
        **extra,
    )


def pages(name: str) -> Replay:
    return Replay.open(PAGES / name)


def test_a_dialog_confirms_the_change(shared_browser: SharedBrowser) -> None:
    flow = example_flow(confirm=Confirm.DIALOG, button=Find("button", r"^turn off$"))
    result = run_variant(shared_browser, flow, pages("dialog"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]


def test_a_dialog_without_the_expected_button_breaks_the_flow(
        shared_browser: SharedBrowser) -> None:
    flow = example_flow(confirm=Confirm.DIALOG, button=Find("button", r"^confirm$"))
    result = run_variant(shared_browser, flow, pages("dialog"), apply=True)
    assert isinstance(result.error, FlowBroken)
    assert result.error.step == "confirm 'training'"
    assert result.exit_code & Exit.FLOW_BROKEN
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]


def test_a_save_button_stores_the_change(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"allow training"), Confirm.SAVE,
                        Find("button", r"^save$"))
    result = run_variant(shared_browser, flow, pages("save"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]


def test_a_forgotten_save_is_caught_by_the_reload(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"allow training"))  # wrongly declared immediate
    result = run_variant(shared_browser, flow, pages("save"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED


def test_an_aria_switch_is_read_and_flipped(shared_browser: SharedBrowser) -> None:
    replay = pages("aria")
    result = run_variant(shared_browser, example_flow(), replay, apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert [t.on for t in replay.toggles] == [False]


def test_a_protective_control_is_switched_on(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"prevent third-party sharing"), desired="on")
    replay = pages("desired-on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert result.settings[0].before is SettingState.ON  # unchecked: sharing for AI is on
    assert result.settings[0].state is SettingState.TURNED_OFF
    assert [t.on for t in replay.toggles] == [True]


def test_a_control_that_cannot_be_clicked_breaks_the_flow(shared_browser: SharedBrowser) -> None:
    replay = pages("hidden-switch")
    result = run_variant(shared_browser, example_flow(), replay, apply=True)
    assert isinstance(result.error, FlowBroken)
    assert result.error.step == "change 'training'"
    assert "could not be used" in result.error.message
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]


def test_a_control_behind_a_row_is_opened_read_and_closed(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"improve the model"),
                        section=Section("dialog", r"^model improvement$"),
                        reveal=Find("button", r"^improve the model"),
                        close=Find("button", "^done$"))
    dry = run_variant(shared_browser, flow, pages("reveal"), apply=False)
    assert [s.state for s in dry.settings] == [SettingState.ON]
    result = run_variant(shared_browser, flow, pages("reveal"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]


def test_a_passing_error_page_is_reloaded_once(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"allow training"),
                        transient_error=r"something went wrong")
    result = run_variant(shared_browser, flow, pages("transient"), apply=True)
    assert result.error is None
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]


def test_a_lasting_error_page_is_reported(shared_browser: SharedBrowser) -> None:
    flow = example_flow(Find("toggle", r"allow training"),
                        transient_error=r"something went wrong")
    result = run_variant(shared_browser, flow, pages("transient-forever"), apply=True)
    assert isinstance(result.error, PageUnavailable)
    assert "showed an error again after a reload" in result.error.message
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]


def test_a_slash_in_a_name_is_found_on_the_page(shared_browser: SharedBrowser) -> None:
    """"Phone number / email address" (DeepSeek's field): Playwright puts the pattern between
    slashes, so a bare "/" in it used to end the selector early."""
    from optout.locate import by_role

    async def count(find: Find) -> int:
        context = await shared_browser.browser.new_context()
        page = await context.new_page()
        await page.set_content("<input aria-label='Phone number / email address'>"
                               "<input aria-label='Password'>")
        found = await by_role(page, find).count()
        await context.close()
        return found

    assert shared_browser.run(count(Find("textbox", r"^phone number / email"))) == 1
    assert shared_browser.run(count(Find("textbox", r"^phone number \/ email"))) == 1
    assert shared_browser.run(count(Find("textbox", r"^password / email"))) == 0
