"""`optout login PLATFORM --from-browser BROWSER`: the session the person already has, taken from
their own browser's profile (only the platform's cookies) and kept like a browser sign-in's."""

from __future__ import annotations

from optout.cli.app import interactive, say
from optout.errors import UsageError
from optout.flow import Flow
from optout.printable import one_line
from optout.web.profiles import BROWSERS, TITLES, Profile, choose


def browser_named(name: str) -> str:
    wanted = name.strip().lower()
    if wanted not in BROWSERS:
        raise UsageError(f"optout can't read '{one_line(name)}' (it reads {', '.join(BROWSERS)}).",
                         "Name one of those with --from-browser.")
    return wanted


def pick_profile(browser: str, wanted: str | None) -> Profile:
    """The profile meant; with several and no choice, asked on a terminal, else a usage error."""
    import typer

    found = choose(browser, wanted)
    if isinstance(found, Profile):
        return found
    names = ", ".join(f"'{one_line(p.name)}'" for p in found)
    if not interactive():
        raise UsageError(f"{TITLES[browser]} has {len(found)} profiles ({names}).",
                         "Say which with --browser-profile NAME (or its folder).")
    for index, profile in enumerate(found, 1):
        say(f"  {index}. {one_line(profile.name)} ({one_line(str(profile.folder))})")
    number: int = typer.prompt(f"Which {TITLES[browser]} profile (1-{len(found)})", type=int,
                          err=True)
    if not 1 <= number <= len(found):
        raise UsageError(f"There is no profile {number}.", "Run the command again.")
    return found[number - 1]


def take_session(flow: Flow, account: str, browser: str, wanted: str | None,
                 replayed: bool) -> Profile:
    """Copy the flow's cookies from the profile into the account's encrypted session."""
    from optout.web import session_source
    from optout.web.cookie_store import take
    from optout.web.sessions import SessionStore

    if not flow.login.signed_in_cookie:
        raise UsageError(f"optout can't yet tell a signed-in {flow.title} session by its "
                         "cookies, so it can't take one from a browser.",
                         f"Use `optout login {flow.slug}` instead.")
    profile = pick_profile(browser, wanted)
    taken = take(flow, profile)
    store = SessionStore("replay" if replayed else "live")
    store.save(flow.slug, account, taken.state())
    session_source.remember(store, flow.slug, account, session_source.SessionSource(
        session_source.FROM_BROWSER, profile.browser, profile.name,
        str(profile.folder.resolve())))
    return profile
