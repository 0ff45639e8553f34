"""Typed errors: each one is a line for the person and an exit bit for scripts.

Exit codes are bit flags, OR-ed across the platforms of one command, so a script can tell
"something is still on" (4) from "log in again" (16) from "the site changed" (8) at once.
"""

from __future__ import annotations

from enum import IntFlag


class Exit(IntFlag):
    """Documented exit bits (README, "Exit codes")."""

    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    STILL_ON = 4
    FLOW_BROKEN = 8
    PERSON_NEEDED = 16
    CREDENTIALS = 32
    NOT_PERSISTED = 64


class OptoutError(Exception):
    """An expected problem: a plain message, a hint on what to do next, and an exit bit."""

    exit_bit: Exit = Exit.UNEXPECTED
    kind = "error"

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "message": self.message, "hint": self.hint,
                "exit_code": int(self.exit_bit)}


class Unexpected(OptoutError):
    """A bug: something optout did not plan for."""

    kind = "unexpected"


class UsageError(OptoutError):
    exit_bit = Exit.USAGE
    kind = "usage"


class HomeUnusable(OptoutError):
    """optout's own folder (OPTOUT_HOME) is a file, can't be written, or its disk is full."""

    exit_bit = Exit.UNEXPECTED
    kind = "home"

    def __init__(self, folder: object, why: str, full: bool = False) -> None:
        super().__init__(
            f"optout's folder {folder} can't be used: {why}.",
            "Free some space, or set OPTOUT_HOME to a folder on another disk." if full
            else "Set OPTOUT_HOME to a folder you can write to.")
        self.folder = str(folder)


class BrowserNotFound(OptoutError):
    exit_bit = Exit.UNEXPECTED
    kind = "no-browser"


class PageUnavailable(OptoutError):
    """A page did not load: no network, or no saved page for it in a replay folder."""

    exit_bit = Exit.UNEXPECTED
    kind = "page-unavailable"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"Could not load {url}: {reason}.", "Check the connection and run again.")
        self.url = url


class PersonNeeded(OptoutError):
    """Login, two-factor code, checkpoint: a person must finish what a machine must not."""

    exit_bit = Exit.PERSON_NEEDED
    kind = "person-needed"


class LanguageUnsupported(PersonNeeded):
    """The page is in a language whose texts the flow doesn't carry: a person must look.

    Not a broken flow: nothing is captured and no bug report is asked for.
    """

    kind = "language"


class CredentialsError(OptoutError):
    """No keyring, no stored credentials, or the platform refused them."""

    exit_bit = Exit.CREDENTIALS
    kind = "credentials"


class CookieStoreUnreadable(CredentialsError):
    """The person's browser keeps its cookie store out of reach: locked, damaged, or a key
    optout can't use."""

    kind = "cookie-store"


class FlowBroken(OptoutError):
    """The page is not what the flow expects: the site may have changed (a bug to report)."""

    exit_bit = Exit.FLOW_BROKEN
    kind = "flow-broken"

    def __init__(self, step: str, locator: str, url: str, count: int, detail: str = "") -> None:
        found = "nothing" if count == 0 else f"{count} matches"
        what = detail or f"expected exactly one {locator}, found {found}"
        super().__init__(
            f"The page no longer matches the flow at step '{step}': {what} on {url}.",
            "The site may have changed; please report it with `--debug` output "
            "(optout never includes your password).",
        )
        self.step = step
        self.locator = locator
        self.url = url
        self.count = count
        self.captured = False  # a capture of the page was saved (see `optout.evidence.capture`)

    def as_dict(self) -> dict[str, object]:
        return super().as_dict() | {"step": self.step, "locator": self.locator,
                                    "url": self.url, "count": self.count}
