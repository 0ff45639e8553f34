"""ArtStation: "NoAI Tagging" (Profile > Settings > Account), which tags every project NoAI.

Since December 2022 a project tagged "NoAI" carries an HTML "NoAI" meta tag, and ArtStation's
terms bar third parties from using NoAI-tagged content to train AI art generators. The tag is
not applied by default: an artist opts in, per project (the Tags section when editing or
uploading it) or for the whole account with this box, which tags "all of your current and
future projects". This is a "block" box: optout ticks it, presses "Save", reloads and reads it
back. Per-project tags are not touched. The tag is a request that well-behaved AI companies
honour; it does not stop the others, nor recall what was already collected. (ArtStation's
terms separately say that Epic itself does not use or license members' content for training
generative AI; there is nothing to switch for that.) No region, plan or age rule is reported.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-12): the sources give the menu path (Profile menu > Settings), not the address;
# the Settings page is taken to live at /settings.
SETTINGS = "https://www.artstation.com/settings"

FLOW = Flow(
    slug="artstation",
    title="ArtStation",
    domains=("artstation.com",),
    # GUESS (2026-12): the newest dated source is the notice's mirror, 2022-12-18; the
    # aitrace.org page carries no date.
    verified=date(2022, 12, 18),
    login=Login(
        # Public scripts sign in here: a Rails form (#new_user) posting user[email] and
        # user[password] with an authenticity_token.
        url="https://www.artstation.com/users/sign_in",
        # GUESS (2026-12): the fields' accessible names "Email" and "Password"; the scripts give
        # only their names and ids.
        username=Find("textbox", r"^email", anchor='input[name="user[email]"]'),
        password=Find("textbox", r"^password$", anchor='input[name="user[password]"]'),
        # GUESS (2026-12): the button's wording; a script clicks "#new_user > div > button".
        submit=Find("button", r"^(sign|log) in$"),
        login_paths=("/users/sign_in",),
        # GUESS (2026-12): the form is Devise's, whose default refusal is "Invalid Email or
        # password."; ArtStation's own wording is not in the sources.
        rejected_text=r"invalid email or password",
        # No source names ArtStation's session cookie, so none is declared; without one,
        # `optout login artstation --browser` can't tell when a person has finished.
    ),
    settings=(
        Setting(
            id="noai-tagging",
            label="NoAI Tagging (tag all current and future projects NoAI)",
            url=SETTINGS,
            # GUESS (2026-12): the notice's "Account section" is taken to be a region headed
            # "Account".
            section=Section("region", r"^account$"),
            # "check the box next to 'NoAI Tagging'" (the notice); "No AI" also matches.
            control=Find("toggle", r"\bno\s*ai tagging\b"),
            desired="on",
            # "... and click Save" (the notice).
            confirm=Confirm.SAVE,
            confirm_button=Find("button", r"^save$"),
            manual_path="artstation.com > Profile menu > Settings > Account > NoAI Tagging > "
                        "tick > Save",
        ),
    ),
    notes="Ticking NoAI Tagging tags all of the account's current and future projects NoAI "
          "(an HTML meta tag that ArtStation's terms forbid AI companies to ignore); projects "
          "tagged one by one are left as they are.",
    sources=(
        Source("account setting: Profile menu > Settings > Account section > check the box next "
               "to \"NoAI Tagging\" > Save; it tags all current and future projects NoAI; per "
               "project through the Tags section; NoAI projects get an HTML \"NoAI\" meta tag and "
               "the terms forbid training AI art generators on them",
               "ArtStation's notice of December 2022, mirrored at "
               "https://hkad.hk/2022/12/18/4317.html"),
        Source("the tag is not applied by default (artists opt in); per project or account-wide "
               "via settings; Epic itself does not use or license user content to train "
               "generative AI",
               "https://www.aitrace.org/company/artstation/practice/"
               "5bd56125-72d8-4611-9ed9-638974278061"),
        Source("sign-in at https://www.artstation.com/users/sign_in: a form #new_user posting "
               "user[email], user[password], user[remember_me] and an authenticity_token; "
               "fields #user_email and #user_password",
               "public ArtStation scripts (a requests/BeautifulSoup client and a Selenium "
               "script; repositories not recorded)", live=True),
    ),
    guesses=(
        Guess("url", "the sources give the menu path Profile > Settings, not the address; "
                     "/settings is assumed", "noai-tagging"),
        Guess("section", "the notice's \"Account section\" is taken to be a region headed "
                         "\"Account\"", "noai-tagging"),
        Guess("login", "the fields' accessible names and the button's wording are not in the "
                       "sources, and the scripts are older: ArtStation may now send people "
                       "through an Epic Games sign-in"),
        Guess("verified", "aitrace.org's page is undated; the mirror's date (2022-12-18) is "
                          "the newest date a source gives"),
    ),
)
