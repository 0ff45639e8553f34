"""OpenAI ChatGPT: "Improve the model for everyone" (Settings > Data controls).

On by default for personal Free, Go, Plus and Pro accounts; off for Business, Enterprise, Edu and
Healthcare workspaces. The switch sits in a "Model improvement" dialog opened from a row on the
Data controls tab, and the dialog is closed with "Done" (no Save button). Turning it off does not
cover thumbs-up/down feedback (which sends the whole conversation for training) nor Codex's
separate "Include environments" setting.

The same dialog holds the voice switches "Include your audio recordings" and "Include your video
recordings", which send the recordings themselves for training. They are off unless a person
turned them on, and only while "Improve the model for everyone" is on; OpenAI says turning that
off stops all audio sharing too. The flow reads and turns them off as settings of their own,
before the main switch, so none is left on behind a switch that greys them out. Where the page
doesn't show them (the live web pane did not, in one account's notes), they are reported as not
offered only when nothing in the dialog could be them.

Not covered, on purpose (see `notes`): OpenAI's Privacy Portal request "Do not train on my
content" (https://privacy.openai.com, "Make a Privacy Request"; OpenAI says it or the switch
alone is enough). A flow can't describe it: the request is chosen through several steps before
any form, the account is verified on the way (by signing in, or through a link OpenAI emails),
and no source shows the portal's page, so every step would be a guess. The engine's request
forms (one optional opener, a text field, a send button, the page's own confirmation) fit none
of that.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# A path route (verified live per AUDIT-NOTES). The "#settings/DataControls" fragment form is not
# in the sources, and replay ignores fragments and queries, so the path is the one to keep.
SETTINGS = "https://chatgpt.com/settings/data-controls"
# GUESS (2026-11): the sources say "a row button opens a modal"; the modal's title "Model
# improvement" is not in them. A renamed title is reported as a broken flow.
DIALOG = Section("dialog", r"model improvement")
# button[data-testid="improve-model-open-modal-button"]: the row names the setting and shows its
# current value ("On"/"Off"), so only the start of the name is stable.
ROW = Find("button", r"^improve the model",
           anchor='[data-testid="improve-model-open-modal-button"]')
# The settings dialog's Data controls tab, should it open on another tab (PSST).
TAB = Find("tab", r"^data controls", anchor='[data-testid="data-controls-tab"]')
DONE = Find("button", r"^done$")
# Turning the main switch off stops audio sharing too, so a page without the voice switches
# (the main switch off, or the apps only) leaves nothing on.
VOICE_OFFERED = ("only while \"Improve the model for everyone\" is on, to accounts that turned "
                 "voice sharing on (it is off otherwise); turning that switch off stops all "
                 "audio sharing too")


def recordings(kind: str) -> Setting:
    """A voice switch of the Model improvement dialog: "Include your audio|video recordings"."""
    return Setting(
        id=f"{kind}-recordings",
        label=f"Include your {kind} recordings",
        url=SETTINGS,
        # GUESS (2026-12): the voice switches share the main switch's dialog (a guide: "toggle
        # the relevant switches off and click Done"); no source gives their markup.
        section=DIALOG,
        control=Find("toggle", rf"^include your {kind} recordings"),
        reveal=ROW,
        tab=TAB,
        close=DONE,
        offered_to=VOICE_OFFERED,
        manual_path="Profile icon > Settings > Data controls > Improve the model for "
                    f"everyone > switch \"Include your {kind} recordings\" off > Done (or in "
                    "the app: Settings > Data controls)",
    )


FLOW = Flow(
    slug="chatgpt",
    title="ChatGPT",
    # GUESS (2026-11): the email and password steps after chatgpt.com/auth/login are served by
    # OpenAI's own sign-in host under openai.com, so credentials may be typed there too.
    domains=("chatgpt.com", "openai.com"),
    # 2: the row, the dialog's switch and the tab are found by their data-testids; 3: the voice
    # switches.
    version=3,
    verified=date(2026, 10, 2),
    login=Login(
        url="https://chatgpt.com/auth/login",
        # input[type=email], then input[type=password] on the next page, each with a submit
        # button: two steps, the email's button being `next`.
        username=Find("textbox", r"email"),
        # GUESS (2026-11): the sources say "submit"; "Continue" is the button's usual wording on
        # both steps ("Continue with Google" and the like don't match the anchored name).
        next=Find("button", r"^continue$"),
        # GUESS (2026-11): the email form is "Log in or sign up", so an email with no account may
        # lead on to a "Create a password" page; the engine would type the password there too,
        # as it fills whichever password field shows after `next`. Store the account's own email.
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^continue$"),
        # GUESS (2026-11): "/log-in" (and "/log-in/password") are the sign-in host's own paths;
        # the sources name only chatgpt.com/auth/login.
        login_paths=("/auth/login", "/log-in"),
        # GUESS (2026-11): the emailed-code and MFA steps' paths; not in the sources.
        challenge_paths=("/email-verification", "/mfa-challenge"),
        # GUESS (2026-11): the usual wording of a refused password; not in the sources.
        rejected_text=r"wrong (email|password)|incorrect (email|password)",
        signed_in_cookie="oai-client-auth-info",
        # GUESS (2026-11): the emailed code's field and button; MFA is optional per the sources.
        code_field=Find("textbox", r"^code$|verification code|one-time code"),
        code_submit=Find("button", r"^continue$"),
    ),
    settings=(
        # The voice switches first: the main switch greys them out once it is off.
        recordings("audio"),
        recordings("video"),
        Setting(
            id="improve-the-model",
            label="Improve the model for everyone",
            url=SETTINGS,
            section=DIALOG,
            # button[data-testid="improve-model-toggle"], role=switch with aria-checked. Its
            # older name was "Chat history & training"; the stable part today is this.
            # The dialog's switch by its data-testid (brave/psst-component src/chatgpt/user.ts);
            # its own name is not in the sources, so its row's words count too: the label or
            # the dialog's title.
            control=Find("toggle", r"improve the model|model improvement",
                         anchor='[data-testid="improve-model-toggle"]'),
            reveal=ROW,
            tab=TAB,
            close=DONE,
            offered_to="only to personal Free, Go, Plus and Pro accounts (Business, "
                       "Enterprise, Edu and Healthcare workspaces are not trained on)",
            manual_path="Profile icon > Settings > Data controls > "
                        "Improve the model for everyone > switch off > Done",
        ),
    ),
    notes="optout can type the two sign-in steps (email, then password on the next page), but "
          "a Cloudflare check usually stands in front of them: expect "
          "`optout login chatgpt --browser`. The voice switches (\"Include your audio "
          "recordings\", \"Include your video recordings\") are read where the web page shows "
          "them; the apps show them under Settings > Data controls. Not covered: the Privacy "
          "Portal's \"Do not train on my content\" (a request chosen in several steps, then "
          "verified by sign-in or an emailed link): to file it, go to "
          "https://privacy.openai.com > Make a Privacy Request > verify the account > Do not "
          "train on my content.",
    guesses=(
        Guess("login", "the sign-in steps after chatgpt.com/auth/login are taken to be served on "
                       "openai.com"),
        Guess("login", "the sources say 'submit'; the buttons are taken to read 'Continue'"),
        Guess("login", "an email without an account may reach 'Create a password', where the "
                       "password is typed too"),
        Guess("login", "the sign-in host's own paths /log-in are not in the sources"),
        Guess("login", "the emailed-code and MFA steps' paths are not in the sources"),
        Guess("login", "the refused password's wording is the usual one, not in the sources"),
        Guess("login", "the emailed code's field and button are not in the sources"),
        Guess("section", "the sources say a row opens a modal; its title 'Model improvement' is "
                         "not in them", "improve-the-model"),
        Guess("section", "the voice switches are taken to sit in the same dialog (a guide says "
                         "to switch 'the relevant switches' off there and click Done)",
              "audio-recordings"),
        Guess("section", "the voice switches are taken to sit in the same dialog",
              "video-recordings"),
    ),
    sources=(
        Source("settings URL https://chatgpt.com/settings/data-controls is a path route",
               "AUDIT-NOTES \"ChatGPT (OpenAI)\", last verified 2026-10-02"),
        Source("path: profile icon > Settings > Data controls > Improve the model for "
               "everyone > Done; signed out: '?' icon > Settings",
               "OpenAI help 7730893 \"Data Controls FAQ\"; Pureinfotech (the Done button)"),
        Source("label \"Improve the model for everyone\"; older \"Chat history & training\"",
               "OpenAI help 7730893; AUDIT-NOTES \"ChatGPT (OpenAI)\""),
        Source("row button[data-testid=improve-model-open-modal-button] opens a modal; "
               "switch button[data-testid=improve-model-toggle] with aria-checked; "
               "wait for aria-checked to flip after a click, never click twice",
               "brave/psst-component src/chatgpt/user.ts (v5, 2026), src/chatgpt/policy.ts",
               live=True),
        Source("neighbour switch \"Marketing privacy\" (US only)",
               "brave/psst-component src/chatgpt/user.ts (2026)", live=True),
        Source("on for Free/Go/Plus/Pro, off for Business/Enterprise/Edu/Healthcare; feedback "
               "ratings still used; Codex \"Include environments\" is separate",
               "OpenAI help quoted in AUDIT-NOTES \"ChatGPT (OpenAI)\", 2026-10-02"),
        Source("Privacy Portal \"Do not train on my content\"", "https://privacy.openai.com/policies"),
        Source("portal path Make a Privacy Request > verify account > Do not train on my "
               "content; consumer ChatGPT only; either it or the switch is enough",
               "AUDIT-NOTES \"ChatGPT (OpenAI)\", 2026-10-02; OpenAI help 5722486 \"How your "
               "data is used to improve model performance\""),
        Source("the portal asks an account holder to verify the account by signing in; an "
               "opt-out is finished through a link in a confirmation email",
               "legalclarity.org (OpenAI personal data removal request); enterprise-ai.io"),
        Source("the portal's \"Do not train on my content\" works without logging in; voice mode "
               "has a separate training toggle in Data Controls",
               "https://cimtech.org/ai-opt-out-guide/ (as of 2026-02)"),
        Source("voice switch \"Include your audio recordings\" on the data controls page; "
               "turning off \"Improve the model for everyone\" stops sharing all audio across "
               "dictation and voice chat",
               "OpenAI help 12168547 \"Voice dictation FAQ\"; help 8400625 (Voice mode FAQ, data "
               "section)"),
        Source("\"Include your audio recordings\" / \"Include your video recordings\": off until "
               "turned on, only with Improve the model on, mobile first, not rendered in the live "
               "web pane; no switch is called \"Improve voice for everyone\"",
               "AUDIT-NOTES \"ChatGPT (OpenAI)\", 2026-10-02"),
        Source("Settings > Data controls > \"Improve the model for everyone\" > \"Toggle the "
               "relevant switches off and click Done\"", "el-balad.com, \"Audit ChatGPT Data\" "
               "(2026)"),
        Source("\"disable the 'Include your audio recordings' toggle, or turn off 'Improve the "
               "model for everyone' entirely\" on the data controls page",
               "https://help.openai.com/en/articles/12168547-voice-dictation-faq"),
        Source("sign-in at chatgpt.com/auth/login, [data-testid=login-button], input[type=email] "
               "then input[type=password]",
               "AnikaJerin/ChaGPT-Extension-for-Youtube youtube-ChatGPT/backend/login.py",
               live=True),
        Source("Cloudflare \"Verify you are human\" on sign-in",
               "nagadurgakokkiligadda/Automation-D1 mytest.spec.js", live=True),
        Source("signed-in cookie oai-client-auth-info",
               "brave/psst-component src/chatgpt/user.ts", live=True),
    ),
)
