"""Atlassian: the shared contract, per organization, plus the plans without a metadata switch.

The settings are kept per organization: optout reads the organizations from admin.atlassian.com
(an admin of one lands on its Overview; an admin of several picks from a list; an account that
administers none sees none) and works on each organization's Data contribution page.
"""

from __future__ import annotations

from optout.engine import registry
from optout.errors import Exit
from optout.results import SettingState
from optout.testing.browser import SharedBrowser
from optout.testing.contract import FlowContract, fixtures_root, run_variant
from optout.web.replay import Replay

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
