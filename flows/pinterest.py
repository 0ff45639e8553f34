"""Pinterest: "Use your data to train Pinterest Canvas" (Settings > Privacy and data > GenAI).

On by default for adult accounts since the policy notice of 2025-03-06; Pinterest opts users
under 18 out automatically, so their page has no GenAI switch (reported as not offered). The
setting covers the training of Pinterest Canvas, Pinterest's own generative model; it does not
change the ads-personalisation switches on the same page, which this flow never touches. No
region exclusion is reported in the sources.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source

# Some repositories link /settings/privacy-and-data instead; the catalogue's deep link is this.
SETTINGS = "https://www.pinterest.com/settings/privacy"

FLOW = Flow(
    slug="pinterest",
    title="Pinterest",
    # GUESS (2026-11): Pinterest may send some countries to their own domains (e.g.
    # pinterest.co.uk); no source covers it, so only pinterest.com and its subdomains are used.
    domains=("pinterest.com",),
    # The newest dated source is millikancorydon.com, April 2025 (the month only is given).
    verified=date(2025, 4, 1),
    login=Login(
        url="https://www.pinterest.com/login/",
        # GUESS (2026-11): the catalogue guesses the inputs #email and #password; their visible
        # labels "Email" and "Password" and the "Log in" button are not in the sources.
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/login",),
        # GUESS (2026-11): no source gives Pinterest's challenge pages (2FA, "is this you?")
        # or its refusal wording; these are the usual phrasings of a refused sign-in.
        rejected_text=r"password you entered is incorrect|"
                      r"email you entered does not belong to any account",
        # No source names Pinterest's signed-in cookie, so none is declared; without one,
        # `optout login pinterest --browser` can't tell when a person has finished signing in.
    ),
    settings=(
        Setting(
            id="canvas-training",
            label="Use your data to train Pinterest Canvas",
            url=SETTINGS,
            # GUESS (2026-11): the sources give the page's title "Privacy and data" and its
            # "GenAI" heading but not the landmarks; the page title is taken to head the main
            # content, which holds the GenAI group.
            section=Section("main", r"^privacy and data$"),
            # The switch's name minus "Use your data to": the part that names the model.
            control=Find("toggle", r"train pinterest canvas"),
            # GUESS (2026-11): Pinterest's settings pages have had a "Reset"/"Save" bar; the
            # catalogue says to check for one. If the switch saves itself, the page has no Save
            # button and the confirm step reports the flow broken rather than a false success.
            confirm=Confirm.SAVE,
            confirm_button=Find("button", r"^save$"),
            offered_to="only to members aged 18 or over (younger members are opted out "
                       "automatically)",
            manual_path="Settings > Privacy and data > GenAI > "
                        "Use your data to train Pinterest Canvas > switch off > Save",
        ),
    ),
    # GUESS (2026-11): the privacy page's ads and data switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"^use info from sites you visit"),
                Find("toggle", r"^use of partner info"),
                Find("toggle", r"^ads about pinterest"),
                Find("toggle", r"^activity for ads reporting"),
                Find("toggle", r"^sharing info with partners"),
                Find("toggle", r"^ads off pinterest"),
    ),
    guesses=(
        Guess("other", "only pinterest.com: countries' own domains (e.g. pinterest.co.uk) are not "
                       "covered"),
        Guess("login", "the catalogue guesses #email and #password; the labels and the button are "
                       "not sourced"),
        Guess("login", "no source gives the challenge pages or the refusal wording; the usual "
                       "phrasings are used"),
        Guess("section", "the page title 'Privacy and data' is taken to head the main content",
                         "canvas-training"),
        Guess("other", "a Save bar is taken to store the change; the catalogue says to check for "
                       "one", "canvas-training"),
        Guess("other", "the privacy page's ads and data switches (neighbours) are as the saved "
                       "pages show them"),
    ),
    sources=(
        Source("settings URL https://www.pinterest.com/settings/privacy (some repositories use "
               "/settings/privacy-and-data)",
               "Pinterest help https://help.pinterest.com/en/article/manage-genai-settings; "
               "public repositories (per the research catalogue)"),
        Source("path Settings > Privacy and data > section 'GenAI'",
               "millikancorydon.com 2025-04; Pinterest help (manage-genai-settings)"),
        Source("label 'Use your data to train Pinterest Canvas'; description 'Allow your data "
               "to be used to help train Pinterest Canvas. Learn more'; a toggle",
               "two public UI clones of the settings screen"),
        Source("the page's other switches (Ads personalization: 'Use info from sites you "
               "visit', 'Use of partner info', 'Ads about Pinterest', 'Activity for ads "
               "reporting', 'Sharing info with partners', 'Ads off Pinterest') and its 'Manage "
               "your data' rows",
               "a public Flutter UI clone of the 'Privacy and data' screen (not first-party)"),
        Source("on by default; policy pop-up 2025-03-06; under-18 users opted out "
               "automatically", "Pinterest help, quoted in a public audit doc"),
        Source("sign-in page https://www.pinterest.com/login/; inputs #email, #password "
               "(a guess)", "research catalogue, Pinterest (g/h)"),
    ),
)
