"""The contract every flow passes against its saved pages.

A flow's test module subclasses `FlowContract` and names its slug:

    class TestLinkedIn(FlowContract):
        slug = "linkedin"

Each flow ships these fixture variants under `fixtures/<slug>/`: `on`, `off` (every setting in
that state), `not-offered` (the section without the control), `broken` (a page the flow no longer
matches), `neighbours` (other switches beside the flow's, which must never be touched) and
`did-not-persist` (a scripted page that drops the change on reload). Four more variants are
derived from `on` as it loads (`optout.testing.derive`): another toggle kind, another language, a
lookalike control and a reworded label.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import pytest

from optout.credentials import Credentials
from optout.engine import registry
from optout.engine.runner import Job, run_flow
from optout.errors import CredentialsError, Exit, FlowBroken
from optout.flow import Flow, Setting
from optout.results import Action, PlatformResult, SettingState
from optout.testing import derive
from optout.testing.browser import SharedBrowser
from optout.web.replay import SNAPSHOT, Replay

VARIANTS = ("on", "off", "not-offered", "broken", "neighbours", "did-not-persist")


def fixtures_root() -> Path:
    return Path(str(files("optout.fixtures")))


def no_credentials(platform: str, account: str) -> Credentials:
    raise CredentialsError("contract runs never sign in")


def run_variant(shared: SharedBrowser, flow: Flow, replay: Replay, *,
                apply: bool, **options: Any) -> PlatformResult:
    """One run of `flow` on saved pages; its history goes to the test's own OPTOUT_HOME.

    Pictures and captures are left out unless asked for (`evidence=True`): they cost time.
    """
    options.setdefault("evidence", False)
    job = Job([(flow, "contract")], (lambda _r: True) if apply else None, lambda _r, _f: None,
              replay=replay, credentials=no_credentials, keep_sessions=False, **options)
    return shared.run(run_flow(shared.browser, flow, "contract", job))


@dataclass
class SignedIn:
    """A run that signed in with stored credentials, on saved pages."""

    result: PlatformResult
    replay: Replay
    asked: list[str]  # "platform/account", each time the credentials were asked for


def sign_in_run(shared: SharedBrowser, flow: Flow | str, replay: Replay | str, username: str,
                password: str = "correct horse", **options: Any) -> SignedIn:
    """`optout run` (answering yes) on saved pages that start signed out, as account 'default'.

    `flow` is a flow or its slug; `replay` a Replay or the name of one of the flow's variants.
    History is kept only if asked (`record=True`); sessions are never kept.
    """
    flow = registry.load(flow) if isinstance(flow, str) else flow
    if isinstance(replay, str):
        replay = Replay.open(fixtures_root() / flow.slug / replay)
    asked: list[str] = []

    def stored(platform: str, account: str) -> Credentials:
        asked.append(f"{platform}/{account}")
        return Credentials(username, password)

    options.setdefault("record", False)
    job = Job([(flow, "default")], lambda _r: True, lambda _r, _f: None, replay=replay,
              credentials=stored, keep_sessions=False, **options)
    result = shared.run(run_flow(shared.browser, flow, "default", job))
    return SignedIn(result, replay, asked)


def done(setting: Setting) -> SettingState:
    """What a setting reads once optout changed it: a form can only be sent, not read back."""
    return SettingState.FORM_SUBMITTED if setting.kind == "form" else SettingState.TURNED_OFF


def templates(flow: Flow, result: PlatformResult) -> list[Setting]:
    """The flow's setting behind each result: itself, or the per-blog setting it was made from.

    Every flow's results come in the order of its settings, each at least once.
    """
    behind = [flow.setting(s.id.split(":", 1)[0]) for s in result.settings
              if s.state is not SettingState.NEW_CONTROL]
    assert list(dict.fromkeys(s.id for s in behind)) == [s.id for s in flow.settings]
    return behind


def action(setting: Setting) -> Action:
    return Action.SEND_FORM if setting.kind == "form" else Action.TURN_OFF


def snapshot(shared: SharedBrowser, replay: Replay, urls: list[str]) -> dict[str, object]:
    """Every control on the given pages, as the replayed server now has them."""

    async def read() -> dict[str, object]:
        context = await shared.browser.new_context()
        await replay.attach(context)
        page = await context.new_page()
        seen: dict[str, object] = {}
        for url in urls:
            await page.goto(url)
            found = await page.evaluate(SNAPSHOT)
            seen |= {f"{Replay.page_key(url)}#{key}": on for key, on in found.items()}
        await context.close()
        return seen

    return shared.run(read())


class FlowContract:
    slug: ClassVar[str]

    @pytest.fixture
    def flow(self) -> Flow:
        return registry.load(self.slug)

    def replay(self, variant: str) -> Replay:
        return Replay.open(fixtures_root() / self.slug / variant)

    def urls(self, flow: Flow) -> list[str]:
        return list(dict.fromkeys(s.url for s in flow.settings))

    def test_ships_every_variant(self) -> None:
        missing = [v for v in VARIANTS if not (fixtures_root() / self.slug / v).is_dir()]
        assert not missing, f"fixtures/{self.slug}/ lacks {missing}"

    def test_reads_on_without_clicking(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=False)
        behind = templates(flow, result)
        assert [s.state for s in result.settings] == [SettingState.ON] * len(behind)
        assert [s.action for s in result.settings] == [action(s) for s in behind]
        assert result.exit_code == Exit.STILL_ON
        assert replay.toggles == []

    def test_reads_off(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("off")
        result = run_variant(shared_browser, flow, replay, apply=True)
        behind = templates(flow, result)
        assert [s.state for s in result.settings] == [SettingState.OFF] * len(behind)
        assert result.exit_code == Exit.OK
        assert replay.toggles == []

    def test_turns_off_with_one_click_and_verifies(self, shared_browser: SharedBrowser,
                                                   flow: Flow) -> None:
        replay = self.replay("on")
        result = run_variant(shared_browser, flow, replay, apply=True)
        behind = templates(flow, result)
        assert [s.state for s in result.settings] == [done(s) for s in behind]
        assert [s.before for s in result.settings] == [SettingState.ON] * len(behind)
        assert [t.on for t in replay.toggles] == [s.desired == "on" for s in behind]
        assert result.exit_code == Exit.OK

    def test_second_run_clicks_nothing(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("on")
        run_variant(shared_browser, flow, replay, apply=True)
        clicks = len(replay.toggles)
        again = run_variant(shared_browser, flow, replay, apply=True)
        # A sent form is remembered (the history), never sent twice.
        assert [s.state for s in again.settings] == [
            SettingState.FORM_SUBMITTED if s.kind == "form" else SettingState.OFF
            for s in templates(flow, again)]
        assert len(replay.toggles) == clicks

    def test_not_offered(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("not-offered")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert {s.state for s in result.settings} == {SettingState.NOT_OFFERED}
        assert result.error is None
        assert result.exit_code == Exit.OK
        assert replay.toggles == []

    def test_broken_page_names_the_step(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("broken")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert isinstance(result.error, FlowBroken)
        assert any(s.id in result.error.step for s in flow.settings)
        lists = [s.targets.url for s in flow.settings if s.targets is not None]
        assert result.error.url in self.urls(flow) + lists + [s.url for s in result.settings]
        assert SettingState.UNKNOWN in {s.state for s in result.settings}
        assert result.exit_code & Exit.FLOW_BROKEN
        assert replay.toggles == []

    def test_neighbours_are_never_touched(self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.replay("neighbours")
        # A dry run clicks nothing and names the pages (one per blog for per-blog settings).
        looked = run_variant(shared_browser, flow, replay, apply=False)
        ours = [s for s in looked.settings if s.state is not SettingState.NEW_CONTROL]
        urls = list(dict.fromkeys(s.url for s in ours))
        before = snapshot(shared_browser, replay, urls)
        assert len(before) > len(ours), "the neighbours variant needs other controls"
        result = run_variant(shared_browser, flow, replay, apply=True)
        after = snapshot(shared_browser, replay, urls)
        changed = {key for key in before | after if before.get(key) != after.get(key)}
        assert len(changed) == len(ours)
        assert len(replay.toggles) == len(ours)
        ids = [s.id for s in ours]
        assert [s.state for s in result.settings if s.id in ids] == [
            done(s) for s in templates(flow, looked)]
        # Neighbours that speak of AI are pointed out, never clicked.
        assert {s.state for s in result.settings if s.id not in ids} <= {SettingState.NEW_CONTROL}

    def test_change_that_does_not_persist(self, shared_browser: SharedBrowser,
                                          flow: Flow) -> None:
        result = run_variant(shared_browser, flow, self.replay("did-not-persist"), apply=True)
        assert SettingState.DID_NOT_PERSIST in {s.state for s in result.settings}
        assert result.exit_code & Exit.NOT_PERSISTED

    # Pages it has never seen: the `on` pages changed in the ways real pages differ.

    def derived(self, flow: Flow, variant: str) -> Replay:
        return derive.derived(flow, fixtures_root() / self.slug / "on", variant)

    def test_another_kind_of_toggle_is_the_same_control(self, shared_browser: SharedBrowser,
                                                        flow: Flow) -> None:
        replay = self.derived(flow, "role-changed")
        result = run_variant(shared_browser, flow, replay, apply=True)
        behind = templates(flow, result)
        assert [s.state for s in result.settings] == [done(s) for s in behind]
        assert [t.on for t in replay.toggles] == [s.desired == "on" for s in behind]
        assert result.exit_code == Exit.OK

    def test_another_language_is_read_by_anchor_or_handed_to_a_person(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.derived(flow, "other-language")
        result = run_variant(shared_browser, flow, replay, apply=True)
        ours = [s for s in result.settings if s.state is not SettingState.NEW_CONTROL]
        assert len(ours) == len(result.settings), "a flow's own control is never a new control"
        behind = [flow.setting(s.id.split(":", 1)[0]) for s in ours]
        wanted = [done(t) if t.locale_free else SettingState.UNKNOWN for t in behind]
        assert [s.state for s in ours] == wanted
        errors = [e for e in [result.error, *result.more_errors] if e is not None]
        assert not [e for e in errors if isinstance(e, FlowBroken)]
        if SettingState.UNKNOWN in wanted:
            assert result.exit_code & Exit.PERSON_NEEDED
            assert any(e.kind == "language" and "zh-Hant" in e.message for e in errors)
            assert not result.exit_code & Exit.FLOW_BROKEN
        else:
            assert result.exit_code == Exit.OK
        assert len(replay.toggles) == sum(t.locale_free for t in behind)

    def test_a_lookalike_control_is_never_not_offered(self, shared_browser: SharedBrowser,
                                                      flow: Flow) -> None:
        replay = self.derived(flow, "lookalike")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert SettingState.NOT_OFFERED not in {s.state for s in result.settings}
        assert SettingState.UNKNOWN in {s.state for s in result.settings}
        assert result.exit_code & Exit.FLOW_BROKEN
        assert replay.toggles == []

    def test_a_reworded_label_stops_the_flow_before_any_click(
            self, shared_browser: SharedBrowser, flow: Flow) -> None:
        replay = self.derived(flow, "reworded")
        result = run_variant(shared_browser, flow, replay, apply=True)
        assert SettingState.NOT_OFFERED not in {s.state for s in result.settings}
        assert result.exit_code & Exit.FLOW_BROKEN
        assert replay.toggles == []
