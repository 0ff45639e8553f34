"""Instagram: the "Sharing and reuse" AI switch, and the objection to AI at Meta (a web form).

"Allow people to reuse your content on Instagram and with AI features at Meta" (Profile > Menu >
Sharing and reuse) is on by default; optout turns it off. It does not stop Meta training its
models on public posts: for that, people in the EU/EEA, the UK, Switzerland, Brazil, Japan and
South Korea can object with Meta's form (Instagram's own copy on help.instagram.com); elsewhere
there is no opt-out and optout reports the form as not offered. The form is sent once with a text
the person approves (`--objection-text` for their own words); Meta answers by email within a
month, and a later run reports the pending objection instead of sending again. Meta AI chats
feed ads and content personalisation since 2025-12-16 with no opt-out at all.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source
from optout.flows.facebook import (
    FORM_GUESSES,
    OFFERED_TO,
    ON_FILE,
    SECTION,
    SEND,
    objection_form,
)

# GUESS (2026-11): the web address of "Sharing and reuse"; the sources give only the app's path.
# `hl=en` asks for English whatever the account's language: Instagram takes it on its pages
# (SlickRemix/feed-them-social PR #68; webcompat/web-bugs #76270 shows accounts/login/?hl=pt-br).
SHARING = "https://www.instagram.com/accounts/sharing_and_reuse/?hl=en"
# The 2024 form (a 2024 source); GUESS (2026-11): still served, like Facebook's 2024 form.
FORM_URL = "https://help.instagram.com/contact/767264225370182"

FLOW = Flow(
    slug="instagram",
    title="Instagram",
    domains=("instagram.com",),
    # AUDIT-NOTES "Meta AI (and Muse)", last verified 2026-10-02, is the newest dated source.
    verified=date(2026, 10, 2),
    login=Login(
        url="https://www.instagram.com/accounts/login/",
        # input[name=username], input[name=password], button[type=submit]. GUESS (2026-11): their
        # labels ("Phone number, username, or email", "Password", "Log in") are not in sources.
        username=Find("textbox", r"username"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/accounts/login",),
        # Suspicious-login challenges live under /challenge/. GUESS (2026-11): the 2FA step's
        # path /accounts/login/two_factor (checked before the sign-in paths, so it wins).
        challenge_paths=("/challenge", "/accounts/login/two_factor"),
        # GUESS (2026-11): Instagram's usual wording for a refused sign-in; not in the sources.
        rejected_text=r"your password was incorrect|doesn't belong to an account",
        # GUESS (2026-11): sessionid is the cookie a signed-in session carries.
        signed_in_cookie="sessionid",
        # input[name=verificationCode]. GUESS (2026-11): its label and the button's wording.
        code_field=Find("textbox", r"(security|verification|login) code"),
        code_submit=Find("button", r"^confirm$"),
    ),
    settings=(
        Setting(
            id="reuse-with-ai",
            label="Allow people to reuse your content on Instagram and with AI features at Meta",
            url=SHARING,
            # GUESS (2026-11): the page's landmarks; the sources name the screen "Sharing and
            # reuse" and the switch's label.
            section=Section("main", r"^sharing and reuse$"),
            # The part that tells it from the other reuse switches on the page.
            control=Find("toggle", r"with AI features at Meta"),
            manual_path="Profile > Menu > Sharing and reuse > Allow people to reuse your content "
                        "on Instagram and with AI features at Meta > switch off",
        ),
        Setting(
            id="ai-objection",
            label="Object to the use of your information for AI at Meta",
            url=FORM_URL,
            section=SECTION,
            control=SEND,
            form=objection_form(),
            shown_when_off=ON_FILE,
            offered_to=OFFERED_TO,
            manual_path="Settings and privacy > Privacy Center > AI at Meta > Right to object > "
                        "I want to object to the use of my information for Meta AI > Send",
        ),
    ),
    notes="The objection is a form, not a switch: optout sends it once and keeps the page's "
          "confirmation; Meta answers by email. Offered " + OFFERED_TO + ".",
    # GUESS (2026-11): the page's sharing switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"^allow sharing to (story|messages)"),
                Find("toggle", r"share your posts and reels to their stories"),
                Find("toggle", r"^allow remixing"),
                Find("toggle", r"^allow downloads"),
    ),
    guesses=(
        Guess("url", "the web address of 'Sharing and reuse' is assumed; the sources give only the "
                     "app's path", "reuse-with-ai"),
        Guess("url", "the 2024 objection form is taken to be still served, like Facebook's 2024 "
                     "form", "ai-objection"),
        Guess("login", "the sign-in fields' and button's labels are not in the sources"),
        Guess("login", "the 2FA step's path /accounts/login/two_factor is not in the sources"),
        Guess("login", "the refused sign-in's wording is Instagram's usual one, not in the "
                       "sources"),
        Guess("signed-in-cookie", "sessionid is taken to mark a signed-in session"),
        Guess("login", "the 2FA code field's label and its button's wording are not in the "
                       "sources"),
        Guess("section", "the page's landmarks are assumed; the sources name the screen and the "
                         "switch", "reuse-with-ai"),
        Guess("other", "the page's other sharing switches (neighbours) are as the saved pages show "
                       "them"),
        *FORM_GUESSES,  # the objection form is Facebook's
    ),
    sources=(
        Source("switch \"Allow people to reuse your content on Instagram and with AI features "
               "at Meta\" under Profile > Menu > \"Sharing and reuse\", on by default",
               "malwarebytes 2026-07, via AUDIT-NOTES \"Meta AI (and Muse)\" 2026-10-02"),
        Source("Instagram objection form https://help.instagram.com/contact/767264225370182",
               "a public repository with an objection-form warning (2024); research catalogue "
               "§3(a)"),
        Source("path Settings & Privacy > Privacy Center (or About > Privacy Policy) > AI at "
               "Meta > Right to object", "mgillion.be 2025-05-08; AUDIT-NOTES \"Meta AI (and "
               "Muse)\""),
        Source("labels \"I want to object to the use of my information for Meta AI\", \"...from "
               "third parties for Meta AI\", \"I have a different objection...\"",
               "AUDIT-NOTES \"Meta AI (and Muse)\" (reported)"),
        Source("fields: country (earlier versions), email pre-filled when signed in, optional "
               "reason, Submit/Send; a confirmation email follows",
               "vivdunstan.dreamwidth.org; mgillion.be 2025-05-08"),
        Source("form offered only in the EU, UK, CH, Brazil, Japan and South Korea",
               "AUDIT-NOTES \"Meta AI (and Muse)\" (reported); legalclarity.org"),
        Source("Meta answers within one month; one objection per account", "legalclarity.org"),
        Source("sign-in https://www.instagram.com/accounts/login/, input[name=username], "
               "input[name=password], button[type=submit]; 2FA input[name=verificationCode]; "
               "challenges under /challenge/", "monk3yd/bot-instagram main.py",
               live=True),
    ),
)
