"""Amazon Alexa: the two switches under "Manage How Your Data Improves Alexa" (Alexa Privacy).

As their labels say, "Help Develop New Features" (also worded "Help improve Amazon services and
develop new features") lets Amazon use the account's Alexa data to improve its services and
develop new features, and "Use Messages to Improve Transcriptions" lets it use the messages sent
with Alexa to improve transcriptions. Both are switched off here. They live on the account's
Alexa Privacy page on amazon.com (also in the Alexa app: Settings > Alexa Privacy); accounts of
other Amazon stores (amazon.co.uk, amazon.com.au...) have their own pages, which this flow does
not visit. No region, plan or age rule is reported in the sources. The labels date from 2019
and may have changed: a renamed switch shows as "not offered", and as a new control to look at
when its new name speaks of improving or training.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

SETTINGS = "https://www.amazon.com/alexaprivacysettings"
# GUESS (2026-11): the sources name the part "Manage How Your Data Improves Alexa" of the privacy
# page; that it shows on the page itself as a region headed so (not behind a link) is assumed.
SECTION = Section("region", r"^manage how your data improves alexa$")
PATH = "amazon.com/alexaprivacysettings (or Alexa app > Settings > Alexa Privacy) > Manage How " \
       "Your Data Improves Alexa > "

FLOW = Flow(
    slug="alexa",
    title="Amazon Alexa",
    # GUESS (2026-11): only amazon.com; the other stores' domains would each need their own URLs.
    domains=("amazon.com",),
    # The only dated source for the labels is the Irish Times, 2019 (no day given in the notes).
    verified=date(2019, 1, 1),
    login=Login(
        # GUESS (2026-11): no source describes Amazon's sign-in; this is its usual two-step page
        # (email or phone, "Continue", then the password and "Sign in").
        url="https://www.amazon.com/ap/signin",
        username=Find("textbox", r"^email or mobile phone number"),
        next=Find("button", r"^continue$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^sign in$"),
        login_paths=("/ap/signin",),
        # GUESS (2026-11): Amazon's one-time-code and "verify it's you" pages; not in the sources.
        challenge_paths=("/ap/mfa", "/ap/cvf"),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"your password is incorrect|cannot find an account with that",
        code_field=Find("textbox", r"enter (the )?(otp|code)"),
        code_submit=Find("button", r"^sign in$|^submit"),
    ),
    settings=(
        Setting(
            id="develop-new-features",
            label="Help Develop New Features",
            url=SETTINGS,
            section=SECTION,
            # Matches both wordings: "Help Develop New Features" and "Help improve Amazon
            # services and develop new features".
            control=Find("toggle", r"develop new features"),
            manual_path=PATH + "Help Develop New Features > switch off",
        ),
        Setting(
            id="messages-transcriptions",
            label="Use Messages to Improve Transcriptions",
            url=SETTINGS,
            section=SECTION,
            control=Find("toggle", r"messages to improve transcriptions"),
            manual_path=PATH + "Use Messages to Improve Transcriptions > switch off",
        ),
    ),
    guesses=(
        Guess("section", "'Manage How Your Data Improves Alexa' is assumed to be a region on the "
                         "page itself, not behind a link"),
        Guess("other", "only amazon.com: the other Amazon stores' domains would each need their "
                       "own URLs"),
        Guess("login", "no source describes Amazon's sign-in; its usual two-step page is assumed"),
        Guess("login", "the one-time-code and 'verify it's you' paths are not in the sources"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
    ),
    sources=(
        Source("settings page https://www.amazon.com/alexaprivacysettings, or the app's Settings "
               "> Alexa Privacy > \"Manage How Your Data Improves Alexa\"",
               "Amazon's Alexa privacy page (amazon.com.au), per the research catalogue"),
        Source("switches \"Help Develop New Features\" (also \"Help improve Amazon services and "
               "develop new features\") and \"Use Messages to Improve Transcriptions\"; labels "
               "may have changed since", "The Irish Times, 2019"),
    ),
)
