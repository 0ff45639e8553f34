"""Commands about accounts: `login`, `logout`, `accounts`. Secrets go only to the keyring."""

import sys
from typing import Annotated

import typer

from optout.cli.app import (
    AccountOpt,
    JsonOpt,
    PlatformArg,
    ReplayOpt,
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


def _needs_terminal(what: str) -> None:
    if not interactive():
        raise UsageError(f"optout login asks for {what} and needs a terminal.",
                         "Run it in a terminal, or use --username with --password-stdin.")


@app.command()
@guarded
def login(platform: PlatformArg, account: AccountOpt = None, browser: BrowserOpt = False,
          username: UsernameOpt = None, password_stdin: PasswordStdinOpt = False,
          totp: TotpOpt = False, replay: ReplayOpt = None) -> None:
    """Store a platform's username and password in the OS keyring, or sign in in a browser."""
    from optout import accounts, credentials
    from optout.engine import registry
    from optout.web import totp as authenticator

    flow = registry.load(platform)
    account = which_account(flow.slug, account)
    if password_stdin and username is None:
        raise UsageError("--password-stdin needs --username.", "Add --username NAME.")
    if browser or (flow.login.passwordless and not (username or password_stdin)):
        import asyncio

        from optout.web.browser_login import sign_in_in_browser

        say(f"Sign in to {flow.title} in the browser window; optout waits and keeps the session.")
        asyncio.run(sign_in_in_browser(flow, account, open_replay(replay)))
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
    accounts.remember(flow.slug, account)
    extra = " and authenticator key" if secret else ""
    say(f"Stored {flow.title} credentials{extra} for account '{account}' in the OS keyring.")


@app.command()
@guarded
def logout(platform: PlatformArg, account: AccountOpt = None) -> None:
    """Remove an account's credentials, authenticator key and saved session."""
    from optout import accounts, credentials
    from optout.engine import registry
    from optout.web.sessions import SessionStore

    flow = registry.load(platform)
    account = which_account(flow.slug, account)
    removed = []
    if SessionStore().delete(flow.slug, account):
        removed.append("saved session")
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
    """List platforms and accounts: session age, whether credentials are stored (never secrets)."""
    from optout import accounts, credentials
    from optout.web.sessions import SessionStore

    store = SessionStore()
    rows: list[tuple[str, str, bool | None, float | None]] = []
    for platform, names in sorted(accounts.everything().items()):
        for account in names:
            try:
                stored: bool | None = credentials.has(platform, account)
            except CredentialsError:
                stored = None  # no keyring to ask
            rows.append((platform, account, stored, store.age_seconds(platform, account)))
    if json_out:
        echo(dumps({"version": 1, "accounts": [
            {"platform": p, "account": a, "credentials": c, "session_age_seconds": age}
            for p, a, c, age in rows]}))
        return
    if not rows:
        say("No accounts yet: `optout login PLATFORM` adds one.")
        return
    for platform, account, stored, age in rows:
        creds = {True: "credentials stored", False: "no credentials",
                 None: "credentials unknown (no keyring)"}[stored]
        session = "no saved session" if age is None else f"session saved {_age(age)} ago"
        echo(f"{platform:<12} {account:<16} {creds}; {session}")


def _age(seconds: float) -> str:
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} seconds"
