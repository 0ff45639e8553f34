"""Substack: "Opt out of AI training" (formerly "Block AI training"), per publication.

Since 2023 (Substack's help article, October 2023) every publication has a switch in its
settings that tells AI tools ("ChatGPT and Google Gemini") their models should not be trained
on the publication's content. It is off by default (training allowed) and each publication of
an account has its own: optout reads the account's publications and reports and changes each on
its own (`optout run substack --target PUBLICATION` for one, PUBLICATION being its substack.com
subdomain). This is a "block" switch: optout turns it ON.

It only signals crawlers (Substack's own words: it "indicates to AI tools ... that their models
should not be trained"); crawlers that ignore the signal, and copies already taken, are not
covered. Substack warns that it "may limit your discoverability on these platforms". The 2023
help article called it "Block AI training" under "Publication details"; a 2026 report calls it
"Opt out of AI training" in a Privacy section: optout matches both. The publication's other
settings are never touched. A reader account without a publication is told it has none.

Signing in: the email, "Sign in with password", then the password and "Sign in", at
substack.com/sign-in. An account without a password (emailed sign-in links only) signs in with
`optout login substack --browser`.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source, Targets

SETTINGS = "https://{target}.substack.com/publish/settings"
# GUESS (2026-11): the account's settings page is taken to list its publications in a part
# headed "Publications", each linking to its dashboard at https://{publication}.substack.com.
ACCOUNT = "https://substack.com/settings"

FLOW = Flow(
    slug="substack",
    title="Substack",
    # Publications live at {publication}.substack.com, the account and sign-in at substack.com.
    # GUESS (2026-11): a publication on its own domain keeps its substack.com address for the
    # dashboard; one whose list link points at its own domain is not taken (not on these domains).
    domains=("substack.com",),
    # The newest dated source: the r/Substack mirror of 2026-05-10.
    verified=date(2026, 5, 10),
    login=Login(
        url="https://substack.com/sign-in",
        # A public Cypress helper types the email (input[type=email]), clicks the link "sign in
        # with password", types the password and presses "Sign in".
        # GUESS (2026-11): the fields' accessible names "Email" and "Password".
        username=Find("textbox", r"^email"),
        next=Find("link", r"^sign in with password$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^sign in$"),
        login_paths=("/sign-in",),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"(invalid|incorrect|wrong) (email or )?password|"
                      r"no account (found )?(with|for) (that|this) email",
        # Several public Substack clients carry the session in this cookie (domain .substack.com).
        signed_in_cookie="substack.sid",
    ),
    settings=(
        Setting(
            id="ai-training",
            label="Opt out of AI training for {target}",
            url=SETTINGS,
            # GUESS (2026-11): the sources name two places ("Publication details" in 2023, a
            # Privacy section in 2026), so the section is the page's main content, headed
            # "Settings", and the switch's name tells it apart.
            section=Section("main", r"^settings$"),
            # GUESS (2026-11): "a toggle" in the sources; exposed as a switch.
            control=Find("toggle", r"^(opt out of|block) ai training$"),
            desired="on",
            manual_path="{target}.substack.com > Dashboard > Settings > Privacy (formerly "
                        "Publication details) > Opt out of AI training (formerly Block AI "
                        "training) > switch on",
            targets=Targets(
                url=ACCOUNT,
                # GUESS (2026-11): a region headed "Publications" on the account's settings.
                section=Section("region", r"^publications$"),
                link=r"^https://(?!www\.)(?P<target>[a-z0-9][a-z0-9-]*)\.substack\.com"
                     r"/publish(/home)?/?$",
                noun="publication",
            ),
        ),
    ),
    notes="Substack keeps this switch per publication: optout reports and changes every "
          "publication of the account (`--target PUBLICATION` for one). It only signals AI "
          "crawlers not to train on the publication.",
    # GUESS (2026-11): the settings page's other switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"hide publication from search engines"),
                Find("toggle", r"show publication on your substack profile"),
                Find("toggle", r"show recommendations when readers subscribe"),
                Find("toggle", r"weekly digest of your subscriptions"),
    ),
    guesses=(
        Guess("url", "the settings page's exact path is the catalogue's guess ('your publication's "
                     "Settings page')", "ai-training"),
        Guess("url", "the account's settings page is taken to list its publications, linking to "
                     "their dashboards", "ai-training"),
        Guess("other", "a publication on its own domain is taken to keep its substack.com "
                       "dashboard address"),
        Guess("login", "the sign-in fields' accessible names 'Email' and 'Password' are guessed"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
        Guess("signed-in-cookie", "substack.sid is taken to be the cookie that alone marks a "
                                  "signed-in session"),
        Guess("section", "two places are named (2023, 2026), so the section is the main content "
                         "headed 'Settings'", "ai-training"),
        Guess("control", "'a toggle' in the sources, taken to be exposed as a switch",
                         "ai-training"),
        Guess("section", "the publications are taken to be a region headed 'Publications'",
                         "ai-training"),
        Guess("other", "the settings page's other switches (neighbours) are as the saved pages "
                       "show them"),
    ),
    sources=(
        Source("settings URL https://{publication}.substack.com/publish/settings (the exact "
               "path a guess of the catalogue: \"your publication's Settings page\")",
               "research catalogue section 11(a)"),
        Source("label \"Block AI training\" under Settings > \"Publication details\"; "
               "description \"This setting indicates to AI tools like ChatGPT and Google Bard "
               "that their models should not be trained on your published content\"; a toggle "
               "slid to the right turns blocking on; off by default",
               "https://support.substack.com/hc/en-us/articles/20382615953556 (screenshot "
               "2023-10-26)"),
        Source("2026 label \"Opt out of AI training\" in a Privacy section; description \"Tells "
               "third-party AI-tools like ChatGPT and Google Gemini that their models should "
               "not be trained on your content. Note this may limit your discoverability on "
               "these platforms.\"", "r/Substack mirror, 2026-05-10"),
        Source("sign-in at https://substack.com/sign-in: email, the link \"sign in with "
               "password\", the password, \"Sign in\"",
               "bwillenbring/nytimes-bee cypress/support/commands.substack.js; public "
               "Playwright scripts opening https://substack.com/sign-in", live=True),
        Source("session cookie substack.sid on .substack.com (GUESS that it alone marks a "
               "signed-in session)",
               "public Substack clients setting substack.sid for .substack.com (e.g. "
               "python scrapers' cookie maps and Apify page functions)", live=True),
    ),
)
