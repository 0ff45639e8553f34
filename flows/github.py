"""GitHub Copilot: "Allow GitHub to use my data for AI model training" (Settings > Copilot >
Features > Privacy).

Since 2026-04-24 GitHub may use the data of Copilot Free, Pro and Pro+ users to train AI models
unless they opt out; the setting is "Enabled" by default. Copilot Business and Enterprise,
students and teachers are excluded, and the setting is hidden for seats an organization manages
(reported as not offered). It is a menu button showing Enabled or Disabled; optout chooses Disabled.

Left alone on purpose: "Suggestions matching public code" (Allow/Block), and the older "Allow
GitHub to use my code snippets from the code editor for product improvements", whose earlier
opt-out GitHub says it keeps; it is not this setting, and changing it is the person's choice.

Signing in: username or email and password at github.com/login; an authenticator (TOTP) code is
typed from the stored key (`optout login github --totp`), an emailed device-verification code is
asked at the terminal, and passkeys, security keys or GitHub Mobile are handed to the person.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# The features page (older: /settings/copilot, which held the code-snippets setting).
SETTINGS = "https://github.com/settings/copilot/features"

FLOW = Flow(
    slug="github",
    title="GitHub Copilot",
    # docs.github.com (the help links) is GitHub's own; nothing wider.
    domains=("github.com",),
    # 2: the control is a menu button (2026), no longer a <select>.
    version=2,
    # The Privacy section's other dropdowns (a public recreation of the page; guides).
    neighbours=(Find("menu", r"suggestions matching public code"),
                Find("menu", r"use my data for product improvements"),
                Find("menu", r"code snippets from the code editor")),
    # The newest dated source: GitHub's Terms of Service section J.3, effective 2026-04-27.
    verified=date(2026, 4, 27),
    login=Login(
        url="https://github.com/login",
        # input[name="login"], input[name="password"] and a submit button (the source);
        # GUESS (2026-11): their labels "Username or email address", "Password", "Sign in".
        username=Find("textbox", r"username or email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^sign in$"),
        # GUESS (2026-11): the form posts to /session, which shows the form again when refused.
        # "/session" is a prefix of "/sessions/...", but challenges are told apart first.
        login_paths=("/login", "/session"),
        # GUESS (2026-11): the TOTP (and SMS, passkey, GitHub Mobile) pages and the emailed
        # device-verification page, as public GitHub sign-in scripts name them.
        challenge_paths=("/sessions/two-factor", "/sessions/verified-device"),
        # GUESS (2026-11): GitHub's usual wording of a refused password.
        rejected_text=r"incorrect username or password",
        # GUESS (2026-11): set only once signed in ("logged_in" exists signed out too, as "no").
        signed_in_cookie="user_session",
        # GUESS (2026-11): "Authentication code" (TOTP) and "Device verification code" (email).
        code_field=Find("textbox", r"^(authentication code|device verification code)$"),
        code_submit=Find("button", r"^verify$"),
        # GUESS (2026-11): the TOTP page speaks of "your two-factor authenticator (TOTP) app";
        # the emailed code's page never says "authenticator", so its code is asked instead.
        app_code_text=r"authenticator (\(totp\) )?app",
        # GUESS (2026-11): GitHub's lock-out wording joins the usual signs of unease.
        risk_text=r"try again later|too many (failed )?(login |sign.in )?(attempts|requests)|"
                  r"account (has been )?(restricted|suspended)",
    ),
    settings=(
        Setting(
            id="ai-model-training",
            label="Allow GitHub to use my data for AI model training",
            url=SETTINGS,
            # GUESS (2026-11): the sources name the "Privacy" section, not its landmark; it is
            # taken to be a region headed "Privacy".
            section=Section("region", r"^privacy$"),
            # A menu button showing the value ("Enabled"), opening a menu with "Enabled" /
            # "Disabled" (github/docs manage-policies.md: "select the ... dropdown menu and
            # click Disabled"; a Primer ActionMenu, by inference). An older native <select> with
            # the same options is read the same way.
            control=Find("menu", r"use my data for ai model training"),
            on_option=r"^enabled$",
            off_option=r"^disabled\b",
            offered_to="only to Copilot Free, Pro and Pro+ users (Copilot Business and "
                       "Enterprise, students and teachers are excluded; seats an organization "
                       "manages don't show it)",
            manual_path="github.com > your profile photo > Settings > Copilot > Features > "
                        "Privacy > Allow GitHub to use my data for AI model training > Disabled",
        ),
    ),
    guesses=(
        Guess("login", "the sign-in fields' labels and the button's wording are not in the "
                       "sources"),
        Guess("login", "the form is taken to post to /session, which shows the form again when "
                       "refused"),
        Guess("login", "the two-factor and device-verification paths are as public sign-in scripts "
                       "name them"),
        Guess("login", "the refused password's wording is GitHub's usual one"),
        Guess("signed-in-cookie", "user_session is taken to be set only once signed in"),
        Guess("login", "the code fields' labels 'Authentication code' and 'Device verification "
                       "code' are guessed"),
        Guess("login", "the TOTP page is taken to speak of 'your two-factor authenticator (TOTP) "
                       "app'"),
        Guess("login", "GitHub's lock-out wording is added to the usual signs of unease"),
        Guess("section", "the sources name the 'Privacy' section, not its landmark: taken to be a "
                         "region", "ai-model-training"),
    ),
    sources=(
        Source("settings URL https://github.com/settings/copilot/features (older "
               "/settings/copilot); path Settings > Copilot > Features > Privacy > \"Allow "
               "GitHub to use my data for AI model training\" > Disabled",
               "multiple 2026 guides; GitHub Terms of Service section J.3 (effective "
               "2026-04-27), per the research catalogue"),
        Source("a dropdown (Enabled/Disabled), like the \"Suggestions matching public code\" "
               "Allow/Block dropdown",
               "docs.github.com \"Managing Copilot policies as an individual subscriber\""),
        Source("announced 2026-03-25, effective 2026-04-24; on by default for Copilot Free, Pro "
               "and Pro+; Business, Enterprise, students and teachers excluded; an earlier "
               "opt-out of \"Allow GitHub to use my code snippets from the code editor for "
               "product improvements\" is kept; hidden for org-managed seats",
               "github.blog \"Updates to GitHub Copilot interaction data usage policy\"; "
               "pulse24.ai 2026-03-25"),
        Source("sign-in at https://github.com/login: input[name=\"login\"], "
               "input[name=\"password\"], submit; TOTP two-factor and an emailed "
               "device-verification code can follow",
               "ricon-family/shimmer .mise/tasks/browser/scripts/login/github.com.mjs; "
               "research catalogue section 17(g)", live=True),
        Source("challenge paths /sessions/two-factor/app and /sessions/verified-device (GUESS)",
               "public GitHub sign-in scripts (repositories not recorded)", live=True),
    ),
)
