"""Set and forget: a session taken from the person's browser is taken again when it ends.

An account set up with `login --from-browser` never signs in with a password: when its saved
session no longer works (a scheduled check included), a fresh copy is taken from the same
profile; only when that copy doesn't work either is a person needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from optout.errors import CookieStoreUnreadable, PersonNeeded
from optout.flow import Flow
from optout.web.cookie_store import NotSignedIn, take
from optout.web.session_source import SessionSource


@dataclass(frozen=True)
class Renewal:
    flow: Flow
    account: str
    source: SessionSource

    def describe(self) -> str:
        return self.source.profile_of().describe()

    def take(self) -> list[dict[str, Any]]:
        """A fresh copy of the platform's cookies from the profile (blocking: run in a thread)."""
        try:
            return take(self.flow, self.source.profile_of()).cookies
        except NotSignedIn:
            raise self.needed(f"the saved session ended and {self.describe()} has no "
                              f"{self.flow.title} sign-in either") from None
        except CookieStoreUnreadable as exc:  # a keyring locked at night, a store held locked
            why = exc.message.rstrip(".")
            raise self.needed("the saved session ended and a fresh copy could not be read: "
                              + why[:1].lower() + why[1:]) from None

    def needed(self, what: str) -> PersonNeeded:
        flow = self.flow
        return PersonNeeded(
            f"{flow.title}: login needed ({what}).",
            f"Sign in to {flow.title} in {self.describe()}, then run "
            f"`{self.source.login_command(flow.slug, self.account)}`.")
