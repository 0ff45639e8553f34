"""ChatGPT: the shared contract on a switch inside a dialog opened from a row, closed with Done;
and the two-step sign-in (email and "Continue", then the password on the next page)."""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, sign_in_run


class TestChatGPT(FlowContract):
    slug = "chatgpt"


EMAIL, PASSWORD = "member@example.com", "correct horse"


def test_signs_in_in_two_steps_then_turns_it_off(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "chatgpt", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF]
    assert result.exit_code == Exit.OK
    assert [t.on for t in replay.toggles] == [False]
    served = {u.split("?")[0] for u in replay.served}
    assert {"https://chatgpt.com/auth/login", "https://auth.openai.com/log-in/password"} <= served
    # Each step's form sent only its own field: the email first, the password on its own page.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://auth.openai.com/api/accounts/authorize/continue", {"username": [EMAIL]}),
        ("https://auth.openai.com/api/accounts/password/verify", {"password": [PASSWORD]}),
    ]


def test_what_the_flow_leaves_to_a_person_is_said_with_the_way_by_hand() -> None:
    """The voice switches and the Privacy Portal request are known, not covered: the notes say
    so, and where a person finds them."""
    flow = registry.load("chatgpt")
    assert [s.id for s in flow.settings] == ["improve-the-model"]
    assert "Include your audio recordings" in flow.notes
    assert "Settings > Data controls" in flow.notes
    assert "https://privacy.openai.com > Make a Privacy Request" in flow.notes
    assert "Do not train on my content" in flow.notes
