"""Tumblr: "Prevent third-party sharing for {blog}" (a blog's settings > Visibility), per blog.

Since 2024-02-28 Tumblr may share public posts with "our licensed network of content and
research partners, including those involved in AI model training" unless a blog switches this
on; it is off by default, and each blog of an account has its own switch. optout reads the
account's blogs from the settings page and reports and changes each blog on its own
(`optout run tumblr --target BLOG` for one). This is a "prevent" switch: optout turns it ON.

A blog that already had "discourage searching" on got it switched on automatically. Tumblr never
shares password-protected, explicit, private, suspended or deleted blogs, drafts, messages,
private or Post+ subscriber-only posts, nor unpublished asks and submissions. The switch stops
future sharing; it can't recall what partners already received. The other Visibility switches
(hiding a blog from people without an account, discouraging search) are never touched.

Signing in: email, "Next", then the password and "Log in" at www.tumblr.com/login. The sources
describe no two-factor page: with one, optout waits, then asks for `optout login tumblr
--browser`, where the person signs in themselves.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source, Targets

BLOG = "https://www.tumblr.com/settings/blog/{target}"
# GUESS (2026-11): the sources say "account settings, then pick the blog"; the settings pages
# are taken to list the account's blogs in a sidebar headed "Blogs", one link per blog's page.
ACCOUNT = "https://www.tumblr.com/settings/account"

FLOW = Flow(
    slug="tumblr",
    title="Tumblr",
    # Blogs live at {blog}.tumblr.com, settings and sign-in at www.tumblr.com.
    domains=("tumblr.com",),
    # The newest dated source: Tumblr staff's post of 2024-02-28, reported by cohensive.com.
    verified=date(2024, 2, 28),
    login=Login(
        url="https://www.tumblr.com/login",
        # Public sign-in scripts type the email (input[type=email]), press "Next"
        # (.signup_determine_btn), then the password and "Log in" (.signup_login_btn).
        # GUESS (2026-11): the fields' labels "Email" and "Password" and the buttons' wording.
        username=Find("textbox", r"^email"),
        next=Find("button", r"^next$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        # GUESS (2026-11): older scripts click "Use password to log in" after "Next" (a magic
        # link was offered first); taken to be gone. If it shows, the sign-in reports the flow
        # broken and `optout login tumblr --browser` is the way in.
        login_paths=("/login",),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"incorrect email or password|wrong (email|password)|"
                      r"password (is|was) incorrect",
        # GUESS (2026-11): a Tumblr session cookie named in one public client (TextsHQ).
        signed_in_cookie="psu",
    ),
    settings=(
        Setting(
            id="third-party-sharing",
            label="Prevent third-party sharing for {target}",
            url=BLOG,
            # GUESS (2026-11): the sources name the "Visibility" section, not its landmark;
            # it is taken to be a region headed "Visibility".
            section=Section("region", r"^visibility$"),
            # GUESS (2026-11): "a toggle" in the sources; exposed as a switch.
            control=Find("toggle", r"prevent third-party sharing for {target}"),
            desired="on",
            # GUESS (2026-11): the switch is taken to be missing from the pages of blogs Tumblr
            # never shares (password-protected, explicit); the sources say only that those
            # blogs are left out of the sharing.
            offered_to="only to blogs Tumblr may share (password-protected, explicit, private "
                       "and suspended blogs are never shared)",
            manual_path="tumblr.com > Settings > {target} (under Blogs) > Visibility > "
                        "Prevent third-party sharing for {target} > switch on",
            targets=Targets(
                url=ACCOUNT,
                section=Section("navigation", r"^blogs$"),
                link=r"^https://www\.tumblr\.com/settings/blog/(?P<target>[^/?#]+)$",
                noun="blog",
            ),
        ),
    ),
    notes="Tumblr keeps this switch per blog: optout reports and changes every blog of the "
          "account (`--target BLOG` for one).",
    # GUESS (2026-11): the blog's other visibility switches, as the saved pages show them.
    neighbours=(
                Find("toggle", r"^hide .+ from people without an account"),
                Find("toggle", r"^discourage searching of"),
    ),
    guesses=(
        Guess("section", "the settings pages are taken to list the blogs in a sidebar headed "
                         "'Blogs'", "third-party-sharing"),
        Guess("login", "the sign-in fields' labels and the buttons' wording are not in the "
                       "sources"),
        Guess("login", "older scripts' 'Use password to log in' step is taken to be gone"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
        Guess("signed-in-cookie", "psu, a session cookie named in one public client (TextsHQ), is "
                                  "taken to mark a session"),
        Guess("section", "the sources name the 'Visibility' section, not its landmark: taken to be "
                         "a region", "third-party-sharing"),
        Guess("control", "'a toggle' in the sources, taken to be exposed as a switch",
                         "third-party-sharing"),
        Guess("default", "the switch is taken to be missing on blogs Tumblr never shares",
                         "third-party-sharing"),
        Guess("other", "the blog's other visibility switches (neighbours) are as the saved pages "
                       "show them"),
    ),
    sources=(
        Source("settings URL https://www.tumblr.com/settings/blog/{blogname}; path: account "
               "settings > pick the blog > Visibility > the toggle; each blog separately",
               "research catalogue section 10a; Tumblr Help Center \"third-party sharing\"; "
               "https://redact.dev/ai-optout-instructions/tumblr"),
        Source("label \"Prevent third-party sharing for {blogname}\"; a toggle",
               "https://redact.dev/ai-optout-instructions/tumblr; Tumblr staff post of "
               "2024-02-27/28, reported by cohensive.com 2024-02-28"),
        Source("off by default (sharing allowed); switched on automatically where \"discourage "
               "searching\" was on; never shared: password-protected, explicit, suspended or "
               "deleted blogs, private and Post+ posts, drafts, messages, unposted asks",
               "https://redact.dev/ai-optout-instructions/tumblr; research catalogue 10a(f)"),
        Source("sign-in at https://www.tumblr.com/login in two steps: email and \"Next\", then "
               "the password and \"Log in\" (older pages offered a magic link first)",
               "chromium tools/perf/page_sets/login_helpers/tumblr_login.py; public "
               "Selenium and Puppeteer Tumblr scripts (signup_determine_btn, signup_login_btn)",
               live=True),
        Source("session cookie \"psu\" (GUESS that it marks a signed-in session)",
               "TextsHQ/platform-tumblr src/info.ts (an earlier version: browserLogin "
               "authCookieName)", live=True),
    ),
)
