"""Atlassian: the shared contract, per organization, plus the plans without a metadata switch.

The settings are kept per organization: optout reads the organizations from admin.atlassian.com
(an admin of one lands on its Overview; an admin of several picks from a list; an account that
administers none sees none) and works on each organization's Data contribution page. Signed
out, it signs in at id.atlassian.com in two steps on one page (the `login` pages).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant, sign_in_run
from optout.web.replay import Replay, Toggle

ORG = "11111111-2222-4333-8444-555555555555"
OTHER = "66666666-7777-4888-9999-aaaaaaaaaaaa"


class TestAtlassian(FlowContract):
    slug = "atlassian"


def pages(variant: str) -> Replay:
    return Replay.open(fixtures_root() / "atlassian" / variant)


def test_an_account_that_administers_no_organization_is_told_why(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("atlassian")
    result = run_variant(shared_browser, flow, pages("not-offered"), apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        ("in-app-data", SettingState.NOT_OFFERED), ("metadata", SettingState.NOT_OFFERED)]
    assert all("no administered organizations" in s.reason for s in result.settings)
    assert result.exit_code == Exit.OK


def test_a_free_plan_has_no_metadata_switch(shared_browser: SharedBrowser) -> None:
    """Free, Standard and Premium plans always contribute metadata: not offered, and why."""
    flow = registry.load("atlassian")
    replay = pages("free-plan")
    result = run_variant(shared_browser, flow, replay, apply=True)
    in_app, metadata = result.settings
    assert (in_app.id, in_app.before, in_app.state) == (
        f"in-app-data:{ORG}", SettingState.ON, SettingState.TURNED_OFF)
    assert (metadata.id, metadata.state) == (f"metadata:{ORG}", SettingState.NOT_OFFERED)
    assert "Enterprise" in metadata.reason
    assert "Always contributed" in metadata.evidence
    assert [(t.control, t.on) for t in replay.toggles] == [("in-app-data-contribution", False)]
    assert result.exit_code == Exit.OK


def test_each_administered_organization_is_its_own_setting(
        shared_browser: SharedBrowser) -> None:
    flow = registry.load("atlassian")
    replay = pages("two-organizations")
    result = run_variant(shared_browser, flow, replay, apply=True)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"in-app-data:{ORG}", SettingState.TURNED_OFF),
        (f"metadata:{ORG}", SettingState.TURNED_OFF),
        (f"in-app-data:{OTHER}", SettingState.TURNED_OFF),
        (f"metadata:{OTHER}", SettingState.NOT_OFFERED),
    ]
    assert sorted((t.page.split("/")[2], t.control) for t in replay.toggles) == [
        (ORG, "in-app-data-contribution"), (ORG, "metadata-contribution"),
        (OTHER, "in-app-data-contribution")]
    assert result.exit_code == Exit.OK


def test_one_organization_by_its_id(shared_browser: SharedBrowser) -> None:
    flow = registry.load("atlassian")
    replay = pages("two-organizations")
    result = run_variant(shared_browser, flow, replay, apply=False, only_target=OTHER)
    assert [(s.id, s.state) for s in result.settings] == [
        (f"in-app-data:{OTHER}", SettingState.ON), (f"metadata:{OTHER}", SettingState.NOT_OFFERED)]
    assert replay.toggles == []


EMAIL, PASSWORD = "admin@example.com", "correct horse"


def test_signs_in_in_two_steps_then_turns_off_in_app_data(shared_browser: SharedBrowser) -> None:
    """Signed out, admin.atlassian.com sends the browser to id.atlassian.com/login; the email goes
    with "Continue", the password only once its field shows, then the one organization's switch
    is read and turned off."""
    run = sign_in_run(shared_browser, "atlassian", "login", EMAIL, PASSWORD)
    result, replay = run.result, run.replay
    assert result.error is None, result.error
    assert run.asked == ["atlassian/default"]
    served = [u.split("?")[0] for u in replay.served]
    assert served.index("https://admin.atlassian.com/") < served.index(
        "https://id.atlassian.com/login") < served.index(
        f"https://admin.atlassian.com/o/{ORG}/overview")
    assert any(u.startswith("https://id.atlassian.com/login?continue=https%3A%2F%2Fadmin."
                            "atlassian.com%2F") for u in replay.served)
    # The email alone went with the first step, the password only with the second.
    assert [(url, parse_qs(body)) for url, body in replay.posts] == [
        ("https://id.atlassian.com/rest/check-username", {"username": [EMAIL]}),
        ("https://id.atlassian.com/rest/authenticate",
         {"username": [EMAIL], "password": [PASSWORD]}),
    ]
    assert not any(PASSWORD in url for url in replay.served)
    in_app, metadata = result.settings
    assert (in_app.id, in_app.before, in_app.state) == (
        f"in-app-data:{ORG}", SettingState.ON, SettingState.TURNED_OFF)
    # A Free plan: metadata is always contributed, with no switch to read or change.
    assert (metadata.id, metadata.state) == (f"metadata:{ORG}", SettingState.NOT_OFFERED)
    assert replay.toggles == [Toggle(f"admin.atlassian.com/o/{ORG}/security/data-contribution",
                                     "in-app-data-contribution", False)]
    assert result.exit_code == Exit.OK
