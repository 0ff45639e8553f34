"""WordPress.com: "Prevent third-party sharing for {site}" (Settings > General > Privacy), per site.

Since 2024-02-27 WordPress.com may share public sites' content "with our licensed network of
content and research partners, including those that train AI models" unless a site ticks this
box; it is unticked by default, and each site of an account has its own. optout reads the
account's sites from the Sites page and reports and changes each site on its own (`optout run
wordpress --target SITE` for one, SITE as the Sites page names it, e.g. `myblog.wordpress.com`).
This is a "prevent" box: optout ticks it, presses "Save settings", reloads and reads it back.

Only public sites show the box: a private or "Coming Soon" site is reported as not offered (its
content is not shared). A site that discourages search engines has the box ticked and locked:
it reads as already prevented. The other privacy options (Coming Soon, Public, Private,
discouraging search engines) are never touched. Sites on WordPress.com's Atomic hosting have
the same option in wp-admin under Settings > Reading. Nothing already shared is recalled.

Signing in: "Email Address or Username" and "Continue", then the password and "Log In", at
wordpress.com/log-in; an authenticator code is typed from the stored key (`optout login
wordpress --totp`), a texted code is asked at the terminal.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Confirm, Find, Flow, Guess, Login, Section, Setting, Source, Targets

GENERAL = "https://wordpress.com/settings/general/{target}"
# GUESS (2026-11): the sources don't name the page listing an account's sites; Calypso's Sites
# dashboard (wordpress.com/sites) links each site's name to /home/{site slug}.
SITES = "https://wordpress.com/sites"

FLOW = Flow(
    slug="wordpress",
    title="WordPress.com",
    # Sites live at {site}.wordpress.com; the dashboard and sign-in at wordpress.com.
    domains=("wordpress.com",),
    # The newest dated source: WordPress.com's announcement of 2024-02-27.
    verified=date(2024, 2, 27),
    login=Login(
        url="https://wordpress.com/log-in",
        # Calypso's login form: one field, then "Continue"; the password shows in place and
        # the same button turns into "Log In" (client/blocks/login/login-form.jsx).
        username=Find("textbox", r"^email address or username$"),
        next=Find("button", r"^continue$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/log-in",),
        # GUESS (2026-11): Calypso's two-step routes, /log-in/{authenticator, sms, backup,
        # push, webauthn}; the verification form's label and button are in the source.
        challenge_paths=("/log-in/authenticator", "/log-in/sms", "/log-in/backup",
                         "/log-in/push", "/log-in/webauthn"),
        # GUESS (2026-11): WordPress.com's wording of a refused password or unknown user.
        rejected_text=r"not the right password|user does not exist|"
                      r"incorrect (username|email|password)",
        signed_in_cookie="wordpress_logged_in",
        # "6-Digit code" (authenticator, text message) or "Backup code", then "Continue".
        code_field=Find("textbox", r"^(6-digit code|backup code)$"),
        code_submit=Find("button", r"^continue"),
        # The authenticator page says "Enter the code from your authenticator app."; the text
        # message page doesn't, so its code is asked of the person.
    ),
    settings=(
        Setting(
            id="third-party-sharing",
            label="Prevent third-party sharing for {target}",
            url=GENERAL,
            # GUESS (2026-11): the Privacy card is taken to be a region headed "Privacy"; its
            # header also holds an info popover, so only the start of the heading is matched.
            section=Section("region", r"^privacy\b"),
            # input[name="wpcom_data_sharing_opt_out"], labelled "Prevent third-party sharing
            # for {site slug}"; the newer dashboard says "... for this site".
            # input[name="wpcom_data_sharing_opt_out"], the site option's own field name
            # (Automattic/wp-calypso site-settings privacy form).
            control=Find("toggle", r"prevent third-party sharing for ({target}|this site)",
                         anchor='input[name="wpcom_data_sharing_opt_out"]'),
            desired="on",
            # The Privacy card's own "Save settings" button (Calypso site-setting-privacy). Other
            # cards have one too, and the engine looks for it on the whole page: on such a page
            # the confirm step reports the flow broken (count 2) rather than saving the wrong one.
            confirm=Confirm.SAVE,
            confirm_button=Find("button", r"^save settings$"),
            # Calypso hides the box unless the site is public, and on self-hosted Jetpack sites.
            offered_to="only to public sites hosted by WordPress.com (a private or \"Coming "
                       "Soon\" site doesn't show it, and its content isn't shared; self-hosted "
                       "Jetpack sites don't have it)",
            manual_path="wordpress.com > Sites > {target} > Settings > General > Privacy > "
                        "Prevent third-party sharing for {target} > tick > Save settings",
            targets=Targets(
                url=SITES,
                # GUESS (2026-11): the dashboard's main content, headed "Sites".
                section=Section("main", r"^sites$"),
                link=r"^https://wordpress\.com/home/(?P<target>[^/?#]+)$",
                noun="site",
            ),
        ),
    ),
    notes="WordPress.com keeps this box per site: optout reports and changes every public "
          "site of the account (`--target SITE` for one).",
    guesses=(
        Guess("url", "the sources don't name the page listing sites; Calypso's Sites dashboard is "
                     "taken", "third-party-sharing"),
        Guess("login", "Calypso's two-step routes /log-in/authenticator, sms, backup, push, "
                       "webauthn are guessed"),
        Guess("login", "WordPress.com's wording of a refused password or unknown user is guessed"),
        Guess("section", "the Privacy card is taken to be a region headed 'Privacy'",
                         "third-party-sharing"),
        Guess("section", "the Sites dashboard's main content is taken to be headed 'Sites'",
                         "third-party-sharing"),
    ),
    sources=(
        Source("settings URL https://wordpress.com/settings/general/{site}, Privacy section; "
               "wp-admin (Atomic sites): Settings > Reading",
               "WordPress.com announcement 2024-02-27; https://wordpress.com/support/"
               "privacy-settings/make-your-website-public/#prevent-third-party-sharing"),
        Source("label \"Prevent third-party sharing for {siteSlug}\" (newer dashboard: \"... "
               "for this site\"); help text \"This option will prevent this site's content "
               "from being shared with our licensed network of content and research partners, "
               "including those that train AI models.\"",
               "Automattic/wp-calypso client/my-sites/site-settings/site-setting-privacy/"
               "form.tsx; Automattic/jetpack jetpack-mu-wpcom site-visibility component",
               live=True),
        Source("checkbox input[name=\"wpcom_data_sharing_opt_out\"]; shown only for public "
               "sites (hidden when private or Coming Soon, and on self-hosted Jetpack sites); "
               "ticked and disabled while \"Discourage search engines\" is ticked",
               "Automattic/wp-calypso site-setting-privacy/form.tsx and the site-visibility "
               "tests; Automattic/jetpack site-visibility component", live=True),
        Source("the Privacy card's \"Save settings\" button",
               "Automattic/wp-calypso client/my-sites/site-settings/site-setting-privacy/"
               "index.tsx", live=True),
        Source("default off; applied automatically when \"discourage search engines\" is on",
               "research catalogue section 10b(f)"),
        Source("the Sites dashboard links each site to /home/{site slug} (\"Visit Dashboard\")",
               "Automattic/wp-calypso sites dashboard, sites-table-row (getDashboardUrl)",
               live=True),
        Source("sign-in at https://wordpress.com/log-in: \"Email Address or Username\", "
               "\"Continue\", then \"Password\" and \"Log In\"; two-step form \"6-Digit code\" "
               "or \"Backup code\" with \"Continue\"",
               "Automattic/wp-calypso client/blocks/login/login-form.jsx and "
               "two-factor-authentication/verification-code-form.jsx", live=True),
        Source("signed-in cookie wordpress_logged_in",
               "Automattic/wp-calypso client/server/pages/index.js (isLoggedIn)", live=True),
    ),
)
