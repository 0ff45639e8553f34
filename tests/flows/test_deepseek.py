"""DeepSeek: the shared contract on a switch in a Settings dialog reached through a menu, and the
sign-in with a stored email and password.

The switch is three clicks from the page (the account menu, its Settings, the dialog's Data tab):
`DeepSeekFlow.prepare_page` makes them once the page has loaded, and again after the reload that
verifies a change.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay


class TestDeepSeek(FlowContract):
    slug = "deepseek"


def test_the_menu_is_opened_again_to_verify_after_the_reload(
        shared_browser: SharedBrowser) -> None:
    """Read through the menu, one click, and after the reload the same three clicks again."""
    replay = Replay.open(fixtures_root() / "deepseek" / "on")
    result = run_variant(shared_browser, registry.load("deepseek"), replay, apply=True)
    assert [(s.before, s.state) for s in result.settings] == [
        (SettingState.ON, SettingState.TURNED_OFF)]
    assert [(t.control, t.on) for t in replay.toggles] == [("improve-model", False)]
    assert result.exit_code == Exit.OK


EMAIL, PASSWORD = "member@example.com", "correct horse"


def test_signs_in_with_email_and_password(shared_browser: SharedBrowser) -> None:
    """Signed out, the chat sends the browser to /sign_in; the stored email and password are
    typed into the fields the sources name, then the switch is read and clicked once."""
    run = sign_in_run(shared_browser, "deepseek", "login", EMAIL, PASSWORD)
    assert run.asked == ["deepseek/default"]
    assert [(url, parse_qs(body)) for url, body in run.replay.posts] == [
        ("https://chat.deepseek.com/api/v0/users/login",
         {"email": [EMAIL], "password": [PASSWORD]})]
    assert [s.before for s in run.result.settings] == [SettingState.ON]
    assert [t.on for t in run.replay.toggles] == [False]
