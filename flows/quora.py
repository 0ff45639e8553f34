"""Quora: "Allow large language models to be trained on your content" (Settings > Privacy).

An opt-out setting: training is allowed until the person switches it off. Quora says it does not
*currently* use answers, posts or comments to train content-generating LLMs; the switch is what
keeps that so if the policy changes. No region, plan or age differences are reported in the
sources.

Sign-in is not automated: Quora's email/password form is its home page, and no source names
Quora's signed-in cookie, so a signed-out session is reported as such (see `prepare_page`) and
the person is pointed to the manual path.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from optout.errors import PersonNeeded
from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source
from optout.locate import by_role, section_locator

if TYPE_CHECKING:
    from playwright.async_api import Page

SETTINGS = "https://www.quora.com/settings/privacy"
MANUAL = ("Settings > Privacy > Allow large language models to be trained on your content > "
          "switch off")


class QuoraFlow(Flow):
    async def prepare_page(self, page: Page, may_change: bool) -> str | None:
        # The sign-in form lives at "/", which a `login_paths` prefix can't name without
        # matching every page; so a signed-out visit is recognised by the form it shows.
        password = by_role(page, self.login.password).filter(visible=True)
        sections = [section_locator(page, s.section) for s in self.settings]
        if await password.count() and not [s for s in sections if await s.count()]:
            raise PersonNeeded(
                "Quora shows its sign-in form instead of its settings: this session is "
                "signed out.",
                f"optout can't sign in to Quora by itself yet; switch it off by hand: {MANUAL} "
                f"({SETTINGS}).",
            )
        return None


FLOW = QuoraFlow(
    slug="quora",
    title="Quora",
    domains=("quora.com",),
    # GUESS (2026-11): the catalogue dates none of its Quora sources; its newest date is the
    # AUDIT-NOTES' 2026-10-02, so it read them no earlier than that day, the date used here.
    verified=date(2026, 10, 2),
    login=Login(
        # The signed-out home page holds the email/password form (and Google/Facebook buttons).
        url="https://www.quora.com/",
        # GUESS (2026-11): public automation code fills input#email and input#password and
        # clicks the form's button; the labels "Email", "Password" and "Login" are guesses.
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log ?in$"),
        # Empty on purpose: the form's path is "/", and every path starts with "/".
        login_paths=(),
        # No source names Quora's challenge pages, refusal wording or signed-in cookie; without
        # the cookie, `optout login quora --browser` can't tell when a person has signed in.
    ),
    settings=(
        Setting(
            id="llm-training",
            label="Allow large language models to be trained on your content",
            url=SETTINGS,
            # GUESS (2026-11): no source gives the page's landmarks or headings. Public UI
            # clones of the page head its first group "Privacy Settings" (one puts the switch
            # under "Content Preferences" instead), so the section is the main content holding
            # that heading, which contains both groups.
            section=Section("main", r"^privacy settings$"),
            # GUESS (2026-11): the catalogue is unsure whether this is a switch or a checkbox;
            # the clones draw a switch. Were it a checkbox, the run reports "not offered" plus
            # a new control of that name to look at (exit 4), never a quiet success.
            control=Find("toggle", r"large language models to be trained"),
            # GUESS (2026-11): the click saves (the catalogue's guess; no Save button reported).
            confirm=Confirm.IMMEDIATE,
            manual_path=MANUAL,
        ),
    ),
    # GUESS (2026-11): the privacy page's other switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"search engines to index your name"),
                Find("toggle", r"adult content in recommendations"),
                Find("toggle", r"profile to be discovered by email"),
                Find("toggle", r"gifs to play automatically"),
                Find("toggle", r"advertisers on quora to promote your answers"),
                Find("toggle", r"subscribers of your new questions"),
    ),
    guesses=(
        Guess("verified", "no Quora source is dated; the catalogue's newest date, 2026-10-02, is "
                          "used"),
        Guess("login", "code fills #email and #password; the labels 'Email', 'Password', 'Login' "
                       "are guesses"),
        Guess("section", "no source gives the headings; UI clones head the first group 'Privacy "
                         "Settings'", "llm-training"),
        Guess("control", "the catalogue is unsure whether it is a switch or a checkbox; clones "
                         "draw a switch", "llm-training"),
        Guess("other", "the click is taken to save (the catalogue's guess; no Save button "
                       "reported)", "llm-training"),
        Guess("other", "the privacy page's other switches (neighbours) are as the saved pages show "
                       "them"),
    ),
    sources=(
        Source("settings URL https://www.quora.com/settings/privacy (Settings > Privacy)",
               "many public repositories (per the research catalogue)"),
        Source("label 'Allow large language models to be trained on your content', on the "
               "privacy settings page", "help.quora.com article 15205064557844 (Hindi "
               "localisation); English wording per sipoch/Wired summaries"),
        Source("allowed by default (an opt-out); Quora does not currently use answers, posts "
               "or comments to train content-generating LLMs", "Quora help; Wired via techiemag"),
        Source("sign-in: an email/password form on quora.com, with Google/Facebook SSO; "
               "inputs #email and #password on the home page",
               "research catalogue, Quora (g); public Selenium scripts filling Quora's "
               "home-page form (e.g. Harsh-i-t/Automate-Login-Script python_script.py)", live=True),
        Source("the page's other switches ('Allow search engines to index your name', 'Allow "
               "adult content in recommendations', 'Allow your profile to be discovered by "
               "email', 'Allow GIFs to play automatically', 'Allow advertisers on Quora to "
               "promote your answers', 'Notify your subscribers of your new questions'), its "
               "message and comment choices and its delete/deactivate links",
               "public UI clones of Quora's privacy settings page (not first-party)"),
    ),
)
