"""Microsoft Copilot (consumer): "Model training on text" and "Model training on voice".

Two switches on Copilot's Privacy settings, both on by default for consumer Microsoft accounts;
one covers typed conversations, the other Copilot Voice. A change made on the web, the Windows
app or the phone apps applies to all of them.

Region and plan notes: there is no switch, and nothing to turn off, for work or school (Entra ID)
accounts, Copilot inside Microsoft 365 Personal/Family apps, signed-out use, people under 18,
and people in Brazil, China (Hong Kong excepted), Israel, Nigeria, South Korea and Vietnam; such
accounts see the Privacy page without the two switches (`not-offered`). The Mac app calls the
page "Data Control"; the phone apps put it under Account > Privacy.

Sign-in: optout types Microsoft's two steps (email, "Next", password, "Sign in") with stored
credentials and answers "Stay signed in?" with "Yes", so the saved session lasts and sign-ins
stay rare; `optout login copilot --browser` is the way in for passkeys and Authenticator.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-11): no source gives a web address for the Privacy settings, only the menu path
# (profile picture > Settings > Privacy); this deep link is assumed to open that page directly.
SETTINGS = "https://copilot.microsoft.com/settings/privacy"
# GUESS (2026-11): the guides show one Privacy page whose heading is "Privacy"; the two switches
# sit in it under "Model training" (Microsoft's wording: Settings > Account > Privacy > Model
# training). The page heading is the part every source names, so the section keys on it.
PRIVACY = Section("main", r"^\s*privacy\s*$")


def manual(switch: str) -> str:
    return (f"copilot.microsoft.com > your profile picture > Settings > Privacy > {switch} "
            "(phone apps: menu > your picture > Account > Privacy)")


# Both switches have the same exclusions (joindeleteme.com, via the research catalogue).
OFFERED = ("only to personal Microsoft accounts of adults, outside Brazil, China (except Hong "
           "Kong), Israel, Nigeria, South Korea and Vietnam; work or school accounts have none")

FLOW = Flow(
    slug="copilot",
    title="Microsoft Copilot",
    # Copilot signs in through Microsoft accounts (login.live.com, account.live.com); after
    # signing in Microsoft may land on another microsoft.com page before Copilot.
    domains=("microsoft.com", "live.com"),
    verified=date(2026, 3, 28),
    login=Login(
        url="https://login.live.com/login.srf",
        # Microsoft asks for the email, then (after "Next") the password in its place on the
        # same page. The fields are #i0116 (name loginfmt) and #i0118; newer pages label them
        # as here.
        username=Find("textbox", r"enter your email|email, phone"),
        # #idSIButton9, reading "Next" on the email step.
        next=Find("button", r"^next$"),
        password=Find("textbox", r"password"),
        # The same button reads "Sign in" once the password shows. GUESS (2026-11): the newer
        # page may keep "Next" there, so both are accepted (only one button shows at a time).
        submit=Find("button", r"^(next|sign in)$"),
        login_paths=("/login.srf", "/oauth20_authorize.srf", "/ppsecure/"),
        # GUESS (2026-11): Microsoft's identity checks and "help us protect your account" pages
        # live under these account.live.com paths; no source names them.
        challenge_paths=("/identity/confirm", "/proofs/"),
        # GUESS (2026-11): Microsoft's refusal wording; the sources give none. The unknown
        # account's text shows on the email step, so the password is never typed for it.
        rejected_text=r"your account or password is incorrect|that microsoft account doesn't exist",
        # GUESS (2026-11): the sources name no signed-in cookie for Microsoft accounts; public
        # automation code treats login.live.com's MSPAuth as the signed-in mark. Without one,
        # `optout login copilot --browser` could never tell that the person has signed in.
        signed_in_cookie="MSPAuth",
        # After the password Microsoft asks "Stay signed in?" (No/Yes) on /ppsecure/post.srf;
        # input#idSIButton9 reads "Yes": a lasting session means fewer sign-ins.
        prompt_answer=Find("button", r"^yes$"),
    ),
    settings=(
        Setting(
            id="model-training-text",
            label="Model training on text",
            url=SETTINGS,
            section=PRIVACY,
            control=Find("toggle", r"model training on text"),
            offered_to=OFFERED,
            manual_path=manual("Model training on text"),
        ),
        Setting(
            id="model-training-voice",
            label="Model training on voice",
            url=SETTINGS,
            section=PRIVACY,
            control=Find("toggle", r"model training on voice"),
            offered_to=OFFERED,
            manual_path=manual("Model training on voice"),
        ),
    ),
    notes="optout answers Microsoft's \"Stay signed in?\" with Yes; passkeys and the "
          "Authenticator app need `optout login copilot --browser`.",
    # GUESS (2026-11): the privacy page's other switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"^personalization and memory"),
                Find("toggle", r"^ad personalization"),
    ),
    guesses=(
        Guess("url", "no source gives the Privacy page's address, only the menu path; the deep "
                     "link is assumed"),
        Guess("other", "a 2024 article found the option only in the phone apps; the web panel is "
                       "assumed"),
        Guess("section", "the section keys on the Privacy page's heading, the part every guide "
                         "names"),
        Guess("login", "the newer sign-in page may keep 'Next' on the password step, so both are "
                       "accepted"),
        Guess("login", "the identity-check paths under account.live.com are not in the sources"),
        Guess("login", "Microsoft's refusal wording is not in the sources"),
        Guess("signed-in-cookie", "no source names the cookie; public automation code waits for "
                                  "MSPAuth"),
        Guess("other", "the privacy page's other switches (neighbours) are as the saved pages show "
                       "them"),
    ),
    sources=(
        Source("path profile picture > Settings > Privacy; switches 'Model training on text' and "
               "'Model training on voice'; neighbours 'Personalization and memory', 'Ad "
               "personalization', 'Export or delete history'",
               "tipsmake.com 'Guide to controlling privacy settings on Copilot', updated "
               "2026-03-28"),
        Source("Microsoft's wording of the path: Settings > Account > Privacy > Model training",
               "Microsoft, as quoted in the research catalogue (platforms.md section 16)"),
        Source("a 2024-era article found the option only in the phone apps; the web panel is "
               "assumed (GUESS)", "platforms.md section 16"),
        Source("no switch for Entra ID accounts, M365 Personal/Family apps, signed-out use, "
               "under-18s, Brazil, China (ex-HK), Israel, Nigeria, South Korea, Vietnam",
               "joindeleteme.com Microsoft Copilot guide"),
        Source("one setting for web, Windows and phone apps; the Mac app names the page 'Data "
               "Control'", "PCMag 'Use Microsoft Copilot? 7 settings I changed right away to "
                           "protect my privacy' (copy at promo-sale.live)"),
        Source("signed-in cookie MSPAuth (GUESS)", "public Copilot automation code that waits "
               "for _U, MSPAuth or MSPProf after sign-in (repository not recorded)", live=True),
        Source("privacy FAQ", "support.microsoft.com/en-us/topic/privacy-faq-for-microsoft-"
                              "copilot-27b3a435-8dc9-4b55-9a4b-58eeb9647a7f"),
        Source("sign-in on login.live.com: [name=loginfmt]/#i0116, Next #idSIButton9, password "
               "#i0118, then 'Stay signed in?'; newer UI 'Enter your email', 'Next', 'Sign in'",
               "embulldogs99/RapidfireGG mscheck.py; abcd314/automation-using-JS-and-TS "
               "mslive.js", live=True),
    ),
)
