"""Adobe: "Content analysis" (Adobe account > Account and security > Privacy and personal data).

While it is on, Adobe may analyse your content with machine-learning techniques to develop and
improve its products and services. It is on by default for personal profiles; business profiles
(an organization's) don't have it, and their page reports it as not offered. The toggle saves
itself, with no Save button or confirmation. Adobe says Firefly, its generative model, is not
trained on customers' cloud content other than Adobe Stock submissions.

Older pages showed a checkbox instead ("Yes, allow my content to be analyzed by Adobe using
machine learning techniques."); the flow knows only today's toggle.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-11): platforms.md marks this address as a guess; the sources give only the menu
# path Account and security > Privacy and personal data.
SETTINGS = "https://account.adobe.com/privacy"

FLOW = Flow(
    slug="adobe",
    title="Adobe",
    # account.adobe.com (settings), auth.services.adobe.com (sign-in), helpx.adobe.com (help).
    domains=("adobe.com",),
    # The newest dated source is lireo.com, 2023 (the year only is given).
    verified=date(2023, 1, 1),
    login=Login(
        # GUESS (2026-11): platforms.md has no sign-in facts for Adobe. Adobe's sign-in page on
        # auth.services.adobe.com asks for the email, then the password on a second step.
        url="https://auth.services.adobe.com/en_US/index.html",
        username=Find("textbox", r"^email address$"),
        next=Find("button", r"^continue$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^continue$"),
        # GUESS (2026-11): the English sign-in pages only; another locale's page would not be
        # recognised as a sign-in page, and the run would report the section missing.
        login_paths=("/en_US/index.html", "/en_US/deeplink.html"),
        # GUESS (2026-11): the usual wording of a refused sign-in.
        rejected_text=r"incorrect password|password (is|was) incorrect",
        # No source names Adobe's signed-in cookie, so none is declared; without one,
        # `optout login adobe --browser` can't tell when a person has finished signing in.
    ),
    settings=(
        Setting(
            id="content-analysis",
            label="Content analysis",
            url=SETTINGS,
            # GUESS (2026-11): the page's main content is headed by its menu name.
            section=Section("main", r"^privacy and personal data$"),
            # GUESS (2026-11): the toggle is a switch named by its card's title.
            control=Find("toggle", r"content analysis"),
            offered_to="only to personal Adobe profiles (business profiles are excluded)",
            manual_path="account.adobe.com > Account and security > Privacy and personal data "
                        "> Content analysis > switch off (it saves itself)",
        ),
    ),
    guesses=(
        Guess("url", "platforms.md marks the address a guess; the sources give only the menu path",
                     "content-analysis"),
        Guess("login", "platforms.md has no sign-in facts; Adobe's usual two-step page is assumed"),
        Guess("login", "only the English sign-in pages are known as sign-in pages"),
        Guess("login", "the refused sign-in's wording is the usual one"),
        Guess("section", "the page's main content is taken to be headed by its menu name",
                         "content-analysis"),
        Guess("control", "the toggle is taken to be a switch named by its card's title",
                         "content-analysis"),
    ),
    sources=(
        Source("path Adobe account > Account and security > Privacy and personal data > "
               "\"Content analysis\" toggle On to Off; changes save automatically",
               "lireo.com, 2023"),
        Source("older checkbox wording \"Yes, allow my content to be analyzed by Adobe using "
               "machine learning techniques.\"", "a public README, per the research catalogue"),
        Source("on by default for personal accounts; business profiles excluded; Firefly not "
               "trained on customer cloud content other than Adobe Stock submissions",
               "https://helpx.adobe.com/manage-account/using/machine-learning-faq.html"),
        Source("settings URL https://account.adobe.com/privacy (GUESS)",
               "research catalogue, section 18"),
    ),
)
