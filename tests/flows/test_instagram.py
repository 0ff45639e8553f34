"""Instagram: the shared contract on a switch and Meta's objection form, on two hosts.

The "Sharing and reuse" switch is turned off like any switch; the objection form is sent once,
like Facebook's, and the texts both flows use come from one place (the facebook flow).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.flows import facebook
from optout.flows.facebook import DEFAULT_OBJECTION, OFFERED_TO
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay

SUBMIT = "https://help.instagram.com/contact/submit.json"
SHARING = "www.instagram.com/accounts/sharing_and_reuse/"


class TestInstagram(FlowContract):
    slug = "instagram"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "instagram" / variant)


def sent(replay: Replay) -> list[dict[str, list[str]]]:
    return [parse_qs(body, keep_blank_values=True) for url, body in replay.posts if url == SUBMIT]


def test_the_form_is_meta_s_one_form() -> None:
    """One objection text and one region wording for both of Meta's forms."""
    flow = registry.load("instagram")
    form = flow.setting("ai-objection")
    assert form.form == facebook.FLOW.setting("ai-objection").form
    assert form.offered_to == OFFERED_TO


def test_turns_the_switch_off_and_sends_the_objection(shared_browser: SharedBrowser) -> None:
    flow = registry.load("instagram")
    replay = pages("on")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("reuse-with-ai", SettingState.TURNED_OFF), ("ai-objection", SettingState.FORM_SUBMITTED)]
    # The switch's click and the form's "sent" are the only changes the pages saw.
    assert [(t.page, t.control, t.on) for t in replay.toggles] == [
        (SHARING, "reuse_with_ai", False),
        ("help.instagram.com/contact/767264225370182", "objection", False)]
    assert sent(replay) == [{"email": ["person@example.com"], "reason": [DEFAULT_OBJECTION]}]


def test_not_offered_gives_each_setting_its_reason(shared_browser: SharedBrowser) -> None:
    flow = registry.load("instagram")
    result = run_variant(shared_browser, flow, pages("not-offered"), apply=True)
    switch, form = result.settings
    assert (switch.state, form.state) == (SettingState.NOT_OFFERED, SettingState.NOT_OFFERED)
    assert OFFERED_TO in form.reason
    assert OFFERED_TO not in switch.reason  # no source says who lacks the switch


def test_signs_in_then_changes_both(shared_browser: SharedBrowser) -> None:
    run = sign_in_run(shared_browser, "instagram", "login", "someone.example")
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["instagram/default"]  # one sign-in covers the help centre too
    assert "https://www.instagram.com/accounts/login/" in {u.split("?")[0] for u in replay.served}
    assert [s.state for s in result.settings] == [SettingState.TURNED_OFF,
                                                  SettingState.FORM_SUBMITTED]
    assert len(sent(replay)) == 1
