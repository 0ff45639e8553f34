"""Grok (grok.com): the shared contract on the switch in the Settings overlay's Data Controls,
and the sign-in, which optout leaves to the person.

grok.com signs in at accounts.x.ai (X, Google, Apple, or an email form behind "Login with
email", with a Cloudflare check). The `login` pages start signed out: grok.com sends the browser
to https://accounts.x.ai/sign-in?redirect=grok-com, and the settings show only to an `sso`
session, the one `optout login grok --browser` keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from optout.credentials import Credentials
from optout.engine import registry
from optout.engine.runner import Job, run_flow
from optout.errors import CredentialsError, Exit, FlowBroken, PersonNeeded
from optout.flow import Flow
from optout.results import PlatformResult, SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, sign_in_run
from optout.testing.memory_keyring import MemoryKeyring
from optout.web import session_source
from optout.web.person import Person
from optout.web.replay import Replay
from optout.web.sessions import SessionStore

SETTINGS = "https://grok.com/?_s=data"
SIGN_IN = "https://accounts.x.ai/sign-in?redirect=grok-com"
# Where the sign-in page's email form sends an email and a password (a saved answer: a post to
# it is recorded, so a password sent would show).
SESSION_RPC = "https://accounts.x.ai/auth_mgmt.AuthManagement/CreateSession"


class TestGrok(FlowContract):
    slug = "grok"


@pytest.fixture
def grok() -> Flow:
    return registry.load("grok")


def signed_out() -> Replay:
    return Replay.open(fixtures_root() / "grok" / "login")


def run(shared: SharedBrowser, flow: Flow, replay: Replay, *, may_sign_in: bool,
        **options: Any) -> PlatformResult:
    """A run answering yes (as `optout run --yes`), or with `may_sign_in=False` an unattended
    one (as `optout check` with no terminal), for account 'default'; no history is kept."""
    job = Job([(flow, "default")], lambda _r: True, lambda _r, _f: None, replay=replay,
              may_sign_in=may_sign_in, record=False, evidence=False, **options)
    return shared.run(run_flow(shared.browser, flow, "default", job))


def recording(calls: list[str]) -> Callable[[str, str], Credentials]:
    def stored(platform: str, account: str) -> Credentials:
        calls.append(f"{platform}/{account}")
        raise CredentialsError("no credentials in this test")
    return stored


def test_is_separate_from_x_and_signs_in_in_a_browser(grok: Flow) -> None:
    """grok.com's switch is its own flow; the person signs in, optout waits for `sso`."""
    x = registry.load("x")
    assert grok.allows("https://grok.com/?_s=data") and not grok.allows("https://x.com/")
    assert not x.allows("https://grok.com/")
    assert grok.login.passwordless and grok.login.signed_in_cookie == "sso"
    assert grok.login.url == SIGN_IN


def test_knows_the_sign_in_page_from_the_settings(grok: Flow) -> None:
    """xAI's sign-in page (with or without grok.com's redirect) is a sign-in page; grok.com's
    settings, its home and xAI's sign-up are not, nor a look-alike host's /sign-in."""
    assert grok.is_login_page(SIGN_IN)
    assert grok.is_login_page("https://accounts.x.ai/sign-in")
    assert not grok.is_login_page(SETTINGS)
    assert not grok.is_login_page("https://grok.com/")
    assert not grok.is_login_page("https://accounts.x.ai/sign-up?redirect=grok-com")
    assert not grok.is_login_page("https://accounts.x.ai.example.com/sign-in?redirect=grok-com")


def test_an_unattended_check_signed_out_asks_for_a_browser_sign_in(
        shared_browser: SharedBrowser, grok: Flow) -> None:
    """No saved session, no terminal (`optout check`): grok.com sends the browser to
    accounts.x.ai, and optout stops there. "login needed", exit 16, the command to run; no
    password is looked for, nothing typed, sent or clicked."""
    replay = signed_out()
    looked_up: list[str] = []
    result = run(shared_browser, grok, replay, may_sign_in=False,
                 credentials=recording(looked_up))
    assert isinstance(result.error, PersonNeeded), result.error
    assert result.error.one_line() == (
        "Grok (grok.com) wants a person to finish signing in (no saved session that still "
        "works). Run `optout login grok --account default --browser` in a terminal, then run "
        "this again.")
    assert result.exit_code == Exit.PERSON_NEEDED
    assert [(s.id, s.state, s.reason) for s in result.settings] == [
        ("improve-the-model", SettingState.UNKNOWN, "login needed")]
    assert replay.served == [SETTINGS, SIGN_IN]  # the real sign-in page, as grok.com sent it
    assert looked_up == []
    assert replay.posts == [] and replay.toggles == []


def test_a_run_signed_out_with_nothing_stored_asks_the_person_for_nothing(
        shared_browser: SharedBrowser, grok: Flow, memory_keyring: MemoryKeyring) -> None:
    """`optout run` at a terminal with no saved session and no password stored (the keyring
    is empty, as after nothing but `optout login grok --browser` never run): it stops at
    accounts.x.ai, says a person signs in in a browser (there is no password to store), exits
    with "login needed", and asks the person for nothing: no password prompt, no code, no post.
    """
    asked: list[str] = []

    def ask(question: str) -> str | None:
        asked.append(question)
        return None

    person = Person(interactive=True, ask_code=ask)
    replay = signed_out()
    result = run(shared_browser, grok, replay, may_sign_in=True, person=person)
    assert isinstance(result.error, PersonNeeded), result.error
    assert result.error.one_line() == (
        "Grok (grok.com) wants a person to finish signing in (no saved session, and it signs "
        "in without a password). Run `optout login grok --account default --browser` in a "
        "terminal, then run this again.")
    assert result.exit_code == Exit.PERSON_NEEDED
    assert [(s.state, s.reason) for s in result.settings] == [
        (SettingState.UNKNOWN, "login needed")]
    assert replay.served == [SETTINGS, SIGN_IN]
    assert asked == []
    assert replay.posts == [] and replay.toggles == []
    assert memory_keyring.entries == {}  # nothing was stored in the person's name either


def test_a_password_stored_by_hand_is_never_typed_into_xai(shared_browser: SharedBrowser,
                                                           grok: Flow) -> None:
    """Even with an email and a password stored (`optout login grok --username ...`), nothing
    is typed or sent: the email form sits behind "Login with email", which optout never presses,
    so the run stops at the sign-in step with the email field unseen."""
    signed = sign_in_run(shared_browser, grok, signed_out(), "member@example.com", evidence=False)
    result = signed.result
    assert isinstance(result.error, FlowBroken), result.error
    assert (result.error.step, result.error.url, result.error.count) == (
        "sign in: username", SIGN_IN, 0)
    assert result.exit_code == Exit.FLOW_BROKEN
    assert signed.replay.posts == []
    assert SESSION_RPC not in signed.replay.served + signed.replay.aborted
    assert signed.replay.toggles == []


def test_the_session_of_a_browser_sign_in_opens_the_settings(
        shared_browser: SharedBrowser, grok: Flow, memory_keyring: MemoryKeyring) -> None:
    """What `optout login grok --browser` keeps (an `sso` cookie for grok.com) is what later runs
    use: the settings open with no sign-in page and no password, and the switch reads on."""
    store = SessionStore("replay")
    store.save("grok", "default", {"cookies": [{
        "name": "sso", "value": "replayed", "domain": ".grok.com", "path": "/", "expires": -1,
        "httpOnly": False, "secure": True, "sameSite": "Lax"}], "origins": []})
    session_source.remember(store, "grok", "default",
                            session_source.SessionSource(session_source.BROWSER_SIGN_IN))
    replay = signed_out()
    looked_up: list[str] = []
    job = Job([(grok, "default")], None, lambda _r, _f: None, replay=replay, record=False,
              evidence=False, may_sign_in=False, credentials=recording(looked_up))
    result = shared_browser.run(run_flow(shared_browser.browser, grok, "default", job))
    assert result.error is None, result.error
    assert [(s.id, s.state) for s in result.settings] == [("improve-the-model", SettingState.ON)]
    assert result.exit_code == Exit.STILL_ON  # a dry run: reported, not changed
    assert SIGN_IN not in replay.served and looked_up == []
    assert replay.posts == [] and replay.toggles == []
