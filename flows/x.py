"""X (Twitter): "Grok & Third-party Collaborators" > Data Sharing.

X turned the Grok training checkbox on for everyone in July 2024 without notice; it lets X share
public data and Grok interactions with xAI to train Grok and other xAI models. Protected
(private) accounts are not used. X gave the Irish DPC a permanent undertaking (2024-08/09) to
stop processing EU public posts, but whether the checkbox ships off for EU accounts is
unresolved, so an EU account may find it either way. No plan (Premium or not) is known to change
it. grok.com has its own "Improve the Model" switch (Settings > Data Controls); turning one off
does not turn off the other, and this flow covers x.com only.

Sign-in is two steps on one URL (username, "Next", then password, "Log in"); optout types both
with stored credentials, but X refuses logins it recognises as automated ("Could not log you in
now"), so `optout login x --browser` is the dependable way in.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

SETTINGS = "https://x.com/settings/grok_settings"

FLOW = Flow(
    slug="x",
    title="X",
    # GUESS (2026-11): twitter.com still answers for X (old links, older sessions) and is X's own
    # domain, so a redirect through it must not look like leaving the platform.
    domains=("x.com", "twitter.com"),
    verified=date(2026, 10, 2),
    login=Login(
        url="https://x.com/i/flow/login",
        # Step 1 of 2: input[autocomplete=username][name=text]. GUESS (2026-11): its label reads
        # "Phone, email, or username" (what clones of the page copy); sources give selectors only.
        username=Find("textbox", r"(phone|email).*username"),
        # Step 1's button (span:has-text('Next')); the password step replaces the form in place.
        next=Find("button", r"^next$"),
        # Step 2 of 2, shown only after "Next": input[name=password].
        password=Find("textbox", r"^password$"),
        # [data-testid=LoginForm_Login_Button], text "Log in".
        submit=Find("button", r"^log in$"),
        login_paths=("/i/flow/login", "/login"),
        # GUESS (2026-11): X sends locked or suspicious sessions to /account/access (an Arkose
        # puzzle); sources mention Arkose challenges but not where they live.
        challenge_paths=("/account/access",),
        # GUESS (2026-11): X's wording for a wrong password, and its toast after "Next" for an
        # unknown account ("Sorry, we could not find your account."); not in the sources.
        rejected_text=r"wrong password|could not find your account",
        signed_in_cookie="twid",
        # "Could not log you in now. Please try again later." is X refusing an automated browser:
        # the default risk text ("try again later") already stops the run there.
        # No code_field: X's 2FA and "unusual activity" steps stay on /i/flow/login, which the
        # engine treats as the sign-in page, not a challenge page. "Unusual activity" comes
        # after "Next" instead of the password, so it ends as a broken flow ("the password field
        # did not show"), though X only wants a person there;
        # a 2FA step after "Log in" ends as a sign-in that did not finish (a person is needed).
    ),
    settings=(
        Setting(
            id="grok-training",
            label="Allow your public data as well as your interactions, inputs, and results with "
                  "Grok and xAI to be used for training and fine-tuning",
            url=SETTINGS,
            # GUESS (2026-11): sources name the page and its "Data Sharing" sub-heading, not its
            # landmarks; X renders every settings page inside its one role=main.
            section=Section("main", r"grok (&|and) third-party collaborators"),
            # A checkbox (input[type=checkbox][aria-describedby=CHECKBOX_n_LABEL] inside its
            # label). The wording changed in 2026 ("public data", "and xAI"); this part is in
            # both the 2024 and 2026 labels and in neither neighbour's.
            control=Find("toggle", r"interactions, inputs,? and results with grok"),
            manual_path="More > Settings and privacy > Privacy and safety > Data sharing and "
                        "personalization > Grok & Third-party Collaborators > Data Sharing",
        ),
    ),
    # The page's other two checkboxes (AUDIT-NOTES; recon 2026-09-23): not about training.
    neighbours=(Find("toggle", r"personalize your experience with grok"),
                Find("toggle", r"grok to remember your conversation history")),
    language_setting="More > Settings and privacy > Accessibility, display and languages > "
                     "Languages > Display language",
    # The page sometimes shows "Something went wrong. Try reloading." in place of the settings.
    transient_error=r"something went wrong\W+try reloading",
    notes="optout can type X's two sign-in steps, but X often refuses automated logins: sign "
          "in with `optout login x --browser`. grok.com's own training switch is separate.",
    guesses=(
        Guess("other", "twitter.com is taken to still answer for X, so a redirect through it stays "
                       "on X"),
        Guess("login", "the username field's label is what clones of the page copy; sources give "
                       "selectors"),
        Guess("login", "locked or suspicious sessions are taken to go to /account/access (an "
                       "Arkose puzzle)"),
        Guess("login", "the wrong-password and unknown-account wording is not in the sources"),
        Guess("section", "the sources name the page, not its landmarks; X renders settings in one "
                         "main", "grok-training"),
    ),
    sources=(
        Source("settings URL https://x.com/settings/grok_settings, live since 2024-07-25",
               "9to5mac 2024-07-26; AUDIT-NOTES \"Grok (xAI / SpaceXAI)\", last verified "
               "2026-10-02"),
        Source("menu path to Grok & Third-party Collaborators > Data Sharing",
               "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\"; productionai.institute; hothardware"),
        Source("2026 label and description", "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\", read from "
                                              "the live i18n bundle on 2026-10-02"),
        Source("2024 label \"Allow your posts as well as your interactions, inputs, and results "
               "with Grok to be used for training and fine-tuning.\"",
               "wiziwiz; hothardware; therigh.com"),
        Source("control is a checkbox, unchecked with no confirmation; deleting history asks",
               "hothardware; therigh.com; wiziwiz"),
        Source("neighbours on the page: personalise with Grok, remember conversation history "
               "(both seen unchecked), Delete conversation history",
               "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\"; public \"Grok/X Recon Notes\" 2026-09-23"),
        Source("the page may show \"Something went wrong. Try reloading.\"",
               "public \"Grok/X Recon Notes\" (retest after 2026-09-23)"),
        Source("X settings checkboxes are input[type=checkbox][aria-describedby^=CHECKBOX_], "
               "one click", "brave/psst-component src/twitter/user.ts v6 (2026), other pages",
               live=True),
        Source("on by default since July 2024, without notice",
               "9to5mac 2024-07-26; BleepingComputer via AUDIT-NOTES"),
        Source("protected accounts not used; Irish DPC undertaking; EU default unresolved; "
               "grok.com's separate switch", "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\""),
        Source("sign-in at /i/flow/login: username (input[autocomplete=username][name=text]), "
               "Next, password (input[name=password]), Log in",
               "Kianmhz/Twitter-Bot X_Bot.py; aliabbasmalik8/puppeteer-xpathcheck "
               "src/controllers/twitterXpath.controller.js", live=True),
        Source("signed-in cookie twid", "brave/psst-component src/twitter/user.ts", live=True),
        Source("\"Could not log you in now. Please try again later.\" for Playwright's Chromium",
               "public notes \"X/Twitter Blocks Playwright Chromium Login\", 2026-02-18"),
    ),
)
