"""Two-step sign-in: the password goes only into the platform's own sign-in pages."""

from __future__ import annotations

from pathlib import Path

from test_engine import example_flow

from optout.credentials import Credentials
from optout.engine.runner import Job, run_flow
from optout.errors import Exit, PersonNeeded
from optout.flow import Find, Login
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.web.replay import Replay

PAGES = Path(__file__).parent / "pages"
CANARY = "canary-password-2f9c"


def test_a_password_page_outside_the_sign_in_pages_gets_nothing(
        shared_browser: SharedBrowser) -> None:
    login = Login(url="https://example.test/login", username=Find("textbox", r"email"),
                  next=Find("button", r"^continue$"), password=Find("textbox", r"^password$"),
                  submit=Find("button", r"^continue$"), login_paths=("/login",))
    flow = example_flow(login=login)
    replay = Replay.open(PAGES / "sign-up")
    job = Job([(flow, "me")], lambda _r: True, lambda _r, _f: None, replay=replay, record=False,
              credentials=lambda _p, _a: Credentials("new@example.com", CANARY),
              keep_sessions=False)
    result = shared_browser.run(run_flow(shared_browser.browser, flow, "me", job))
    assert isinstance(result.error, PersonNeeded)
    assert "asked for a password outside its sign-in pages" in result.error.message
    assert result.exit_code & Exit.PERSON_NEEDED
    assert [s.state for s in result.settings] == [SettingState.UNKNOWN]
    assert replay.posts == []  # the sign-up form was never sent
    assert CANARY not in result.error.one_line()
