"""Results as data: setting states, a platform's result, the versioned JSON envelope, exit codes.

Commands produce these objects; `optout.cli.render` renders them for people and `envelope()`
for scripts. The envelope's shape is pinned by a contract test: change it only with a new
`ENVELOPE_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from optout.errors import Exit, OptoutError

ENVELOPE_VERSION = 1


class SettingState(Enum):
    OFF = "off"  # read back off: as wanted
    ON = "on"  # read on: still training on the person's data
    TURNED_OFF = "turned-off"  # changed by this run and read back off after a reload
    DID_NOT_PERSIST = "did-not-persist"  # changed, but on again after a reload
    NOT_OFFERED = "not-offered"  # the section is there, the control is not (region, plan, age)
    UNKNOWN = "unknown"  # could not be read; `reason` says why
    CHANGED_BACK = "changed-back"  # verified off before, on again now
    NEW_CONTROL = "new-control"  # an AI-sounding control the flow doesn't know: a person looks
    # An objection form was sent (by this run or an earlier one) and the page confirmed it; the
    # platform answers by itself, so nothing more can be read back.
    FORM_SUBMITTED = "form-submitted"
    # `optout restore` put back what optout had changed, and read it back after a reload.
    RESTORED = "restored"
    # The person chose to leave it as it is (`optout skip`): read, never changed, never an alarm.
    SKIPPED = "skipped"

    @property
    def as_desired(self) -> bool:
        return self in (SettingState.OFF, SettingState.TURNED_OFF, SettingState.NOT_OFFERED,
                        SettingState.FORM_SUBMITTED, SettingState.SKIPPED)


class Action(Enum):
    NONE = "none"  # already as wanted, or nothing to act on
    TURN_OFF = "turn-off"  # the run will (or would) click the control once
    SEND_FORM = "send-form"  # the run will (or would) fill in and send the request form once


@dataclass
class SettingResult:
    id: str
    label: str
    url: str
    state: SettingState
    action: Action = Action.NONE
    # What the control read before this run changed anything (None when it couldn't be read).
    before: SettingState | None = None
    reason: str = ""
    manual_path: str = ""
    # What the change does beyond a click: the text a form sends, the menu choice it makes.
    detail: str = ""
    # What on the page the state rests on, where that is not simply the control read: why a
    # setting is not offered, or that it was read by an anchor on a page in another language.
    evidence: str = ""
    # What kept an `unknown` state from being known, as the exit bit it sets (README, "Exit
    # codes"): a changed page (8), a person needed (16), optout's own state unreadable (1).
    cause: Exit = Exit.UNEXPECTED

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "url": self.url,
            "state": self.state.value,
            "before": self.before.value if self.before else None,
            "action": self.action.value,
            "reason": self.reason,
            "detail": self.detail,
            "evidence": self.evidence,
            "manual_path": self.manual_path,
        }


@dataclass
class PlatformResult:
    platform: str
    title: str
    account: str
    settings: list[SettingResult] = field(default_factory=list)
    error: OptoutError | None = None
    # Further problems met beside `error` (another page, another setting): their exit bits count.
    more_errors: list[OptoutError] = field(default_factory=list, repr=False)
    dry_run: bool = True
    # Masked screenshots by setting id, for the receipts (never in the JSON).
    shots: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def exit_code(self) -> Exit:
        code = Exit.OK
        if self.error is not None:
            code |= self.error.exit_bit
        for error in self.more_errors:
            code |= error.exit_bit
        for setting in self.settings:
            code |= state_bit(setting)
        return code

    @property
    def pending(self) -> list[SettingResult]:
        return [s for s in self.settings if s.action is not Action.NONE]

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "account": self.account,
            "dry_run": self.dry_run,
            "settings": [s.as_dict() for s in self.settings],
            "error": self.error.as_dict() if self.error else None,
            "exit_code": int(self.exit_code),
        }


# The bit each state that is not as desired sets; `unknown` sets its cause. A restored setting is
# training again (as its person asked, in a restore, whose exit code speaks of that).
STATE_BITS = {SettingState.ON: Exit.STILL_ON, SettingState.CHANGED_BACK: Exit.STILL_ON,
              SettingState.NEW_CONTROL: Exit.STILL_ON, SettingState.RESTORED: Exit.STILL_ON,
              SettingState.DID_NOT_PERSIST: Exit.NOT_PERSISTED}


def state_bit(setting: SettingResult) -> Exit:
    """The exit bit of one setting's state: 0 only when it is as desired."""
    if setting.state is SettingState.UNKNOWN:
        return setting.cause or Exit.UNEXPECTED  # never 0: nothing was known
    return STATE_BITS.get(setting.state, Exit.OK)


def combined_exit(results: list[PlatformResult]) -> int:
    code = Exit.OK
    for result in results:
        code |= result.exit_code
    return int(code)


def envelope(results: list[PlatformResult]) -> dict[str, Any]:
    return {
        "version": ENVELOPE_VERSION,
        "results": [r.as_dict() for r in results],
        "exit_code": combined_exit(results),
    }
