"""Figma: "Content training" for each team the account administers (Admin > Settings > AI).

The switch lets Figma train its AI models on the content of a team's files. It is kept per team
and only a team's admins can change it: the flow lists the teams in the file browser and reads
each team's admin settings; a team the person is only a member of is reported as not offered
(its admin decides). Since 2024-08-15 it is on by default for Starter and Professional teams;
on the Organization and Enterprise plans it is off by default and set once for the whole
organization by an organization admin, which this flow does not cover. Education and
Government content is not used for training. Teams are named by the number in their address
(figma.com/files/team/<number>/...), which `--target` takes.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source, Targets

# GUESS (2026-11): the file browser's start page; the sources only say "file browser".
FILE_BROWSER = "https://www.figma.com/files/recents-and-sharing"

FLOW = Flow(
    slug="figma",
    title="Figma",
    domains=("figma.com",),
    # The change of default dates from 2024-08-15; no later date is in the sources.
    verified=date(2024, 8, 15),
    login=Login(
        # GUESS (2026-11): no source describes Figma's sign-in; one page with "Email",
        # "Password" and "Log in" is assumed.
        url="https://www.figma.com/login",
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/login",),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"(email|password) (is|was) incorrect|invalid (email|password)",
    ),
    settings=(
        Setting(
            id="content-training",
            label="Content training for team {target}",
            # GUESS (2026-11): the team's Admin > Settings page; the sources give the clicks, not
            # the address. Its path carries the team's number, as the file browser's team pages
            # do (figma.com/files/team/<number>/...).
            url="https://www.figma.com/files/team/{target}/admin/settings",
            # GUESS (2026-11): the Settings tab's "AI" section, taken to be a region so headed.
            section=Section("region", r"^ai$"),
            control=Find("toggle", r"content training"),
            offered_to="only to admins of Starter and Professional teams (on Organization and "
                       "Enterprise plans an organization admin sets it for the whole "
                       "organization, off by default)",
            manual_path="File browser > team {target} > Admin > Settings > AI > Content "
                        "training > switch off (Starter teams: the menu next to the team's name "
                        "> View settings > Settings > AI > Manage AI settings)",
            targets=Targets(
                url=FILE_BROWSER,
                # GUESS (2026-11): the sidebar is taken to be a navigation landmark with the
                # account's teams under a "Teams" heading.
                section=Section("navigation", r"^teams$"),
                # Team pages only; an organization's teams live under /files/<org>/team/...,
                # which this does not match (their setting is the organization's).
                link=r"^https://www\.figma\.com/files/team/(?P<target>\d+)(?:[/?#]|$)",
                noun="team",
            ),
        ),
    ),
    guesses=(
        Guess("url", "the file browser's start page is assumed; the sources only say 'file "
                     "browser'", "content-training"),
        Guess("url", "the team's Admin > Settings address is assumed; the sources give the clicks",
                     "content-training"),
        Guess("login", "no source describes the sign-in; one page with Email, Password and 'Log "
                       "in' assumed"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
        Guess("section", "the Settings tab's 'AI' section is taken to be a region so headed",
                         "content-training"),
        Guess("section", "the sidebar is taken to be a navigation landmark listing teams under "
                         "'Teams'", "content-training"),
    ),
    sources=(
        Source("Professional: file browser > team > Admin (left sidebar) > Settings > AI > "
               "\"Content training\"; Starter: team > All Projects > menu next to the team name "
               "> View settings > Settings > AI > \"Manage AI settings\" > \"Content training\"",
               "https://help.figma.com/hc/en-us/articles/17725942479127"),
        Source("on by default for Starter and Professional since 2024-08-15, off for "
               "Organization and Enterprise (set at organization level); admins only; "
               "Education and Government data not used",
               "https://help.figma.com/hc/en-us/articles/17725942479127"),
        Source("a team's number is in its file-browser address figma.com/files/team/<number>/",
               "public READMEs of Figma API tools (\"Find your Figma Team ID\")"),
    ),
)
