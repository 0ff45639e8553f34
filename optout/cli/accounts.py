"""Commands about accounts: `login`, `logout`, `accounts`. Secrets go only to the keyring."""

import sys
from typing import Annotated, Any

import typer

from optout.cli.app import (
    AccountOpt,
    JsonOpt,
    PlatformArg,
    ReplayOpt,
    SiteOpt,
    app,
    dumps,
    echo,
    guarded,
    interactive,
    open_replay,
    say,
    which_account,
)
from optout.errors import CredentialsError, UsageError

BrowserOpt = Annotated[bool, typer.Option(
    "--browser", help="Sign in yourself in a visible browser (SSO, passkey, codes); keep the "
    "session.")]
UsernameOpt = Annotated[str | None, typer.Option("--username", help="The username, no prompt.")]
PasswordStdinOpt = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password from standard input (for scripts).")]
TotpOpt = Annotated[bool, typer.Option(
    "--totp", help="Also store an authenticator setup key, to fill app codes automatically.")]
FromBrowserOpt = Annotated[str | None, typer.Option(
    "--from-browser", metavar="chrome|chromium|edge|brave|firefox",
    help="Take the session you already have in this browser (only the platform's cookies).")]
BrowserProfileOpt = Annotated[str | None, typer.Option(
    "--browser-profile", metavar="NAME|FOLDER",
    help="With --from-browser: the profile, by the name the browser shows or its folder.")]


def _needs_terminal(what: str) -> None:
    if not interactive():
        raise UsageError(f"optout login asks for {what} and needs a terminal.",
                         "Run it in a terminal, or use --username with --password-stdin.")


@app.command()
@guarded
def login(platform: PlatformArg, account: AccountOpt = None, browser: BrowserOpt = False,
          username: UsernameOpt = None, password_stdin: PasswordStdinOpt = False,
          totp: TotpOpt = False, from_browser: FromBrowserOpt = None,
          browser_profile: BrowserProfileOpt = None, replay: ReplayOpt = None,
          site: SiteOpt = None) -> None:
    """Store a platform's username and password in the OS keyring, sign in in a browser, or
    take the session from the browser you use."""
    from optout import accounts, credentials
    from optout.engine import registry, sites
    from optout.web import session_source
    from optout.web import totp as authenticator
    from optout.web.sessions import SessionStore

    flow = registry.load(platform)
    account = which_account(flow.slug, account)
    if password_stdin and username is None:
        raise UsageError("--password-stdin needs --username.", "Add --username NAME.")
    if browser_profile is not None and from_browser is None:
        raise UsageError("--browser-profile needs --from-browser.", "Add --from-browser NAME.")
    flow, moved = sites.choose(flow, account, site)
    if moved:
        say(moved)
    store = SessionStore("replay" if replay is not None else "live")
    if from_browser is not None:
        from optout.cli.from_browser import browser_named, take_session

        if browser or username or password_stdin or totp:
            raise UsageError("--from-browser takes the session only: it goes with no password, "
                             "--browser or --totp.", "Leave those out.")
        profile = take_session(flow, account, browser_named(from_browser), browser_profile,
                               replay is not None)
        accounts.remember(flow.slug, account)
        say(f"Took the {flow.title} session for account '{account}' from {profile.describe()} "
            "(only its cookies for " + ", ".join(flow.domains) + "; kept encrypted).")
        return
    if browser or (flow.login.passwordless and not (username or password_stdin)):
        import asyncio

        from optout.web.browser_login import sign_in_in_browser

        said = "" if flow.login.signed_in_cookie else (
            " Once you are in, optout opens the settings page to be sure.")
        say(f"Sign in to {flow.title} in the browser window; optout waits and keeps the "
            f"session.{said}")
        asyncio.run(sign_in_in_browser(flow, account, open_replay(replay)))
        session_source.remember(store, flow.slug, account,
                                session_source.SessionSource(session_source.BROWSER_SIGN_IN))
        accounts.remember(flow.slug, account)
        say(f"Saved the {flow.title} session for account '{account}' (encrypted).")
        return
    if username is None:
        _needs_terminal("the username")
        username = typer.prompt(f"{flow.title} username (email or phone)", err=True)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        _needs_terminal("the password")
        password = typer.prompt(f"{flow.title} password (hidden)", hide_input=True, err=True)
    if not username.strip() or not password:
        raise UsageError("The username and the password must not be empty.")
    secret = None
    if totp:
        _needs_terminal("the authenticator setup key")
        secret = authenticator.normalise(typer.prompt(
            f"{flow.title} authenticator setup key (hidden)", hide_input=True, err=True))
    credentials.store(flow.slug, account, username.strip(), password)
    if secret:
        credentials.store_totp(flow.slug, account, secret)
    session_source.forget(store, flow.slug, account)  # from now on it signs in with these
    accounts.remember(flow.slug, account)
    extra = " and authenticator key" if secret else ""
    say(f"Stored {flow.title} credentials{extra} for account '{account}' in the OS keyring.")


@app.command()
@guarded
def logout(platform: PlatformArg, account: AccountOpt = None) -> None:
    """Remove an account's credentials, authenticator key and saved session."""
    from optout import accounts, credentials
    from optout.engine import registry
    from optout.web import session_source
    from optout.web.sessions import SessionStore

    flow = registry.load(platform)
    account = which_account(flow.slug, account)
    removed = []
    store = SessionStore()
    linked = session_source.read(store, flow.slug, account)
    if store.delete(flow.slug, account):
        removed.append("saved session")
    if session_source.forget(store, flow.slug, account) and linked is not None \
            and linked.kind == session_source.FROM_BROWSER:
        removed.append(f"link to {linked.profile_of().describe()}")
    try:
        if credentials.delete(flow.slug, account):
            removed.append("credentials")
    except CredentialsError:
        if not removed:
            raise
        say("note: the keyring is not reachable; only the saved session was removed.")
    accounts.forget(flow.slug, account)
    if removed:
        say(f"Removed the {flow.title} {' and '.join(removed)} for account '{account}'.")
    else:
        say(f"No {flow.title} credentials or session were stored for account '{account}'.")


@app.command("accounts")
@guarded
def list_accounts(json_out: JsonOpt = False) -> None:
    """List accounts: where each session came from and its age, whether a password is stored
    (never secrets)."""
    from optout import accounts, credentials, prefs
    from optout.web import session_source
    from optout.web.sessions import SessionStore

    store = SessionStore()
    sites = prefs.sites()
    rows: list[tuple[str, str, bool | None, float | None, Any]] = []
    for platform, names in sorted(accounts.everything().items()):
        for account in names:
            try:
                stored: bool | None = credentials.has(platform, account)
            except CredentialsError:
                stored = None  # no keyring to ask
            rows.append((platform, account, stored, store.age_seconds(platform, account),
                         session_source.read(store, platform, account)))
    if json_out:
        echo(dumps({"version": 1, "accounts": [
            {"platform": p, "account": a, "credentials": c, "session_age_seconds": age,
             "session_source": _source_json(source, c), "site": sites.get((p, a))}
            for p, a, c, age, source in rows]}))
        return
    if not rows:
        say("No accounts yet: `optout login PLATFORM` adds one.")
        return
    for platform, account, stored, age, source in rows:
        creds = {True: "credentials stored", False: "no credentials",
                 None: "credentials unknown (no keyring)"}[stored]
        origin = f" {source.describe()}," if source is not None else ""
        session = "no saved session" if age is None else f"session{origin} saved {_age(age)} ago"
        site = f"; on {sites[(platform, account)]}" if (platform, account) in sites else ""
        echo(f"{platform:<12} {account:<16} {creds}; {session}{site}")


def _source_json(source: Any, stored: bool | None) -> dict[str, str] | None:
    """Where the session comes from: a browser profile, a browser sign-in, or the password."""
    if source is not None:
        return {"kind": source.kind, "browser": source.browser, "profile": source.profile,
                "folder": source.folder}
    return {"kind": "password"} if stored else None


def _age(seconds: float) -> str:
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} seconds"
