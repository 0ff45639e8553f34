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

On 2025-03-28 Amazon removed "Do Not Send Voice Recordings", a setting of three Echo devices
(Echo Dot 4th gen, Echo Show 10, Echo Show 15; US, English) that kept recordings on the device:
every request now goes to Amazon's cloud, for the generative-AI Alexa+. Accounts that had it were
moved to "Don't save recordings" (recordings deleted once processed), which stays among the
retention choices under "Manage Your Alexa Data" and is not this flow's to change. It was a
device's setting, never one of this flow's, and nothing replaces it (sources: the TCAI guide, as
the 2026-12 catalogue cites it; TechCrunch 2025-03-15, quoting Amazon's email). Amazon named no
change to the two switches here, so both are kept; no source after 2019 gives their labels, so
`verified` stays at 2019.
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
    # GUESS (2026-12): the two switches are taken to still exist after 2025-03-28: Amazon's
    # notice of that date removed only the Echo devices' "Do Not Send Voice Recordings", and no
    # later source names them either way, so this date is not moved.
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
    notes="Amazon removed \"Do Not Send Voice Recordings\" (a setting of some Echo devices, "
          "never one of these switches) on 2025-03-28: every request now goes to its cloud. "
          "\"Don't save recordings\" (Alexa Privacy > Manage Your Alexa Data) still deletes "
          "recordings once processed; choose it there by hand if you want it.",
    guesses=(
        Guess("verified", "no source after 2019 gives the two switches' labels; they are taken "
                          "to still exist, as Amazon's 2025-03-28 change named only the Echo "
                          "devices' \"Do Not Send Voice Recordings\""),
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
        Source("\"Do Not Send Voice Recordings\" removed on 2025-03-28 (Echo Dot 4th gen, Echo "
               "Show 10, Echo Show 15; US English): all requests processed in Amazon's cloud, for "
               "Alexa+; those who had it moved to \"Don't save recordings\"",
               "TCAI guide (per the 2026-12 catalogue); TechCrunch 2025-03-15, quoting Amazon's "
               "email to the customers who had it"),
        Source("\"Customers can continue to choose from a robust set of tools and controls, "
               "including the option to not save their voice recordings at all\"",
               "Amazon spokesperson to The Verge, 2025-03"),
        Source("recordings can be kept until deleted, for 18 months, for 3 months, or not saved; "
               "whether people may review recordings is a separate setting",
               "Amazon \"Personalize your Alexa privacy settings\"; Amazon Help \"Alexa, Echo "
               "devices, and your privacy\" (as a 2026 comparison cites them)"),
        Source("\"Don't save recordings\" is chosen under Alexa Privacy > Manage Your Alexa Data",
               "Amazon's Alexa privacy tips, 2020 (copied by theunbiasedblog.com)"),
    ),
)
