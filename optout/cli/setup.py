"""`optout setup`: a first run that guides. Which platforms, how to sign in to each, one dry run
over all of them, and the daily check. With no terminal it explains the commands instead."""

from typing import Any

import typer

from optout.cli.app import ReplayOpt, app, echo, execute, guarded, interactive, open_replay, say
from optout.errors import UsageError
from optout.printable import one_line

GUIDE = """optout setup needs a terminal to ask its questions. The same steps by hand:
  optout platforms                                   what optout covers
  optout login PLATFORM --from-browser chrome        take the session from your browser
  optout login PLATFORM --browser                    or sign in in a browser window
  optout login PLATFORM                              or store a password in the OS keyring
  optout run PLATFORM...                             read, report, ask once, turn off
  optout schedule install                            check every day, tell you what came back"""


def _chosen(flows: list[Any], answer: str) -> list[Any]:
    """Platforms by number or name ("1 4 linkedin"); an unknown one is a usage error."""
    by_slug = {flow.slug: flow for flow in flows}
    picked = []
    for word in answer.replace(",", " ").split():
        if word.isdigit() and 1 <= int(word) <= len(flows):
            picked.append(flows[int(word) - 1])
        elif word.lower() in by_slug:
            picked.append(by_slug[word.lower()])
        else:
            raise UsageError(f"'{one_line(word)}' is not one of the platforms listed.",
                             "Run `optout setup` again and give their numbers or names.")
    return list(dict.fromkeys(picked))


def _ways(flow: Any, browsers: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """The ways to sign in to `flow` on this machine, the least secret first."""
    ways: list[tuple[str, dict[str, Any]]] = []
    if flow.login.signed_in_cookie:  # it tells a signed-in session among a profile's cookies
        from optout.web.profiles import TITLES

        ways += [(f"take the session you have in {TITLES[b]}", {"from_browser": b})
                 for b in browsers]
    ways.append(("sign in yourself in a browser window", {"browser": True}))
    if not flow.login.passwordless:
        ways.append(("store a username and password in the OS keyring", {}))
    return ways


def _sign_in(flow: Any, browsers: list[str], replay: Any) -> bool:
    from optout.cli.accounts import login

    ways = _ways(flow, browsers)
    say(f"How should optout sign in to {flow.title}?")
    for number, (words, _) in enumerate(ways, 1):
        say(f"  {number}. {words}")
    number = typer.prompt("Choose", type=int, default=1, err=True)
    if not 1 <= number <= len(ways):
        say(f"note: no way {number}; {flow.title} was left out.")
        return False
    chosen: dict[str, Any] = {
        "platform": flow.slug, "account": None, "browser": False, "username": None,
        "password_stdin": False, "totp": False, "from_browser": None, "browser_profile": None,
        "replay": replay} | ways[number - 1][1]
    if flow.sites:  # the account's regional site, remembered by `login --site`
        chosen["site"] = typer.prompt(
            f"Your {flow.title} site ({', '.join((flow.domains[0], *flow.sites))})",
            default=flow.domains[0], err=True)
    try:
        login(**chosen)  # the command itself: its questions, its checks, its one-line errors
    except typer.Exit as ended:
        if ended.exit_code:
            say(f"note: {flow.title} was not set up; `optout login {flow.slug}` tries again.")
            return False
    return True


@app.command()
@guarded
def setup(replay: ReplayOpt = None) -> None:
    """A first run that guides: pick platforms, sign in to each, one dry run, a daily check."""
    from optout import accounts
    from optout.engine import registry
    from optout.web.profiles import BROWSERS, profiles

    if not interactive():
        echo(GUIDE)
        return
    flows = registry.all_flows()
    say("Which platforms do you use? optout covers:")
    for number, flow in enumerate(flows, 1):
        say(f"  {number:>2}. {flow.title} ({flow.slug})")
    picked = _chosen(flows, typer.prompt("Numbers or names, separated by spaces", err=True))
    browsers = [b for b in BROWSERS if profiles(b)]
    ready = []
    for flow in picked:
        if accounts.known(flow.slug):
            say(f"{flow.title}: already set up (`optout accounts` lists it).")
            ready.append(flow)
        elif _sign_in(flow, browsers, replay):
            ready.append(flow)
    if not ready:
        say("Nothing is set up yet; `optout setup` starts again.")
        return
    say("A dry run over all of them (nothing is changed):")
    from optout.engine import sites

    named = [(flow, accounts.resolve(flow.slug, None)) for flow in ready]
    targets = [(sites.for_account(flow, account), account) for flow, account in named]
    results = execute(targets, None, False, replay=open_replay(replay), command="check",
                      may_sign_in=True, send_forms=False)
    if any(r.pending for r in results):
        say("To turn off what is on: optout run " + " ".join(r.platform for r in results
                                                             if r.pending))
    if typer.confirm("Check every day, and tell you when something comes back on?",
                     default=True, err=True):
        from optout.cli.schedule import install

        install(every="daily", fix=False, notify=None)
