"""eBay: "AI development and training preferences" (accountsettings.ebay.com/ai-preferences).

Since 2025-04-21 eBay's User Privacy Notice (§12, "eBay and AI") lets it train its own and
third parties' AI models on members' personal data, on the ground of its legitimate interest;
members in the EEA, the UK and Switzerland have a right to object, exercised with a toggle on
this page, which is on by default. eBay.com has the page too (an eBay.com member found the
toggle on, and a 2026-06 report links the US page). Turning it off is prospective only: what
was already used is not taken back. A member whose account is suspended can object only
through eBay's data-protection contact form, which optout does not send.

Regional sites: the page lives at the same path on each eBay site that has it
(accountsettings.ebay.co.uk/ai-preferences, accountsettings.ebay.de/ai-preferences, ...), and a
member's preference is kept on their own site. The flow visits eBay.com's page unless the
account's site was picked with `--site` (`optout run ebay --site ebay.co.uk`, remembered for
the account): then its settings page and its sign-in (signin.ebay.co.uk) are that site's.
eBay's regional domains are the flow's own, so a redirect to a member's home site, or a sign-in
there, stays on eBay.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source

SETTINGS = "https://accountsettings.ebay.com/ai-preferences"
# eBay's own sites in the regions its privacy notice grants the right to object in, and the UK
# and German pages the sources name. GUESS (2026-12): that each of the others has the page at
# the same path is inferred, not reported.
REGIONAL = ("ebay.co.uk", "ebay.de", "ebay.fr", "ebay.it", "ebay.es", "ebay.at", "ebay.ch",
            "ebay.ie", "ebay.nl", "ebay.be", "ebay.pl")

FLOW = Flow(
    slug="ebay",
    title="eBay",
    domains=("ebay.com", *REGIONAL),
    # The same pages at the same paths; `--site` picks the account's.
    sites=REGIONAL,
    # The newest dated source relied on: the Consumer Rights Wiki's link to the US page,
    # 2026-06-19.
    verified=date(2026, 6, 19),
    login=Login(
        # Public automation code signs in here, in two steps: #userid, "Continue"
        # (#signin-continue-btn), then #pass and "Sign in" (#sgnBt).
        url="https://signin.ebay.com/ws/eBayISAPI.dll?SignIn&ru="
            "https%3A%2F%2Faccountsettings.ebay.com%2Fai-preferences",
        username=Find("textbox", r"email or username", anchor="#userid"),
        next=Find("button", r"^continue$", anchor="#signin-continue-btn"),
        # GUESS (2026-12): the password field's accessible name; the scripts give only its id.
        password=Find("textbox", r"^password", anchor="#pass"),
        submit=Find("button", r"^sign in$", anchor="#sgnBt"),
        # eBay's sign-in answers at /signin/ and at the old ISAPI address.
        login_paths=("/signin", "/ws/eBayISAPI.dll"),
        # eBay's bot checks (Akamai), seen in public scripts on the way to or from sign-in.
        challenge_paths=("/splashui/captcha", "/splashui/challenge"),
        # "We couldn't find this eBay account." (a public script); GUESS (2026-12): "Oops,
        # that's not a match." for a wrong password.
        rejected_text=r"couldn't find this ebay account|that's not a match",
        # The default signs of unease, and eBay's bot-block page ("Pardon Our Interruption",
        # named by public scripts).
        risk_text=r"try again later|too many (attempts|requests)|"
                  r"account (has been )?restricted|pardon our interruption",
        # No source names eBay's signed-in cookie, so none is declared; without one,
        # `optout login ebay --browser` can't tell when a person has finished.
    ),
    settings=(
        Setting(
            id="ai-training",
            label="Use of personal data for AI development and training",
            url=SETTINGS,
            # The page is titled "AI development and training preferences" (battaglia.law);
            # GUESS (2026-12): the title heads the page's main content.
            section=Section("main", r"ai development and training preferences"),
            # GUESS (2026-12): the toggle's English label. The sources give the page's title and,
            # from eBay.de, "Verwendung personenbezogener Daten für die Entwicklung und das
            # Training von KI" (giga.de): its translation is assumed, in either word order. The
            # name must start so: the notice's sentence on the page ("... your personal data
            # for AI development and training purposes") is not a label.
            control=Find("toggle", r"^(allow (ebay to )?)?use (of )?(my |your )?personal data "
                                   r"for (ai development and training|"
                                   r"(the )?development and training of ai)"),
            # GUESS (2026-12): the click itself saves (no guide mentions a Save button); a change
            # that a Save button would have kept shows as "did not persist".
            confirm=Confirm.IMMEDIATE,
            offered_to="to members in the EEA, the UK and Switzerland (their right to object) "
                       "and on eBay.com's page",
            manual_path="Signed in, open https://accountsettings.ebay.com/ai-preferences (or the "
                        "same path on your eBay site: accountsettings.ebay.co.uk/ai-preferences, "
                        "accountsettings.ebay.de/ai-preferences, ...) > scroll down > switch "
                        "\"Use of personal data for AI development and training\" off (German: "
                        "Mein eBay > eBay-Konto > Einstellungen für KI-Training > Nein)",
        ),
    ),
    notes="The flow visits eBay.com's page; a member of another eBay site picks theirs once "
          "with `optout run ebay --site ebay.co.uk` (or ebay.de, ebay.fr, ...), and optout then "
          "reads and signs in on that site. A suspended account can object only through eBay's "
          "data-protection form (https://dpocontact.corp.ebay.com/s/).",
    guesses=(
        Guess("label", "only the page's title and the German label are in the sources; the "
                       "English label is taken to be their translation", "ai-training"),
        Guess("section", "the page's title is taken to head its main content", "ai-training"),
        Guess("other", "the click is taken to save the change (no Save button in the guides)",
              "ai-training"),
        Guess("other", "that every regional eBay site has the page at the same path is inferred "
                       "from the UK and German ones"),
        Guess("login", "the password field's name and the wrong-password message are not in "
                       "the sources"),
    ),
    sources=(
        Source("page titled \"AI development and training preferences\" at "
               "https://accountsettings.ebay.com/ai-preferences; a toggle, enabled by default",
               "https://battaglia.law/how-to-disable-ebays-hidden-ai-data-collection-setting"),
        Source("privacy notice §12 \"eBay and AI\" effective 2025-04-21; right to object for the "
               "EEA and the UK at https://accountsettings.ebay.co.uk/ai-preferences; a link to "
               "the US page added 2026-06-19",
               "https://consumerrights.wiki/w/Ebay_AI_opt_in_by_default (and its history)"),
        Source("eBay.de: the option \"Verwendung personenbezogener Daten für die Entwicklung und "
               "das Training von KI\" further down the page, set to \"Nein\"; also Mein eBay > "
               "eBay-Konto > Einstellungen für KI-Training; not retroactive",
               "giga.de, April 2025"),
        Source("https://accountsettings.ebay.de/ai-preferences while signed in; suspended "
               "accounts object at https://dpocontact.corp.ebay.com/s/",
               "verbraucherzentrale-sachsen.de, 2025"),
        Source("the notice covers the EEA, the UK and Switzerland; Swiss members can object too",
               "ra-schuetzle.de; itmagazine.ch, April 2025"),
        Source("sign-in at https://signin.ebay.com/ws/eBayISAPI.dll?SignIn: #userid ('email or "
               "username'), #signin-continue-btn, #pass, #sgnBt ('Sign in'); \"We couldn't find "
               "this eBay account.\"; captchas at /splashui/captcha",
               "public Selenium and Playwright scripts (repositories not recorded)", live=True),
        Source("eBay's switch component: input[type=checkbox][role=switch].switch__control in "
               "span.switch, labelled by a field label", "eBay/ebayui-core "
               "src/components/ebay-switch/index.marko"),
    ),
)
