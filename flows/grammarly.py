"""Grammarly: "Product Improvement and Training" (account settings > Security & Privacy).

While it is on, Grammarly may use your content, including what its generative AI features
process, to train and validate its AI and machine-learning models and to inform product work.
It is on by default for individual accounts (Free and Premium), set with a toggle on
account.grammarly.com/security/privacy; optout switches it off there.

Who has it where: single-user Pro accounts have the same toggle on another page
(account.grammarly.com/admin/data_settings), which this flow does not open, so their privacy page
reports it as not offered; on Pro accounts with several users only an administrator can change it
(Administration > Data Settings, "Product Improvement & Training"); Enterprise and plans bought
through Grammarly's sales team are off, and their members have nothing to switch.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# The help article's address; if it ever 404s, the article says to look under /security.
SETTINGS = "https://account.grammarly.com/security/privacy"

FLOW = Flow(
    slug="grammarly",
    title="Grammarly",
    # account.grammarly.com (settings), www.grammarly.com (sign-in), support.grammarly.com.
    domains=("grammarly.com",),
    # GUESS (2026-11): the catalogue dates none of its Grammarly sources; its newest date is the
    # AUDIT-NOTES' 2026-10-02, so it read them no earlier than that day, the date used here.
    verified=date(2026, 10, 2),
    login=Login(
        # GUESS (2026-11): platforms.md has no sign-in facts for Grammarly; public automation
        # scripts open this page and type an email and a password on it.
        url="https://www.grammarly.com/signin",
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        # GUESS (2026-11): the button's wording.
        submit=Find("button", r"^(sign in|log in)$"),
        login_paths=("/signin",),
        # GUESS (2026-11): the usual wording of a refused sign-in.
        rejected_text=r"incorrect (email|password)|email (or|and) password (is|are) incorrect",
        # GUESS (2026-11): public Grammarly API clients read the session from this cookie.
        signed_in_cookie="grauth",
    ),
    settings=(
        Setting(
            id="product-improvement-training",
            label="Product Improvement and Training",
            url=SETTINGS,
            # GUESS (2026-11): the page's main content is headed by its tab, "Security & Privacy"
            # (a secondary source), or by "Privacy": either way a heading that says privacy.
            section=Section("main", r"privacy"),
            # GUESS (2026-11): the toggle is a switch. Business admins see "&" for "and".
            control=Find("toggle", r"product improvement (and|&) training"),
            # GUESS (2026-11): the note a plan's own page shows in place of the switch.
            absent=r"grammarly plan does not use your content for product improvement",
            offered_to="only to individual Free and Premium accounts on this page (single-user "
                       "Pro accounts have it at account.grammarly.com/admin/data_settings; on "
                       "multi-user Pro only an administrator sets it; Enterprise and "
                       "sales-purchased plans are not trained on)",
            manual_path="account.grammarly.com/security/privacy (or account.grammarly.com/"
                        "security) > Product Improvement and Training > switch off",
        ),
    ),
    guesses=(
        Guess("verified", "no Grammarly source is dated; the catalogue's newest date, 2026-10-02, "
                          "is used"),
        Guess("login", "platforms.md has no sign-in facts; public automation scripts use this "
                       "page"),
        Guess("login", "the sign-in button's wording ('Sign in' or 'Log in') is guessed"),
        Guess("login", "the refused sign-in's wording is the usual one"),
        Guess("signed-in-cookie", "public Grammarly API clients read the session from grauth"),
        Guess("section", "the main content is taken to be headed 'Security & Privacy' or 'Privacy'",
                         "product-improvement-training"),
        Guess("control", "the toggle is taken to be a switch", "product-improvement-training"),
        Guess("other", "the note a plan's own page shows in place of the switch is guessed",
                       "product-improvement-training"),
    ),
    sources=(
        Source("settings URL account.grammarly.com/security/privacy (Free/Premium); "
               "single-user Pro: account.grammarly.com/admin/data_settings; a "
               "\"Product Improvement and Training\" toggle, no confirmation step",
               "Grammarly help https://support.grammarly.com/hc/en-us/articles/25555503115277"),
        Source("the tab is named \"Security & Privacy\"; if the URL 404s, open "
               "account.grammarly.com/security and look for the toggle",
               "a secondary source, per the research catalogue (section 14)"),
        Source("on for individuals; Enterprise and sales-purchased plans off; multi-user Pro: "
               "admin only, under Administration > Data Settings (\"Product Improvement & "
               "Training\", green check = on)",
               "Grammarly help 25555503115277 (same article)"),
        Source("sign-in page https://www.grammarly.com/signin with email and password (GUESS)",
               "public Grammarly automation scripts (repositories not recorded)", live=True),
        Source("session cookie grauth (GUESS)",
               "public Grammarly API clients (repositories not recorded)", live=True),
    ),
)
