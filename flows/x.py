"""X (Twitter): "Grok & Third-party Collaborators" > Data Sharing, and "Data sharing with business
partners".

X turned the Grok training checkbox on for everyone in July 2024 without notice; it lets X share
public data and Grok interactions with xAI to train Grok and other xAI models. Protected
(private) accounts are not used. X gave the Irish DPC a permanent undertaking (2024-08/09) to
stop processing EU public posts, but whether the checkbox ships off for EU accounts is
unresolved, so an EU account may find it either way. No plan (Premium or not) is known to change
it. grok.com has its own "Improve the Model" switch (Settings > Data Controls); turning one off
does not turn off the other, and this flow covers x.com only.

The second checkbox, "Allow additional information sharing with business partners", has its own
page. X's privacy policy in force since 2024-11-15 lets the "third-party collaborators" X shares
data with use it for their own purposes, training AI models included, unless the person opts
out, and the press names this checkbox as the way out. X itself does not say so, and one report
reads the setting as covering only partners that help run X; optout unchecks it either way, as it
only ever shares less.

Sign-in is two steps on one URL (username, "Next", then password, "Log in"); optout types both
with stored credentials, but X refuses logins it recognises as automated ("Could not log you in
now"), so `optout login x --browser` is the dependable way in.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

SETTINGS = "https://x.com/settings/grok_settings"
# brave/psst-component src/twitter/user.ts (v6) task 2 unchecks this page's checkbox.
PARTNERS = "https://x.com/settings/data_sharing_with_business_partners"

FLOW = Flow(
    slug="x",
    title="X",
    # GUESS (2026-11): twitter.com still answers for X (old links, older sessions) and is X's own
    # domain, so a redirect through it must not look like leaving the platform.
    domains=("x.com", "twitter.com"),
    # 2: a second setting, the business-partners checkbox on its own page (third parties may
    # train on what it shares since 2024-11-15).
    version=2,
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
        # GUESS (2026-12): that this is the opt-out X's 2024-11-15 policy means for third
        # parties' AI training rests on the press (siliconrepublic), not on X's own words.
        Setting(
            id="business-partners",
            label="Allow additional information sharing with business partners",
            url=PARTNERS,
            # GUESS (2026-12): the page's title "Data sharing with business partners" is taken to
            # be its heading inside X's one role=main, as on the Grok page; sources give the
            # title, not the landmarks.
            section=Section("main", r"data sharing with business partners"),
            # input[type=checkbox][aria-describedby="CHECKBOX_1_LABEL"] (PSST), one click, no
            # dialog. That selector is every X settings page's first checkbox (the Grok
            # training checkbox's too), so it is no anchor: the label's stable part finds it.
            # The page's intro ("Allow sharing of additional information with X's business
            # partners.") and its help text don't match.
            control=Find("toggle", r"additional information sharing with business partners"),
            manual_path="More > Settings and privacy > Privacy and safety > Data sharing and "
                        "personalization > Data sharing with business partners > Allow "
                        "additional information sharing with business partners",
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
          "in with `optout login x --browser`. grok.com's own training switch is separate. The "
          "business-partners checkbox is the opt-out the press names for third parties' AI "
          "training (X's policy since 2024-11-15); X does not say so itself.",
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
        Guess("section", "the page's title 'Data sharing with business partners' is taken to be "
                         "its heading in X's one main; sources give the title, not the landmarks",
              "business-partners"),
        Guess("other", "this checkbox is taken to be the opt-out X's 2024-11-15 policy means for "
                       "third parties' AI training, as the press says; X does not say so",
              "business-partners"),
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
        Source("https://x.com/settings/data_sharing_with_business_partners holds a checkbox "
               "input[type=checkbox][aria-describedby=CHECKBOX_1_LABEL], unchecked with one "
               "click (\"Disable sharing additional information with X's business partners.\")",
               "brave/psst-component src/twitter/user.ts v6 (HEAD d54d3c0, 2026-08-05), task 2",
               live=True),
        Source("page title \"Data sharing with business partners\"; intro \"Allow sharing of "
               "additional information with ...'s business partners.\"; the one checkbox "
               "\"Allow additional information sharing with business partners\" and its help "
               "text \"... always shares information with business partners as a way to run "
               "and improve its products. When enabled, ...\"",
               "public recreations of the page: an X-era Next.js clone "
               "(DataSharingWIthBusinessPartners, linking help.x.com/safety-and-security/"
               "data-through-partnerships) and Material-UI Twitter clones (DataSharing.tsx)"),
        Source("path Privacy and safety > Data sharing and personalization > Data sharing with "
               "business partners; turning it off is the way out of third-party data sharing",
               "siliconrepublic.com 2024-10-18"),
        Source("X's privacy policy revised in October 2024, in force 2024-11-15: \"third-party "
               "collaborators\" may use shared data for their own purposes, training AI models "
               "included, unless the person opts out",
               "technewshub.com; aivoxo.com; techbetter audit (per the team's 2026-12 "
               "catalogue)"),
        Source("the business-partners setting may cover only companies that help run X, not AI "
               "providers", "BOOM (boomlive.in) 2024-10-21"),
        Source("\"Could not log you in now. Please try again later.\" for Playwright's Chromium",
               "public notes \"X/Twitter Blocks Playwright Chromium Login\", 2026-02-18"),
    ),
)
