"""Dropbox: the "Third-party AI" switch (Settings > Third-party AI).

The switch lets Dropbox's AI features send the content a person asks about to Dropbox's
third-party AI partners (OpenAI at the time of the sources). Dropbox says those partners do not
train their models on the data; switching it off keeps files away from them, and the features
that need them. It is on by default for accounts eligible for the Dropbox AI alpha, and not
offered in Canada, the UK or the EEA (GUESS: there the "Third-party AI" tab shows no switch).
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-11): the tab's address is not in the sources (Ars Technica links "this link" without
# giving it); Dropbox's settings tabs live under /account/, and this path names the tab.
SETTINGS = "https://www.dropbox.com/account/third_party_ai"

FLOW = Flow(
    slug="dropbox",
    title="Dropbox",
    domains=("dropbox.com",),
    # Ars Technica's article is dated December 2023 (the month is what the catalogue gives).
    verified=date(2023, 12, 1),
    login=Login(
        url="https://www.dropbox.com/login",
        # GUESS (2026-11): no source describes Dropbox's sign-in page; the email step with a
        # "Continue" button, then the password with "Log in", is taken as its layout.
        username=Find("textbox", r"^email"),
        next=Find("button", r"^continue$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^(log|sign) in$"),
        login_paths=("/login",),
        # GUESS (2026-11): the usual wording of a refused password; not in the sources.
        rejected_text=r"(email|password) (is|was) incorrect|invalid (email|password)",
        # No source names Dropbox's challenge pages or signed-in cookie.
    ),
    settings=(
        Setting(
            id="third-party-ai",
            label="Use artificial intelligence (AI) from third-party partners",
            url=SETTINGS,
            # GUESS (2026-11): the sources name the tab "Third-party AI"; that the tab's panel is
            # a region headed by the tab's name is the page layout assumed here.
            section=Section("region", r"^third-party ai$"),
            # The end of the long label names who gets the data; "so you can work faster in
            # Dropbox" is marketing wording more likely to change.
            control=Find("toggle", r"from third-party partners"),
            offered_to="only outside Canada, the UK and the EEA (and to accounts eligible for "
                       "Dropbox AI)",
            manual_path="dropbox.com (desktop web) > profile photo > Settings > Third-party AI "
                        "> Use artificial intelligence (AI) from third-party partners > "
                        "switch off",
        ),
    ),
    notes="The switch governs Dropbox AI features sending files to OpenAI; Dropbox says the "
          "partner does not train on them.",
    guesses=(
        Guess("url", "the tab's address is not in the sources; a path under /account/ naming the "
                     "tab is assumed", "third-party-ai"),
        Guess("login", "no source describes the sign-in; email and 'Continue', then password and "
                       "'Log in'"),
        Guess("login", "the refused password's wording is the usual one, not in the sources"),
        Guess("section", "the 'Third-party AI' tab's panel is assumed to be a region headed by the "
                         "tab's name", "third-party-ai"),
        Guess("default", "in Canada, the UK and the EEA the tab is taken to show no switch",
                         "third-party-ai"),
    ),
    sources=(
        Source("path profile photo > Settings > \"Third-party AI\" tab; switch \"Use artificial "
               "intelligence (AI) from third-party partners so you can work faster in Dropbox\"",
               "Ars Technica, 2023-12 (\"Dropbox spooks users with new AI features that send "
               "data to OpenAI when used\")"),
        Source("on by default for accounts eligible for the Dropbox AI alpha; not offered in "
               "Canada, the UK or the EEA",
               "https://help.dropbox.com/view-edit/privacy-settings-dropbox-ai"),
        Source("files go to OpenAI only for Dropbox AI features; partners do not train on them",
               "Ars Technica, 2023-12, quoting Dropbox's AI FAQ"),
    ),
)
