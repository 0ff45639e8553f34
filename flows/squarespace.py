"""Squarespace: "Block known artificial intelligence crawlers" (Settings > Crawlers), per website.

Since October 2023 each Squarespace website has a box that adds about 26 known AI crawlers'
user agents to the site's robots.txt. It is unticked by default (crawlers allowed) and every
website of an account has its own: optout reads the account's websites from the account
dashboard and reports and changes each on its own (`optout run squarespace --target SITE` for
one, SITE being the site's built-in address, SITE.squarespace.com). This is a "block" box:
optout ticks it, presses "Save", reloads and reads it back.

It is a site owner's setting about the public site, not about account data: robots.txt is a
request that well-behaved crawlers honour, it does not stop the others, nor recall what was
already collected. The box beside it that blocks search engine crawlers is never touched
(ticking it would hide the site from search results).

Signing in: email and password on one form, then "Log In", at login.squarespace.com. A
two-factor code asked on that same page is not typed by optout: the sign-in waits, then asks for
`optout login squarespace --browser`, where the person signs in themselves.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source, Targets

# GUESS (2026-11): the sources give the path Settings > (Website) > Crawlers, not the address;
# each site's panel is taken to live at its built-in address's /config/settings/crawlers.
CRAWLERS = "https://{target}.squarespace.com/config/settings/crawlers"
# GUESS (2026-11): the account dashboard is taken to list the websites under "Websites", each
# linking to its site's /config (the "Website" button of a card).
DASHBOARD = "https://account.squarespace.com/"

FLOW = Flow(
    slug="squarespace",
    title="Squarespace",
    # Sites' panels live at {site}.squarespace.com; the dashboard and sign-in on subdomains.
    domains=("squarespace.com",),
    # The newest dated source: collaborada.com, October 2023 (the month only is given).
    verified=date(2023, 10, 1),
    login=Login(
        url="https://login.squarespace.com/",
        # Public Playwright scripts fill the field with placeholder "name@example.com", then
        # "Password", on one page, and press "Log in" (#login-button).
        # GUESS (2026-11): the fields' accessible names "Email" and "Password".
        username=Find("textbox", r"^email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        # The sign-in page is login.squarespace.com's root, but paths are matched on every
        # Squarespace host, so "/" can't be used. GUESS (2026-11): a signed-out visitor is sent
        # through the OAuth authorize address a saved copy of the sign-in page carries.
        login_paths=("/api/1/login/",),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"(invalid|incorrect) (email|password|email or password)|"
                      r"email (and|or) password (is|are|was|were) incorrect",
        # A public script waits for a code field (name "totp" or "code") on the sign-in page
        # itself; challenges are told apart by their path, so that code is left to the person.
        # No source names Squarespace's signed-in cookie, so none is declared; without one,
        # `optout login squarespace --browser` can't tell when a person has finished.
    ),
    settings=(
        Setting(
            id="ai-crawlers",
            label="Block known artificial intelligence crawlers on {target}",
            url=CRAWLERS,
            # GUESS (2026-11): the panel is taken to be a region headed "Crawlers".
            section=Section("region", r"^crawlers$"),
            control=Find("toggle", r"^block known artificial intelligence crawlers$"),
            desired="on",
            # "Save" after ticking the box (mdc-designs.com's steps).
            confirm=Confirm.SAVE,
            confirm_button=Find("button", r"^save$"),
            manual_path="account.squarespace.com > {target} > Website > Settings > Crawlers > "
                        "Block known artificial intelligence crawlers > tick > Save",
            targets=Targets(
                url=DASHBOARD,
                # GUESS (2026-11): the dashboard's websites are a region headed "Websites".
                section=Section("region", r"^websites$"),
                link=r"^https://(?!account\.|login\.|www\.)(?P<target>[a-z0-9][a-z0-9-]*)"
                     r"\.squarespace\.com/config/?$",
                noun="website",
            ),
        ),
    ),
    notes="Squarespace keeps this box per website: optout reports and changes every website "
          "of the account (`--target SITE` for one). It asks known AI crawlers, through "
          "robots.txt, not to crawl the site.",
    # The box that blocks search engine crawlers, left alone (see the module's notes).
    neighbours=(
                Find("toggle", r"^block search engine crawlers"),
    ),
    guesses=(
        Guess("url", "the sources give the path, not the address: /config/settings/crawlers is "
                     "assumed", "ai-crawlers"),
        Guess("url", "the account dashboard is taken to list the websites, each linking to its "
                     "/config", "ai-crawlers"),
        Guess("login", "the sign-in fields' accessible names 'Email' and 'Password' are guessed"),
        Guess("login", "a signed-out visitor is taken to pass the OAuth authorize address "
                       "/api/1/login/"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
        Guess("section", "the Crawlers panel is taken to be a region headed 'Crawlers'",
                         "ai-crawlers"),
        Guess("section", "the dashboard's websites are taken to be a region headed 'Websites'",
                         "ai-crawlers"),
    ),
    sources=(
        Source("path Settings > (Website) > Crawlers; checkbox \"Block known artificial "
               "intelligence crawlers\"",
               "chandrawebdesign.com; squareranked.com (research catalogue section 13)"),
        Source("a \"Save\" step after ticking the box", "mdc-designs.com"),
        Source("added October 2023; unticked by default; blocks about 26 user agents through "
               "robots.txt; a site owner's setting", "collaborada.com; research catalogue 13"),
        Source("sign-in at https://login.squarespace.com/ with email and password on one page "
               "and a \"Log in\" button (#login-button, data-test=\"login-button\"), ending on "
               "https://account.squarespace.com/; a code field may follow",
               "LifeIsFiction5/SquareSpaceAnalyticsScraper tests/auth.setup.ts; "
               "bwillenbring/nytimes-bee helpers/index.ts; public Playwright login helpers",
               live=True),
        Source("the sign-in page is served for an OAuth authorize address under "
               "/api/1/login/ whose return address leads to account.squarespace.com",
               "a public saved copy of Squarespace's sign-in page (Renan3709/projectPHP "
               "resources/views/newuser.blade.php, context-data)"),
    ),
)
