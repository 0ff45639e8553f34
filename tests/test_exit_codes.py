"""Every state that is not as desired sets an exit bit: a script never reads 0 as "all off"."""

from __future__ import annotations

import pytest

from optout.errors import Exit, FlowBroken, PersonNeeded
from optout.evidence import restore
from optout.results import PlatformResult, SettingResult, SettingState, envelope


def one(state: SettingState, cause: Exit = Exit.UNEXPECTED) -> PlatformResult:
    setting = SettingResult("s", "A setting", "https://example.com/s", state, cause=cause)
    return PlatformResult("example", "Example", "default", [setting])


@pytest.mark.parametrize("state", list(SettingState))
def test_a_state_ends_in_0_only_when_it_is_as_desired(state: SettingState) -> None:
    code = one(state).exit_code
    assert (code == Exit.OK) == state.as_desired, f"{state.value} ends in {int(code)}"
    assert envelope([one(state)])["exit_code"] == int(code)  # the JSON says the same


@pytest.mark.parametrize("cause", [Exit.OK, Exit.UNEXPECTED, Exit.FLOW_BROKEN,
                                   Exit.PERSON_NEEDED])
def test_an_unknown_setting_sets_its_cause_and_never_0(cause: Exit) -> None:
    code = one(SettingState.UNKNOWN, cause).exit_code
    assert code != Exit.OK
    assert code == (cause or Exit.UNEXPECTED)


def test_a_restore_ends_in_0_only_when_each_setting_is_as_before() -> None:
    as_before = {SettingState.ON, SettingState.RESTORED, SettingState.NOT_OFFERED}
    for state in SettingState:
        code = restore.exit_code(one(state))
        assert (code == 0) == (state in as_before), f"restore: {state.value} ends in {code}"


def test_errors_beside_the_first_count_in_a_restore() -> None:
    result = one(SettingState.RESTORED)
    result.more_errors.append(FlowBroken("verify 's'", "switch", "https://example.com/s", 0))
    result.error = PersonNeeded("Sign in again.")
    assert restore.exit_code(result) == Exit.FLOW_BROKEN | Exit.PERSON_NEEDED
