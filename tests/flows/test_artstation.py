"""ArtStation: the shared contract on a box that blocks (ticked = NoAI), plus its Save button and
the sign-in with a stored email and password.

The `save-required` page keeps a change only when Save is pressed, so it shows whether the flow
really presses it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, unquote_plus

from optout.engine import registry
from optout.errors import Exit
from optout.flow import Confirm
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestArtStation(FlowContract):
    slug = "artstation"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "artstation" / variant)


def test_the_box_is_ticked_not_unticked(shared_browser: SharedBrowser) -> None:
    """Ticked means NoAI: an unticked box reads as exposed and is ticked, never the reverse."""
    replay = pages("on")
    result = run_variant(shared_browser, registry.load("artstation"), replay, apply=True)
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("noai-tagging", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("user_noai", True)]
    assert result.exit_code == Exit.OK


def test_the_change_is_saved_with_the_save_button(shared_browser: SharedBrowser) -> None:
    result = run_variant(shared_browser, registry.load("artstation"), pages("save-required"),
                         apply=True)
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert result.exit_code == Exit.OK


def test_without_save_the_page_would_drop_the_change(shared_browser: SharedBrowser) -> None:
    """The save-required page really needs Save: a flow that skips it is caught by the reload."""
    flow = registry.load("artstation")
    skipping = replace(flow, settings=tuple(replace(s, confirm=Confirm.IMMEDIATE,
                                                    confirm_button=None)
                                            for s in flow.settings))
    result = run_variant(shared_browser, skipping, pages("save-required"), apply=True)
    assert [s.state for s in result.settings] == [SettingState.DID_NOT_PERSIST]
    assert result.exit_code == Exit.NOT_PERSISTED


# Signing in with a stored email and password on ArtStation's Devise sign-in form.

EMAIL, PASSWORD = "member@example.com", "correct horse"
SIGN_IN = "https://www.artstation.com/users/sign_in"


def test_signs_in_with_email_and_password(shared_browser: SharedBrowser) -> None:
    """Signed out, the Settings page sends the browser to /users/sign_in; the stored email and
    password go into user[email] and user[password], the form posts back to the same address,
    and on the Settings page the box reads exposed and is ticked once."""
    run = sign_in_run(shared_browser, "artstation", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["artstation/default"]
    assert [(url, parse_qs(body, keep_blank_values=True)) for url, body in replay.posts] == [
        (SIGN_IN, {"utf8": ["\u2713"], "authenticity_token": ["replayed-authenticity-token"],
                   "user_return_to": [""], "user[email]": [EMAIL], "user[password]": [PASSWORD],
                   "user[remember_me]": ["false"], "button": [""]})]
    assert [url for url, body in replay.posts if PASSWORD in unquote_plus(body)] == [SIGN_IN]
    assert [(s.id, s.before, s.state) for s in result.settings] == [
        ("noai-tagging", SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("user_noai", True)]
    assert result.exit_code == Exit.OK
