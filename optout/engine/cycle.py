"""What the cycle's helpers (request forms, per-blog targets, menus) may use of a run.

`optout.engine.flowrun.FlowRun` is the one run there is; the helpers name this protocol
instead, so they never import the run that imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

    from optout.credentials import Credentials
    from optout.engine.language import PageLanguage
    from optout.engine.seeking import Found
    from optout.errors import OptoutError
    from optout.flow import Find, Flow, Setting, State
    from optout.locate import Timing
    from optout.results import SettingResult, SettingState


class Cycle(Protocol):
    """One flow driving one page for one account (see `optout.engine.flowrun.FlowRun`)."""

    flow: Flow
    page: Page
    account: str
    timing: Timing
    shown_in: PageLanguage
    delete_activity: bool
    objection_text: str | None
    send_forms: bool
    only_target: str | None

    # What the run was given to call (read-only here: a helper calls them, never replaces them).
    @property
    def credentials(self) -> Callable[[], Credentials]: ...

    @property
    def note(self) -> Callable[[str], None]: ...

    @property
    def sent_before(self) -> Callable[[str], tuple[str, str] | None]: ...

    def setting(self, setting_id: str) -> Setting: ...

    def blank(self, setting: Setting, state: SettingState, reason: str = "") -> SettingResult: ...

    def unknown(self, setting: Setting, error: OptoutError, reason: str = "") -> SettingResult:
        ...

    def readable(self) -> bool: ...

    async def open(self, url: str) -> None: ...

    async def control_of(self, setting: Setting, step: str) -> Found: ...

    async def not_offered(self, setting: Setting, section: Locator | None) -> SettingResult: ...

    async def position(self, setting: Setting, control: Locator) -> State: ...

    async def click(self, scope: Page | Locator, find: Find, step: str) -> None: ...
