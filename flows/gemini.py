"""Google Gemini: "Keep Activity" (formerly "Gemini Apps Activity") in My Activity.

While Keep Activity is on, Google saves Gemini chats to the Google Account and may use them to
train its AI models and have people review them. It is on by default for personal accounts aged
18 or over; for work or school (Google Workspace) accounts only the administrator decides, and
Google says it does not train on Workspace chats anyway. It is not a switch: a button showing
the state ("On") opens a menu ("Turn off" / "Turn off and delete activity"); a dialog confirms, a
notice follows. Until 2025 the button read "Turn off" instead; both are read.
optout picks plain "Turn off" and deletes past chats only when asked (`--delete-activity`).

Worth knowing: even with it off, Google keeps chats for up to 72 hours; chats already reviewed by
people are kept for up to 3 years and can't be deleted; sending feedback shares the last 24 hours
of chats. The checkbox "Improve Google services with your audio and Gemini Live videos &
screenshares" under it (off by default) is left alone, as is the separate "Web & App Activity"
(https://myactivity.google.com/activitycontrols), which covers Search and AI Mode.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source

# Help 13278892 links this page; gemini.google.com's Settings & help > Activity opens it too.
# `hl=en` asks for English whatever the account's language: Google honours it on signed-in
# pages (mrishab/google-photos-delete-tool PR #21; public scripts open this very URL with it).
SETTINGS = "https://myactivity.google.com/product/gemini?hl=en"

FLOW = Flow(
    slug="gemini",
    title="Google Gemini",
    # myactivity.google.com and accounts.google.com: Google's own hosts, nothing wider.
    domains=("google.com",),
    # 2: the control shows its state and opens the menu (2026); English asked for by `hl=en`.
    version=2,
    verified=date(2026, 10, 2),
    login=Login(
        # Google's sign-in honours `hl` on hand-built URLs (ueberauth_google PR #102).
        url="https://accounts.google.com/?hl=en",
        # #identifierId, then #identifierNext; on the next page input[name=Passwd], #passwordNext.
        username=Find("textbox", r"email or phone"),
        next=Find("button", r"^next$"),
        password=Find("textbox", r"enter your password"),
        submit=Find("button", r"^next$"),
        # GUESS (2026-11): Google's sign-in paths as public scripts' URLs show them; the password
        # page lives under /v3/signin/challenge/pwd, a sign-in page, not a challenge.
        login_paths=("/v3/signin", "/signin", "/ServiceLogin", "/AccountChooser"),
        # GUESS (2026-11): the second steps' paths (authenticator code, SMS code, phone prompt,
        # security key, backup codes, choose-a-way); listed one by one so "pwd" is not among them.
        challenge_paths=tuple(f"{base}/challenge/{kind}"
                              for base in ("/v3/signin", "/signin/v2")
                              for kind in ("totp", "ipp", "ootp", "dp", "az", "sk", "bc",
                                           "selection", "recaptcha", "iap")),
        # GUESS (2026-11): Google's usual wording for a refused sign-in; not in the sources.
        rejected_text=r"wrong password|couldn.t find your google account",
        # GUESS (2026-11): SID is the cookie Google sets on .google.com once signed in.
        signed_in_cookie="SID",
        # input[name="totpPin"] / input[type=tel]; GUESS (2026-11): its label "Enter code".
        code_field=Find("textbox", r"^enter code$"),
        code_submit=Find("button", r"^next$"),
        risk_text=r"this browser or app may not be secure|couldn.t sign you in|try again later|"
                  r"too many (attempts|requests)|account (has been )?restricted",
    ),
    settings=(
        Setting(
            id="keep-activity",
            label="Keep Activity (Gemini Apps Activity)",
            url=SETTINGS,
            # GUESS (2026-11): the card is a landmark headed by the setting's name; the sources
            # give the name, not the page's landmarks (a card without one is found by its
            # heading).
            section=Section("region", r"^keep activity$"),
            # The control shows the state, "On", and opens the menu (help 13278892 as quoted in
            # 2026-10); until 2025 it read "Turn off" while on and "Turn on" while off (older
            # copies of the same help). It sits in the card headed "Keep Activity".
            control=Find("menu", r"^keep activity$"),
            on_option=r"^(on|turn off)$",
            off_option=r"^(off|turn on)$",
            choose=Find("menuitem", r"^turn off$"),
            choose_deleting=Find("menuitem", r"^turn off and delete activity$"),
            confirm=Confirm.DIALOG,
            # GUESS (2026-11): the dialog's button wording is not quoted; a public Selenium
            # script tries "Pause", "OK" and "Confirm"; "Turn off" repeats the menu's verb.
            confirm_button=Find("button", r"^(turn off( and delete)?|pause|confirm|ok)$"),
            # GUESS (2026-11): the notice after the change; the Selenium script clicks "Got it".
            close=Find("button", r"^(got it|ok)$"),
            offered_to="only to personal Google Accounts (on by default from age 18); on work "
                       "or school (Google Workspace) accounts only the administrator can turn "
                       "it off",
            manual_path="gemini.google.com > Menu > Settings & help > Activity (or "
                        "myactivity.google.com/product/gemini) > Keep Activity > On > "
                        "Turn off > confirm",
        ),
    ),
    # Off by default and about audio and Live sessions, not the chats Keep Activity covers.
    leaves_alone=(Find("checkbox", r"your audio and gemini live"),),
    notes="Google often refuses automated browsers (\"This browser or app may not be secure\"); "
          "expect `optout login gemini --browser` to sign in by hand once.",
    guesses=(
        Guess("login", "Google's sign-in paths are as public scripts' URLs show them"),
        Guess("login", "the second steps' challenge paths are as public scripts' URLs show them"),
        Guess("login", "the refused sign-in's wording is Google's usual one, not in the sources"),
        Guess("signed-in-cookie", "SID is taken to be the cookie Google sets on .google.com once "
                                  "signed in"),
        Guess("login", "the authenticator code field's label is taken to be 'Enter code'"),
        Guess("section", "the card is taken to be a landmark headed by the setting's name",
                         "keep-activity"),
        Guess("other", "the dialog's confirm wording is not quoted; a public Selenium script's "
                       "words are tried", "keep-activity"),
        Guess("other", "the notice's closing button is taken to read 'Got it', as the Selenium "
                       "script clicks", "keep-activity"),
    ),
    sources=(
        Source("settings page https://myactivity.google.com/product/gemini; path gemini.google."
               "com > Menu > Settings & help > Activity; work or school accounts are managed "
               "by the Workspace administrator",
               "Google help https://support.google.com/gemini/answer/13278892"),
        Source("label \"Keep Activity\", renamed from \"Gemini Apps Activity\"",
               "BGR; Google help 13278892"),
        Source("a \"Turn off\" button opens a menu: \"Turn off\" / \"Turn off and delete "
               "activity\"; a confirmation, then a notice",
               "unanswered.io \"How to stop Google Gemini from using your data\"; allthings.how "
               "\"How to prevent Google from using your Gemini interactions to train AI\""),
        Source("a script clicks the control, an option with \"Turn off\" but not \"delete\", "
               "then \"Got it\"/\"Pause\"/\"OK\"/\"Confirm\", and reloads to check",
               "a public Selenium notebook, function turn_off_gemini_activity", live=True),
        Source("on by default from age 18; chats kept up to 72 h when off, reviewed chats up "
               "to 3 years; feedback shares the last 24 h; neighbour checkbox \"Improve Google "
               "services with your audio and Gemini Live videos & screenshares\" off by default",
               "AUDIT-NOTES \"Google Gemini\" (last verified 2026-10-02) citing Google help "
               "13594961"),
        Source("activity auto-deletes after 18 months unless changed",
               "unanswered.io \"How to stop Google Gemini from using your data\""),
        Source("sign-in: #identifierId (\"Email or phone\"), #identifierNext, "
               "input[name=Passwd] (\"Enter your password\"), #passwordNext; 2FA "
               "input[name=totpPin] or a phone prompt",
               "the Selenium notebook above; mehulbatra08/automation-testing 34-app.py", live=True),
        Source("\"Couldn't sign you in - This browser or app may not be secure\"",
               "several public repositories (research catalogue, cross-cutting notes)"),
    ),
)
