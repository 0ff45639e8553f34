"""LinkedIn: "Data for Generative AI Improvement", and the Data Processing Objection Form.

The switch is on by default for members everywhere since 2025-11-03 (the EU/EEA, UK, Switzerland,
Canada and Hong Kong included); minors are excluded. Turning it off is prospective only, and it
covers only models that generate content.

LinkedIn's other AI models, those that don't generate content (personalisation, security), have
no switch: a member objects with the Data Processing Objection Form in LinkedIn's Help Center.
optout sends it once with a text the person approves (`--objection-text` for their own words),
keeps the page's confirmation as the proof, and on later runs reports the pending objection and
never sends it again. LinkedIn decides on the objection and answers by itself.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Form, Guess, Login, Section, Setting, Source

SETTINGS = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
OBJECTION_FORM = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"

DEFAULT_OBJECTION = (
    "I object to LinkedIn processing my personal data, including my profile, posts and activity, "
    "to train or improve AI models that do not generate content, such as models used for "
    "personalisation and security. Please stop this processing for my account and confirm by "
    "email."
)
# GUESS (2026-11): how LinkedIn answers is not in the sources; a Help Center request is
# answered by email.
ANSWER = "LinkedIn answers by email"

# GUESS (2026-11): the form page's wording is not in the sources: its heading names the form.
OBJECTION_SECTION = Section("main", r"data processing objection")
# GUESS (2026-11): the form's send button is "Submit", as on LinkedIn's other Help Center forms.
SUBMIT = Find("button", r"^(submit|send)$")
# GUESS (2026-11): the free-text field's label.
DETAILS = Find("textbox", r"processing you object to")
# GUESS (2026-11): an email field, pre-filled for a signed-in member.
EMAIL = Find("textbox", r"email")
# GUESS (2026-11): the page's thanks once the form is sent.
SENT = r"received your (objection|request)"
# GUESS (2026-11): a page that says an objection is already on file (not in the sources) is read
# as "off" (as wanted) and never sent again.
ON_FILE = Find("heading", r"already (objected|submitted|sent)")

FLOW = Flow(
    slug="linkedin",
    title="LinkedIn",
    domains=("linkedin.com",),
    verified=date(2026, 10, 2),
    # 2: the Data Processing Objection Form joined the switch.
    # 3: the switch is found by its label id whatever the page's language.
    version=3,
    login=Login(
        url="https://www.linkedin.com/login",
        # The sign-in form's labels; its inputs are #username and #password.
        username=Find("textbox", r"^email or phone"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^sign in$"),
        login_paths=("/login", "/uas/login", "/checkpoint/lg/"),
        challenge_paths=("/checkpoint/challenge", "/add-phone", "/checkpoint/rp/"),
        rejected_text=r"wrong email or password|that's not the right password",
        signed_in_cookie="liap",
        # The email or SMS PIN on /checkpoint/challenge pages (#input__email_verification_pin).
        code_field=Find("textbox", r"^enter (the )?(code|pin)|verification code"),
        code_submit=Find("button", r"^submit$"),
    ),
    settings=(
        Setting(
            id="generative-ai-training",
            label="Use my data for training content creation AI models",
            url=SETTINGS,
            # GUESS (2026-11): sources give the switch's selector, not the page's landmarks; the
            # page title is shown as a heading inside the main content, as on its sibling pages.
            section=Section("main", r"data for generative ai improvement"),
            # An <input role="switch"> labelled by #allowDataForGenerativeAI, whatever the
            # page's language (brave/psst-component src/linkedin/user.ts); the name's stable
            # part survives rewording of "Use my data for ...".
            control=Find("toggle", r"training content creation ai models",
                         anchor='[aria-labelledby="allowDataForGenerativeAI"]'),
            offered_to="only to members aged 18 or over (LinkedIn leaves minors out)",
            manual_path="Me > Settings & Privacy > Data privacy > "
                        "Data for Generative AI Improvement",
        ),
        Setting(
            id="data-processing-objection",
            label="Object to the use of your data to train AI models that don't create content",
            url=OBJECTION_FORM,
            section=OBJECTION_SECTION,
            control=SUBMIT,
            form=Form(text=DETAILS, email=EMAIL, sent=SENT, default_text=DEFAULT_OBJECTION,
                      answer=ANSWER),
            shown_when_off=ON_FILE,
            # GUESS (2026-11): the sources give only the form's address; no menu leads to it.
            manual_path="LinkedIn Help > Data Processing Objection Form > describe the "
                        "processing you object to > Submit",
        ),
    ),
    # The settings' other switches carry their keys as label ids the same way (PSST's other
    # LinkedIn tasks); they live on their own pages, but a redesign may bring them together.
    neighbours=tuple(Find("toggle", name, anchor=f'[aria-labelledby="{key}"]') for key, name in (
        ("allowAnonymizedDataResearch", r"research"),
        ("allowProfileAndActivityDataForMarketingAds", r"marketing|ads"),
        ("shareDataWithTrustedPartners", r"partners"),
        ("allowIpToPersonalizeAds", r"ip address|personali[sz]e ads"),
    )),
    # Signed-in LinkedIn follows the account's language, never the browser's (locale notes:
    # stickerdaniel/linkedin-mcp-server PR #352); no URL parameter is known.
    language_setting="Me > Settings & Privacy > Account preferences > Display language",
    notes="The switch covers only content-generating models; the others (personalisation, "
          "security) need the Data Processing Objection Form, which optout sends once and "
          "remembers.",
    guesses=(
        Guess("other", "how LinkedIn answers the objection is not in the sources; by email is "
                       "assumed", "data-processing-objection"),
        Guess("section", "the form page's wording is not in the sources; its heading is taken to "
                         "name the form", "data-processing-objection"),
        Guess("label", "the form's send button is taken to read 'Submit', as on other Help Center "
                       "forms", "data-processing-objection"),
        Guess("other", "the form's free-text field's label is not in the sources",
                       "data-processing-objection"),
        Guess("other", "an email field, pre-filled for a signed-in member, is assumed",
                       "data-processing-objection"),
        Guess("state", "the page's thanks once the form is sent is not in the sources",
                       "data-processing-objection"),
        Guess("state", "a page saying an objection is already on file (not in the sources) is read "
                       "as off", "data-processing-objection"),
        Guess("other", "the sources give only the form's address; no menu path leads to it",
                       "data-processing-objection"),
        Guess("section", "the sources give the switch, not landmarks; the page title heads the "
                         "main content", "generative-ai-training"),
    ),
    sources=(
        Source("settings URL", "LinkedIn European Regional Privacy Notice, effective 2025-11-03 "
                               "(OpenTermsArchive/pga-versions, LinkedIn/Privacy Policy.md)"),
        Source("page question, switch label, description",
               "blog.autiomaa.org 2025-09-18, transcribing the page"),
        Source("switch is input[role=switch][aria-labelledby=allowDataForGenerativeAI], one "
               "click, no dialog", "brave/psst-component src/linkedin/user.ts (2026)", live=True),
        Source("on by default; prospective only", "LinkedIn help a6278444"),
        Source("on for EU/EEA, UK, CH, CA, HK since 2025-11-03",
               "OpenTermsArchive memo 2025-11-03; Bitdefender 2025-10-30"),
        Source("the switch covers content-generating models only; non-content models "
               "(personalisation, security) need the Data Processing Objection Form, "
               "https://www.linkedin.com/help/linkedin/ask/TS-DPRO", "b2bgrowthco.com; "
               "sipoch/Lifehacker"),
        Source("signed-in cookie liap=true", "brave/psst-component src/linkedin/user.ts",
               live=True),
        Source("sign-in form #username, #password; checkpoints under /checkpoint/challenge, "
               "PIN inputs #input__email_verification_pin, /add-phone interstitial",
               "public automation code (Sarang8895/Linkedin_JobApply_Agent utils/auth.py; "
               "bishaladhikari/job-scraper-backend hawa.py)", live=True),
    ),
)
