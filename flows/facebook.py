"""Facebook: the objection to the use of your information for AI at Meta (a web form).

Meta has no switch for AI training on Facebook: people object with a form ("Right to object",
Privacy Center > Privacy Topics > AI at Meta). No objection on file means Meta uses the
account's public posts to train its AI. The form is offered only in the EU/EEA, the UK,
Switzerland, Brazil, Japan and South Korea; in the US and the rest of the world there is no
opt-out, and optout reports the setting as not offered. A page that says an objection is already
on file reads as off and is never sent again.

The form asks for the account's email (pre-filled when signed in) and an optional reason. optout
sends it once with a text the person approves (`--objection-text` for their own words) and keeps
the page's confirmation as the proof; a later run reports the pending objection and never sends
again. Meta answers by email (some say with a link to confirm) and must answer within a month;
one objection per account. It does not cover information others share about you (a separate
"from third parties" form, never sent by this flow), nor Meta AI chats, which feed ads and
content personalisation since 2025-12-16 with no opt-out at all.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Form, Guess, Login, Section, Setting, Source

# The 2025+ form; the apps open it as their "ai_objection_text" link.
FORM_URL = "https://www.facebook.com/help/contact/6359191084165019"

# Shared with the Instagram flow: one wording for both of Meta's forms.
OFFERED_TO = "only in the EU/EEA, the UK, Switzerland, Brazil, Japan and South Korea"
DEFAULT_OBJECTION = (
    "I object to the use of my information, including my posts, photos, comments and my "
    "interactions with AI features, to develop and improve AI at Meta. I have not agreed to this "
    "use; please stop it for my account and confirm by email."
)
ANSWER = "Meta answers by email, within a month"

# GUESS (2026-11): the page's wording is not in the sources; the Privacy Center calls the form
# "Right to object", and its fields are an email, an optional reason and a Send/Submit button.
SECTION = Section("main", r"right to object")
SEND = Find("button", r"^(send|submit)$")
# GUESS (2026-11): the reason field's label; the sources only say "an optional free-text reason".
REASON = Find("textbox", r"how this processing (impacts|affects) you")
EMAIL = Find("textbox", r"email")
# GUESS (2026-11): the page's thanks once the form is sent; the sources only say an email follows.
SENT = r"received your (objection|request)"
# GUESS (2026-11): a page that says an objection is already on file (not in the sources) is read
# as "off" (as wanted), never sent again and never mistaken for a region without the form.
ON_FILE = Find("heading", r"already (objected|submitted|sent)")
# The form's guesses above, as data; Instagram's copy of the form shares them.
FORM_GUESSES = (
    Guess("section", "the form page's wording is not in the sources; its heading is taken to say "
                     "'Right to object'", "ai-objection"),
    Guess("other", "the optional reason field's label is not in the sources", "ai-objection"),
    Guess("state", "the page's thanks once the form is sent is not in the sources", "ai-objection"),
    Guess("state", "a page saying an objection is already on file (not in the sources) is read as "
                   "off", "ai-objection"),
)


def objection_form() -> Form:
    """Meta's objection form, the same on Facebook and Instagram."""
    return Form(text=REASON, email=EMAIL, sent=SENT, default_text=DEFAULT_OBJECTION,
                answer=ANSWER)


FLOW = Flow(
    slug="facebook",
    title="Facebook",
    domains=("facebook.com",),
    # AUDIT-NOTES "Meta AI (and Muse)", last verified 2026-10-02, is the newest dated source.
    verified=date(2026, 10, 2),
    login=Login(
        url="https://www.facebook.com/login/",
        # #email / input[name=email] and #pass / input[name=pass]. GUESS (2026-11): their labels
        # "Email address or phone number" and "Password" are not in the sources.
        username=Find("textbox", r"email"),
        password=Find("textbox", r"^password$"),
        # button[name="login"] / #loginbutton, text "Log in".
        submit=Find("button", r"^log in$"),
        login_paths=("/login",),
        # The 2FA checkpoint (input[name=approvals_code], #checkpointSubmitButton). GUESS
        # (2026-11): newer accounts are sent to /two_step_verification/ instead.
        challenge_paths=("/checkpoint", "/two_step_verification"),
        # GUESS (2026-11): Facebook's usual wording for a refused sign-in; not in the sources.
        rejected_text=r"password that you've entered is incorrect|"
                      r"isn't connected to an account",
        # GUESS (2026-11): c_user (the account id) is the cookie a signed-in session carries.
        signed_in_cookie="c_user",
        # GUESS (2026-11): the labels of approvals_code and #checkpointSubmitButton.
        code_field=Find("textbox", r"code"),
        code_submit=Find("button", r"^(continue|submit code)$"),
    ),
    settings=(
        Setting(
            id="ai-objection",
            label="Object to the use of your information for AI at Meta",
            url=FORM_URL,
            section=SECTION,
            control=SEND,
            form=objection_form(),
            shown_when_off=ON_FILE,
            offered_to=OFFERED_TO,
            manual_path="Settings & privacy > Privacy Center > Privacy Topics > AI at Meta > "
                        "Right to object > I want to object to the use of my information for "
                        "Meta AI > Send",
        ),
    ),
    notes="A form, not a switch: optout sends it once and keeps the page's confirmation; Meta "
          "answers by email. Offered " + OFFERED_TO + ".",
    guesses=(
        Guess("login", "the sign-in fields' labels are not in the sources"),
        Guess("login", "newer accounts are taken to be sent to /two_step_verification/ instead"),
        Guess("login", "the refused sign-in's wording is Facebook's usual one, not in the sources"),
        Guess("signed-in-cookie", "c_user (the account id) is taken to mark a signed-in session"),
        Guess("login", "the labels of the 2FA code field and its button are not in the sources"),
        *FORM_GUESSES,
    ),
    sources=(
        Source("objection form https://www.facebook.com/help/contact/6359191084165019 (the "
               "apps' \"ai_objection_text\" link); 2024 form .../712876720715583",
               "public smali/Java dumps of Meta's Android apps; legalclarity.org; research "
               "catalogue §3(a)"),
        Source("path Settings & privacy > Privacy Center > Privacy Topics > AI at Meta > "
               "\"Right to object\" / \"Submit an objection request\"",
               "mgillion.be 2025-05-08; AUDIT-NOTES \"Meta AI (and Muse)\" 2026-10-02"),
        Source("labels \"I want to object to the use of my information for Meta AI\", \"...from "
               "third parties for Meta AI\" (form .../510058597920541), \"I have a different "
               "objection...\"", "AUDIT-NOTES \"Meta AI (and Muse)\" (reported)"),
        Source("fields: country (earlier versions), email pre-filled when signed in, optional "
               "reason, Submit/Send; a confirmation email follows, maybe with a link",
               "vivdunstan.dreamwidth.org; mgillion.be 2025-05-08"),
        Source("offered only in the EU, UK, CH, Brazil, Japan and South Korea; none in the US",
               "AUDIT-NOTES \"Meta AI (and Muse)\" (reported); legalclarity.org citing MIT "
               "Technology Review"),
        Source("one objection per account; Meta answers within one month", "legalclarity.org"),
        Source("Meta AI chats used for ads and content from 2025-12-16, no opt-out",
               "about.fb.com 2025-10"),
        Source("sign-in https://www.facebook.com/login/, #email, #pass, button[name=login] / "
               "#loginbutton", "satyajit1616/Class-Codes AT23/playwrightprac/facebooklogin.py; "
               "J-o-s-eandres/curso_playwright examples/waiting.js", live=True),
        Source("checkpoint: input[name=approvals_code], #checkpointSubmitButton, "
               "button[name=__CONFIRM__]",
               "marco378/fbAuto-main src/automation/utils/selectors.js", live=True),
    ),
)
