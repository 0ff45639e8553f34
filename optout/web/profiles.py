"""The person's own browsers on this machine: where each keeps its profiles, and their names.

A profile is named as the browser shows it ("Work"): Chrome-family browsers keep the names in
`Local State` (`profile.info_cache`), Firefox in `profiles.ini`. The cookie library optout uses
(see `optout.web.cookie_store`) knows profile folders only, so this is written here. Nothing in
a profile is opened but those two index files and, later, a copy of its cookie store.
"""

from __future__ import annotations

import configparser
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from optout.errors import UsageError
from optout.printable import one_line

BROWSERS = ("chrome", "chromium", "edge", "brave", "firefox")
TITLES = {"chrome": "Chrome", "chromium": "Chromium", "edge": "Edge", "brave": "Brave",
          "firefox": "Firefox"}
# Each Chrome-family browser's user-data folder, below the platform's base folder
# (https://chromium.googlesource.com/chromium/src/+/HEAD/docs/user_data_dir.md).
LINUX = {"chrome": ("google-chrome",), "chromium": ("chromium",), "edge": ("microsoft-edge",),
         "brave": ("BraveSoftware/Brave-Browser",)}
# Flatpak and Snap keep their own configuration folder under the home.
LINUX_SANDBOXED = {
    "chrome": ("~/.var/app/com.google.Chrome/config/google-chrome",),
    "chromium": ("~/.var/app/org.chromium.Chromium/config/chromium",
                 "~/snap/chromium/common/chromium"),
    "edge": ("~/.var/app/com.microsoft.Edge/config/microsoft-edge",),
    "brave": ("~/.var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser",
              "~/snap/brave/current/.config/BraveSoftware/Brave-Browser"),
}
MAC = {"chrome": "Google/Chrome", "chromium": "Chromium", "edge": "Microsoft Edge",
       "brave": "BraveSoftware/Brave-Browser"}
WINDOWS = {"chrome": r"Google\Chrome\User Data", "chromium": r"Chromium\User Data",
           "edge": r"Microsoft\Edge\User Data", "brave": r"BraveSoftware\Brave-Browser\User Data"}


@dataclass(frozen=True)
class Profile:
    """One browser profile: its browser, the name the browser shows, and its folder."""

    browser: str
    name: str
    folder: Path

    @property
    def title(self) -> str:
        return TITLES[self.browser]

    def describe(self) -> str:
        return f"{self.title}'s profile '{one_line(self.name)}'"

    def cookie_file(self) -> Path | None:
        """The profile's cookie store; Chrome moved it into `Network/` in version 96."""
        if self.browser == "firefox":
            found = [self.folder / "cookies.sqlite"]
        else:
            found = [self.folder / "Network" / "Cookies", self.folder / "Cookies"]
        present = [path for path in found if path.is_file()]
        return max(present, key=lambda path: path.stat().st_mtime) if present else None


def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def user_data_folders(browser: str) -> list[Path]:
    """Where `browser` keeps its profiles on this system, the usual place first."""
    if browser == "firefox":
        return _firefox_folders()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return [Path(local) / WINDOWS[browser]]
    if sys.platform == "darwin":
        return [Path.home() / "Library" / "Application Support" / MAC[browser]]
    return ([_config_home() / part for part in LINUX[browser]]
            + [Path(p).expanduser() for p in LINUX_SANDBOXED[browser]])


def _firefox_folders() -> list[Path]:
    if sys.platform == "win32":
        roaming = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return [Path(roaming) / "Mozilla" / "Firefox"]
    if sys.platform == "darwin":
        return [Path.home() / "Library" / "Application Support" / "Firefox"]
    # Firefox 147 and newer keep new installs in the XDG folder (Mozilla bug 259356).
    return [_config_home() / "mozilla" / "firefox", Path.home() / ".mozilla" / "firefox",
            Path.home() / ".var/app/org.mozilla.firefox/config/mozilla/firefox",
            Path.home() / ".var/app/org.mozilla.firefox/.mozilla/firefox",
            Path.home() / "snap/firefox/common/.mozilla/firefox"]


def profiles(browser: str, folders: list[Path] | None = None) -> list[Profile]:
    """The profiles with a cookie store, as the browser names them, in its own order."""
    found: list[Profile] = []
    for folder in folders if folders is not None else user_data_folders(browser):
        listed = _firefox_profiles(folder) if browser == "firefox" else _chrome_profiles(
            browser, folder)
        found += [p for p in listed if p.cookie_file() is not None and p not in found]
    return found


def _chrome_profiles(browser: str, folder: Path) -> Iterator[Profile]:
    names = _chrome_names(folder / "Local State")
    folders = sorted({*names, *(p.name for p in _profile_like(folder))},
                     key=lambda name: (name != "Default", name))
    for name in folders:
        yield Profile(browser, names.get(name) or name, folder / name)


def _profile_like(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_dir()
            and (p.name == "Default" or p.name.startswith("Profile "))]


def _chrome_names(local_state: Path) -> dict[str, str]:
    """Profile folder -> the name the browser shows, from `Local State` (empty when unreadable)."""
    try:
        data = json.loads(local_state.read_text(encoding="utf-8"))
        cache = data["profile"]["info_cache"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(cache, dict):
        return {}
    return {str(folder): str(info.get("name") or folder) for folder, info in cache.items()
            if isinstance(info, dict) and "/" not in str(folder) and "\\" not in str(folder)}


def _firefox_profiles(folder: Path) -> Iterator[Profile]:
    ini = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        ini.read(folder / "profiles.ini", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return
    default = next((ini[s].get("Default", "") for s in ini.sections()
                    if s.startswith("Install")), "")
    listed = []
    for section in ini.sections():
        if not section.startswith("Profile") or "Path" not in ini[section]:
            continue
        entry = ini[section]
        path = Path(entry["Path"])
        where = folder / path if entry.get("IsRelative", "1") == "1" else path
        first = entry["Path"] == default or (not default and entry.get("Default") == "1")
        listed.append((not first, Profile("firefox", entry.get("Name") or path.name, where)))
    for _, profile in sorted(listed, key=lambda pair: pair[0]):
        yield profile


def choose(browser: str, wanted: str | None) -> Profile | list[Profile]:
    """The profile `wanted` names (its name, its folder, or a user-data folder), or the choices.

    With nothing wanted, the only profile, else every profile for the person to pick from."""
    if wanted and _looks_like_path(wanted):
        folder = Path(wanted).expanduser()
        if not folder.is_dir():
            raise UsageError(f"There is no folder {one_line(str(folder))}.",
                             "Give a profile's name as the browser shows it, or its folder.")
        alone = Profile(browser, folder.name, folder)
        if alone.cookie_file() is not None:
            named = {p.folder: p for p in profiles(browser, [folder.parent])}
            return named.get(folder, alone)
        inside = profiles(browser, [folder])
        if not inside:
            raise UsageError(f"{one_line(str(folder))} holds no {TITLES[browser]} profile "
                             "(no cookie store in it or in profile folders below it).",
                             "Give the profile's own folder or the browser's user-data folder.")
        return inside[0] if len(inside) == 1 else inside
    every = profiles(browser)
    if not every:
        looked = ", ".join(one_line(str(f)) for f in user_data_folders(browser)[:2])
        raise UsageError(f"No {TITLES[browser]} profile with cookies was found on this machine "
                         f"(looked in {looked}).",
                         "Give its folder with --browser-profile FOLDER, or sign in with "
                         "--browser.")
    if not wanted:
        return every[0] if len(every) == 1 else every
    matches = [p for p in every if p.name.casefold() == wanted.casefold()] or [
        p for p in every if p.folder.name.casefold() == wanted.casefold()]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(f"'{one_line(p.name)}'" for p in every)
    if matches:
        raise UsageError(f"{TITLES[browser]} has several profiles called "
                         f"'{one_line(matches[0].name)}'.", "Give the profile's folder instead: "
                         + ", ".join(one_line(str(p.folder)) for p in matches))
    raise UsageError(f"{TITLES[browser]} has no profile called '{one_line(wanted)}'.",
                     f"Its profiles: {names}.")


def _looks_like_path(value: str) -> bool:
    return value.startswith(("~", ".")) or any(sep in value for sep in ("/", "\\"))
