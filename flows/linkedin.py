"""LinkedIn: "Data for Generative AI Improvement".

On by default for members everywhere since 2025-11-03 (the EU/EEA, UK, Switzerland, Canada and
Hong Kong included); minors are excluded. Turning it off is prospective only. Non-content models
need LinkedIn's separate Data Processing Objection Form, which this flow does not submit.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Login, Section, Setting, Source

SETTINGS = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"

FLOW = Flow(
    slug="linkedin",
    title="LinkedIn",
    domains=("linkedin.com",),
    verified=date(2026, 10, 2),
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
            # An <input role="switch"> labelled by #allowDataForGenerativeAI; the name's stable
            # part survives rewording of "Use my data for ...".
            control=Find("switch", r"training content creation ai models"),
            offered_to="only to members aged 18 or over (LinkedIn leaves minors out)",
            manual_path="Me > Settings & Privacy > Data privacy > "
                        "Data for Generative AI Improvement",
        ),
    ),
    sources=(
        Source("settings URL", "LinkedIn European Regional Privacy Notice, effective 2025-11-03 "
                               "(OpenTermsArchive/pga-versions, LinkedIn/Privacy Policy.md)"),
        Source("page question, switch label, description",
               "blog.autiomaa.org 2025-09-18, transcribing the page"),
        Source("switch is input[role=switch][aria-labelledby=allowDataForGenerativeAI], one "
               "click, no dialog", "brave/psst-component src/linkedin/user.ts (2026)"),
        Source("on by default; prospective only", "LinkedIn help a6278444"),
        Source("on for EU/EEA, UK, CH, CA, HK since 2025-11-03",
               "OpenTermsArchive memo 2025-11-03; Bitdefender 2025-10-30"),
        Source("signed-in cookie liap=true", "brave/psst-component src/linkedin/user.ts"),
        Source("sign-in form #username, #password; checkpoints under /checkpoint/challenge, "
               "PIN inputs #input__email_verification_pin, /add-phone interstitial",
               "public automation code (Sarang8895/Linkedin_JobApply_Agent utils/auth.py; "
               "bishaladhikari/job-scraper-backend hawa.py)"),
    ),
)
