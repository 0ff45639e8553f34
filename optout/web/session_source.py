"""Where an account's saved session came from, so it can be taken again from the same place.

Kept beside the session as `<account>.source.json` (not a secret: a browser, a profile's name
and folder). Only sessions taken from the person's own browser (`login --from-browser`) and
browser sign-ins (`login --browser`) have one; an account with a stored password needs none. A
damaged record is read as no record: the account then behaves as one without a link.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import asdict, dataclass
from pathlib import Path

from optout.paths import write_private_json
from optout.web.profiles import BROWSERS, Profile
from optout.web.sessions import SessionStore

FROM_BROWSER = "from-browser"
BROWSER_SIGN_IN = "browser-sign-in"


@dataclass(frozen=True)
class SessionSource:
    kind: str
    browser: str = ""
    profile: str = ""  # the name the browser shows
    folder: str = ""

    def profile_of(self) -> Profile:
        return Profile(self.browser, self.profile, Path(self.folder))

    def describe(self) -> str:
        if self.kind == FROM_BROWSER:
            return f"from {self.profile_of().describe()}"
        return "from a browser sign-in"

    def login_command(self, slug: str, account: str) -> str:
        if self.kind != FROM_BROWSER:
            return f"optout login {slug} --account {account} --browser"
        return (f"optout login {slug} --account {account} --from-browser {self.browser} "
                f"--browser-profile {shlex.quote(self.folder)}")


def _path(store: SessionStore, platform: str, account: str) -> Path:
    return store.path(platform, account).with_suffix(".source.json")


def remember(store: SessionStore, platform: str, account: str, source: SessionSource) -> None:
    write_private_json(_path(store, platform, account), {"version": 1, **asdict(source)})


def read(store: SessionStore, platform: str, account: str) -> SessionSource | None:
    try:
        data = json.loads(_path(store, platform, account).read_text(encoding="utf-8"))
        source = SessionSource(str(data["kind"]), str(data.get("browser", "")),
                               str(data.get("profile", "")), str(data.get("folder", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if source.kind == FROM_BROWSER and (source.browser not in BROWSERS or not source.folder):
        return None
    return source if source.kind in (FROM_BROWSER, BROWSER_SIGN_IN) else None


def forget(store: SessionStore, platform: str, account: str) -> bool:
    path = _path(store, platform, account)
    if not path.is_file():
        return False
    path.unlink()
    return True
