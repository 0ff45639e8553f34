"""Atlassian Cloud (Jira, Confluence, Jira Service Management, Rovo): "Data contribution".

From 2026-08-17 Atlassian uses customer data "to improve our apps and AI experiences for all
customers", as each organization's data contribution settings say (Atlassian Administration >
Security > Data contribution, for organization admins only). Two settings, defaults by the
organization's highest plan:

- "In-app data contribution" (page titles and bodies, work items' titles, descriptions and
  comments, custom names): on for Free and Standard, off for Premium and Enterprise; every plan
  can turn it off.
- "Metadata contribution" (readability and complexity scores, task classes, story points,
  sprint dates, SLA values): always contributed on Free, Standard and Premium, with no switch;
  on by default for Enterprise, which alone can turn it off. optout reports it as not offered
  on the other plans, saying why.

Data is de-identified and aggregated before use and may be kept for up to seven years.
Organizations with certain compliance requirements (Atlassian Government Cloud, customer-managed
keys, HIPAA) are not used at all. optout works on every organization the account administers
(`--target ORG-ID` for one); an account that administers none (a member, a site admin) is told
that it is not offered, because only organization admins can change it.

The "Include in-app data" and "Exclude in-app data" tables are left alone: with in-app
contribution off, whatever the Include table lists is still contributed (see `notes`).
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source, Targets

# GUESS (2026-12): an organization's pages live under /o/{org id}/ (public scripts and guides
# give /o/{id}/overview, /groups, /settings/api); the sources give the menu path Security > Data
# contribution, not this page's address.
PAGE = "https://admin.atlassian.com/o/{target}/security/data-contribution"
# "When you go to admin.atlassian.com, we prompt you to select an organization if you have more
# than one"; with one, "you'll land on the Overview" (Atlassian's docs). GUESS (2026-12): either
# page's main part, headed "Organizations" or "Overview", links to each organization's /o/{id}/.
ADMINISTRATION = "https://admin.atlassian.com/"
ORGANIZATIONS = Targets(
    url=ADMINISTRATION,
    section=Section("main", r"^(organi[sz]ations|overview)$"),
    link=r"^https://admin\.atlassian\.com/o/(?P<target>[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})"
         r"(/|$)",
    noun="administered organization",
)
# GUESS (2026-12): the page is taken to be a main part headed by its menu name.
SECTION = Section("main", r"^data contribution$")
OFFERED_TO = ("only to organization admins, in Atlassian Administration (organizations with "
              "certain compliance requirements, such as Atlassian Government Cloud, are not "
              "used at all)")

FLOW = Flow(
    slug="atlassian",
    title="Atlassian",
    # admin.atlassian.com and the sign-in at id.atlassian.com.
    domains=("atlassian.com",),
    # GUESS (2026-12): the sources carry no dates of their own but describe the rollout as
    # complete on 2026-05-19; that is the newest date they can be known to speak of.
    verified=date(2026, 5, 19),
    login=Login(
        url="https://id.atlassian.com/login",
        # #username, then #login-submit ("Continue"); on the next step #password and
        # #login-submit again (public scripts against id.atlassian.com).
        # GUESS (2026-12): the fields' and buttons' English names; a script gives Spanish
        # placeholders ("Introducir correo", "Introducir contraseña") only.
        username=Find("textbox", r"email", anchor="#username"),
        next=Find("button", r"^continue$", anchor="#login-submit"),
        password=Find("textbox", r"password", anchor="#password"),
        submit=Find("button", r"^log in$", anchor="#login-submit"),
        login_paths=("/login",),
        # GUESS (2026-12): the two-step verification page's path; not in the sources.
        challenge_paths=("/login/mfa",),
        # GUESS (2026-12): Atlassian's usual wording for a refused sign-in; not in the sources.
        rejected_text=r"incorrect email address and ?/ ?or password",
        # Atlassian's own support site names it (SAC_CST_TOKEN_COOKIE_NAME); scripts send it.
        signed_in_cookie="cloud.session.token",
    ),
    settings=(
        Setting(
            id="in-app-data",
            label="In-app data contribution for {target}",
            url=PAGE,
            section=SECTION,
            # The help pages' name for it ("In-app data contribution: On", "your data
            # contribution is set to On"). GUESS (2026-12): the toggle carries that name.
            control=Find("toggle", r"in-app data contribution"),
            # GUESS (2026-12): the toggle saves at once; the sources describe no confirmation.
            offered_to=OFFERED_TO,
            manual_path="admin.atlassian.com > (the organization) > Security > Data "
                        "contribution > In-app data contribution > Off",
            targets=ORGANIZATIONS,
        ),
        Setting(
            id="metadata",
            label="Metadata contribution for {target}",
            url=PAGE,
            section=SECTION,
            # "Metadata contribution: On ... You can change this setting to Off" (Enterprise).
            # GUESS (2026-12): the toggle carries that name.
            control=Find("toggle", r"^metadata contribution"),
            # "Metadata contribution: Is always contributed ... You can't change this setting"
            # (Free, Standard, Premium). GUESS (2026-12): the page says so in these words.
            absent=r"always contributed",
            offered_to="only to Enterprise plans (on Free, Standard and Premium plans metadata "
                       "is always contributed and can't be turned off); and only to "
                       "organization admins",
            manual_path="admin.atlassian.com > (the organization) > Security > Data "
                        "contribution > Metadata contribution > Off (Enterprise plans only)",
            targets=ORGANIZATIONS,
        ),
    ),
    notes="Organization admins only; in force from 2026-08-17. With in-app data contribution "
          "off, spaces, apps and Teamwork Graph connectors listed under \"Include in-app data\" "
          "are still contributed: optout leaves that table alone, so check it by hand. On "
          "Free, Standard and Premium plans metadata is always contributed.",
    guesses=(
        Guess("url", "an organization's Data contribution page is taken to live at "
                     "/o/{org id}/security/data-contribution", "in-app-data"),
        Guess("url", "the same page holds metadata contribution", "metadata"),
        Guess("section", "admin.atlassian.com's main part, headed 'Organizations' (several) or "
                         "'Overview' (one), is taken to link to each organization's /o/{id}/",
              "in-app-data"),
        Guess("section", "the same list page", "metadata"),
        Guess("section", "the Data contribution page is taken to be a main part headed 'Data "
                         "contribution'", "in-app-data"),
        Guess("section", "the same page", "metadata"),
        Guess("other", "the toggle is taken to save at once, with no confirmation", "in-app-data"),
        Guess("other", "the toggle is taken to save at once; a plan without the switch is taken "
                       "to say 'always contributed'", "metadata"),
        Guess("login", "the sign-in fields' and buttons' English names"),
        Guess("login", "the two-step verification page's path /login/mfa"),
        Guess("login", "the refused sign-in's wording is Atlassian's usual one, not in the "
                       "sources"),
        Guess("verified", "the sources carry no dates; the rollout they describe was complete "
                          "on 2026-05-19"),
    ),
    sources=(
        Source("path Atlassian Administration > (organization) > Security > Data contribution; "
               "organization admins only; \"Include in-app data\" when contribution is Off, "
               "\"Exclude in-app data\" when On, from Spaces / Atlassian apps / Teamwork Graph "
               "connectors tabs, shown in a table with a More actions menu",
               "https://support.atlassian.com/security-and-access-policies/docs/"
               "include-or-exclude-in-app-data/"),
        Source("defaults by highest plan: Free/Standard metadata always contributed, in-app On "
               "(can be Off); Premium metadata always, in-app Off; Enterprise metadata On (can "
               "be Off), in-app Off; data used from 2026-08-17",
               "https://support.atlassian.com/security-and-access-policies/docs/"
               "data-contribution-settings/"),
        Source("timeline: settings from 2026-04-16, rollout complete 2026-05-19, in force "
               "2026-08-17; apps covered: Jira, Confluence, Jira Service Management and the "
               "platform apps (Rovo, Home, Teams, Projects, Assets, Goals, Analytics)",
               "https://www.atlassian.com/trust/ai/data-contribution and its FAQs"),
        Source("what metadata and in-app data are; up to seven years' retention; compliance "
               "exclusions (Government Cloud, customer-managed keys, HIPAA)",
               "securityonline.info; groundy.com; sysroute.online (2026)"),
        Source("only Enterprise can turn metadata off; rollout completed May 19",
               "devlery.com \"The switch to review before August 17\""),
        Source("admin.atlassian.com asks to select an organization when there are several and "
               "lists those you administer; with one you land on its Overview; you must be an "
               "organization admin; a site admin sees no organization there",
               "https://support.atlassian.com/organization-administration/docs/"
               "explore-an-atlassian-organization/; Atlassian Community answers on organization "
               "admins"),
        Source("organization pages under https://admin.atlassian.com/o/{org id}/ (overview, "
               "groups, settings/api)",
               "public scripts and guides for Atlassian's organization API"),
        Source("sign-in at https://id.atlassian.com/login: #username, #login-submit, then "
               "#password, #login-submit",
               "skapxd/deploy-to-google-play-console src/loginJira; a public Selenium test of "
               "id.atlassian.com", live=True),
        Source("session cookie cloud.session.token",
               "support.atlassian.com's own page settings (SAC_CST_TOKEN_COOKIE_NAME); public "
               "API clients"),
    ),
)
