"""xAI Grok on grok.com: "Improve the Model" (Settings > Data Controls).

grok.com's own training switch, set once per xAI account (the Grok apps show the same one:
Settings > Data Controls > "Improve the model"). It is separate from X's Grok setting, which
`flows/x.py` covers: turning one off does nothing to the other. Reported on by default (xAI
doesn't publish the default). Turning it off is forward-only: conversations already used are
not retracted, and feedback a person volunteers (thumbs up or down) may still be trained on with
its conversation. Private Chat conversations are never used for training, whatever the switch
says (the team-workspace Private Chat drops that promise). Grok used signed out can't be opted
out, except in the EU/UK. xAI says it doesn't train on Grok business data or on API traffic, so
team workspaces are taken to show no such switch (`not-offered`).

Signing in happens at accounts.x.ai (with X, Google, Apple or an email and password) behind a
Cloudflare check, so `optout login grok` opens a browser for the person and waits for grok.com's
`sso` session cookie. grok.com also works signed out, and no source says what its settings show
then: a signed-out session is likely reported as a broken flow, not as "sign in again".
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# The settings overlay opens from the `_s` query parameter (AUDIT-NOTES; a live script opens this
# address to reach the switch). Replay ignores the query, so its saved page is grok.com/index.html.
SETTINGS = "https://grok.com/?_s=data"
SETTING_ID = "improve-the-model"

FLOW = Flow(
    slug="grok",
    title="Grok (grok.com)",
    # accounts.x.ai is xAI's own sign-in host for grok.com (`?redirect=grok-com`).
    domains=("grok.com", "x.ai"),
    verified=date(2026, 10, 2),
    login=Login(
        url="https://accounts.x.ai/sign-in?redirect=grok-com",
        # GUESS (2026-12): the email form's field and button names. Public scripts click "Login
        # with email" first and type into the fields by position; optout never types here by
        # itself (passwordless below), so these matter only for credentials stored by hand.
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^(log ?in|sign ?in)$"),
        login_paths=("/sign-in",),
        signed_in_cookie="sso",
        # xAI accounts can have a password, but its form sits behind a "Login with email" button
        # (which the Login model can't press) and a Cloudflare Turnstile check that the public
        # scripts leave to a person; many accounts sign in with X, Google or Apple instead. So the
        # person signs in in a browser window, and optout keeps the session.
        passwordless=True,
    ),
    settings=(
        Setting(
            id=SETTING_ID,
            label="Improve the Model",
            url=SETTINGS,
            # GUESS (2026-12): the sources give the deep link and the tab's name ("Data Controls";
            # the guide says "Data"), not the overlay's landmarks: the pane is taken to be headed
            # by its name, inside the dialog a live script finds by its label "Settings".
            section=Section("dialog", r"^data( controls)?$"),
            # "Improve the Model" on the web, "Improve the model" in the apps; a single toggle.
            control=Find("toggle", r"\bimprove the model\b"),
            # GUESS (2026-12): team workspaces are taken to show no such switch (xAI does not
            # train on business data); what they see there is not in the sources.
            offered_to="only to personal xAI accounts signed in to grok.com (xAI does not train "
                       "on Grok business or API data)",
            manual_path="grok.com > your profile picture > Settings > Data Controls > Improve the "
                        "Model > switch off (or open https://grok.com/?_s=data)",
        ),
    ),
    notes="Separate from X's Grok setting (`optout run x`): turn off both. Private Chat "
          "conversations are never trained on; feedback you give may still be. Sign in with "
          "`optout login grok`, which opens a browser window (accounts.x.ai is behind a "
          "Cloudflare check).",
    # The other switches of the Data Controls tab, read from grok.com's live strings
    # (AUDIT-NOTES 2026-10-02); none is about training, and none is ever touched.
    neighbours=(
        Find("toggle", r"personalize grok with your conversation history"),
        Find("toggle", r"personalize grok using"),
        Find("toggle", r"personalize grok with your device location"),
        Find("toggle", r"allow chat link sharing"),
    ),
    sources=(
        Source("grok.com > Settings > Data > de-select \"Improve the Model\"; on by default; "
               "Private Chat is excluded from training; after opting out new conversations are "
               "not trained on, volunteered feedback still can be",
               "https://supergrok.tech/guides/grok-data-opt-out/"),
        Source("label \"Improve the Model\" (grok.com's live string bundle, key "
               "settings-data.improve-model.title) and its helper text \"By allowing your data "
               "to be used for training our models, ...\"; path grok.com > Settings > Data "
               "Controls; the overlay opens from the _s query parameter, deep link "
               "https://grok.com/?_s=data; default reported on; separate from X's switch",
               "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\", last verified 2026-10-02"),
        Source("Data Controls also holds \"Personalize Grok with your conversation history\", "
               "\"Personalize Grok using X\", \"Allow chat link sharing\", \"See Shared Links\", "
               "\"Memory from your chats\"; \"Personalize Grok with your device location\" is "
               "listed with them; Private Chat is a per-chat mode; no opt-out signed out outside "
               "the EU/UK; no training on business data or API traffic",
               "AUDIT-NOTES \"Grok (xAI / SpaceXAI)\", last verified 2026-10-02"),
        Source("https://grok.com/?_s=data shows the settings, labelled \"Settings\", holding "
               "\"Improve the Model\" followed by its helper text, and a \"Delete All "
               "Conversations\" button",
               "public Playwright script that clears grok.com conversations (repository not "
               "recorded)", live=True),
        Source("grok.com standalone: \"Improve the Model\" (de-select), Private Chat excluded; "
               "grok.com > Settings > Data; toggle, account-level, separate from X's setting",
               "platforms-2026-12.md (optout's table of platforms to add)"),
        Source("sign-in at https://accounts.x.ai/sign-in?redirect=grok-com: \"Login with "
               "email\", then email and password; Cloudflare Turnstile checks are left to a person",
               "public xAI sign-in scripts (a Sub2API token collector's README; "
               "Jeremy-Mossa/scripts grok2.pl)", live=True),
        Source("grok.com's session cookies are sso and sso-rw",
               "Bzcasper/GrokProxy COOKIE_SETUP_GUIDE.md and other public grok.com clients"),
    ),
    guesses=(
        Guess("section", "the overlay's landmarks are not in the sources: the Data Controls pane "
                         "is taken to be headed by its name inside the Settings dialog",
              SETTING_ID),
        Guess("login", "the email form's field and button names on accounts.x.ai are not in the "
                       "sources (optout leaves the sign-in to the person)"),
        Guess("other", "team workspaces are taken not to show the switch, since xAI does not "
                       "train on business data; no source says what they see", SETTING_ID),
    ),
)
