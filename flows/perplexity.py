"""Perplexity: "AI data retention" (Perplexity's FAQ calls it the "AI Data Usage" toggle).

On by default for Free, Pro and Max accounts: "AI Data Retention allows Perplexity to use your
searches to improve AI models." Enterprise accounts are excluded from training, so their
Preferences page has no such switch (`not-offered`). Searches made while signed out are trained
on, and there is nothing to switch off for them.

Perplexity has no password: people sign in with an emailed code, Google or Apple, so
`optout login perplexity` opens a browser for the person to sign in.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-11): platforms.md marks this URL as a guess: the path (profile > All settings >
# Preferences) is documented, the address is not; the /account/... tree exists (/account/api is
# the API portal), so Preferences is assumed to live beside it.
SETTINGS = "https://www.perplexity.ai/account/preferences"

FLOW = Flow(
    slug="perplexity",
    title="Perplexity",
    domains=("perplexity.ai",),
    # GUESS (2026-11): no Perplexity source in platforms.md carries a date; the catalogue's
    # newest verification date is used, never a later one.
    verified=date(2026, 10, 2),
    login=Login(
        # GUESS (2026-11): public automation code opens this page to sign in; platforms.md has
        # no sign-in facts for Perplexity.
        url="https://www.perplexity.ai/auth/signin",
        username=Find("textbox", r"email"),
        # There is no password field: this never matches, so a sign-in with stored credentials
        # stops at this step before anything is typed.
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^continue with email$"),
        login_paths=("/auth/signin",),
        # The emailed-code page: handed to the person, who types the code from their mailbox.
        challenge_paths=("/auth/verify-request",),
        # GUESS (2026-11): Perplexity runs on NextAuth; public API clients send this cookie as
        # the session. platforms.md names none, and `optout login --browser` needs one.
        signed_in_cookie="__Secure-next-auth.session-token",
        passwordless=True,
    ),
    settings=(
        Setting(
            id="ai-data-retention",
            label="AI data retention",
            url=SETTINGS,
            # GUESS (2026-11): the page's heading is assumed to be its menu name, "Preferences".
            section=Section("main", r"^\s*preferences\s*$"),
            # A toggle in the guides, taken to be a switch. The page says "AI data retention",
            # the FAQ "AI Data Usage": either name matches.
            control=Find("toggle", r"ai data (retention|usage)"),
            offered_to="only to Free, Pro and Max accounts (Enterprise is not trained on)",
            manual_path="perplexity.ai > your profile name (bottom left) > All settings > "
                        "Preferences > AI data retention",
        ),
    ),
    guesses=(
        Guess("url", "platforms.md marks the address a guess: Preferences is assumed to live "
                     "beside /account/api", "ai-data-retention"),
        Guess("verified", "no Perplexity source is dated; the catalogue's newest verification date "
                          "is used"),
        Guess("login", "public automation code opens this sign-in page; platforms.md has no "
                       "sign-in facts"),
        Guess("signed-in-cookie", "Perplexity runs on NextAuth; public API clients send this "
                                  "cookie as the session"),
        Guess("section", "the page's heading is assumed to be its menu name, 'Preferences'",
                         "ai-data-retention"),
        Guess("control", "a toggle in the guides, taken to be a switch", "ai-data-retention"),
    ),
    sources=(
        Source("path profile > All settings > Preferences > 'AI data retention' toggle",
               "joindeleteme.com Perplexity guide"),
        Source("description 'AI Data Retention allows Perplexity to use your searches to improve "
               "AI models. Turn this setting off if you wish to exclude your data from this "
               "process.'", "skool.com (quoting the page)"),
        Source("FAQ name 'AI Data Usage toggle'",
               "https://www.perplexity.ai/hub/faq/what-data-does-perplexity-collect-about-me"),
        Source("on by default for Free/Pro/Max; Enterprise excluded; signed-out use trained on",
               "productionai.institute"),
        Source("settings URL /account/preferences (GUESS; /account/api is the API portal)",
               "platforms.md section 15"),
        Source("sign-in by email and emailed code ('Continue with email', 'Enter Code')",
               "TGRRRR/perplexport src/login.ts", live=True),
        Source("sign-in page /auth/signin and code page /auth/verify-request (GUESS)",
               "public Perplexity automation code (repositories not recorded)", live=True),
        Source("session cookie __Secure-next-auth.session-token (GUESS)",
               "zhezzma/pplx2api core/api.go", live=True),
    ),
)
