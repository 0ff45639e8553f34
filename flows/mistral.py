"""Mistral: "Allow your interactions to be used to train our models" (Admin Panel > Vibe > Privacy).

Mistral's chat assistant Le Chat was renamed Vibe on 2026-05-28; its training switch moved with
it: Admin Panel > Le Chat > Privacy became Admin Panel > Vibe > Privacy, with the same label. The
switch is on by default for Free, Pro and Student accounts; Team and Enterprise organisations
were left out of training (Mistral's help revised on 2026-09-02 names only Enterprise as opted
out, and Mistral's docs say Pro and Team aren't trained on by default: the sources disagree, so
the flow reads the switch rather than trusting a plan). The switch holds for the whole
Organization and the change applies at once. Turning it off is prospective only.

Not covered here: the API/Studio switch on its own page (Admin Panel > API > Privacy, "Anonymous
improvement data"), which is independent of this one; the mobile app's "Enable data sharing"
box (Settings > Data & Account Controls), the same choice made in the app; and feedback (thumbs
up or down), which Mistral may train on whatever the switch says.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# The docs link Admin Panel > Vibe > Privacy here (mistralai/platform-docs-public, 2026-07).
SETTINGS = "https://admin.mistral.ai/vibe/privacy"

FLOW = Flow(
    slug="mistral",
    title="Mistral Vibe (Le Chat)",
    domains=("mistral.ai",),
    # 2: the sign-in fields are the inputs inside Ory's test-id wrappers, not the wrappers.
    version=2,
    # The help centre's revision of 2026-09-02 (the Vibe wording), the newest source relied on.
    verified=date(2026, 9, 2),
    login=Login(
        # Public scripts open this Ory sign-in page; it also answers at v2.auth.mistral.ai/login.
        url="https://auth.mistral.ai/ui/login",
        # Ory's test ids, whatever the language, sit on the fields' wrappers with the inputs
        # inside (public scripts: //div[@data-testid='node/input/identifier']//input); an older
        # source put them on the fields, so both are taken. GUESS (2026-12): their accessible
        # names "Email" and "Password".
        username=Find("textbox", r"e-?mail|identifier",
                      anchor='[data-testid="node/input/identifier"] input, '
                             'input[data-testid="node/input/identifier"]'),
        password=Find("textbox", r"^password",
                      anchor='[data-testid="node/input/password"] input, '
                             'input[data-testid="node/input/password"]'),
        # GUESS (2026-12): the submit button's wording; the script clicks it by XPath.
        submit=Find("button", r"^(sign in|log in|continue)$"),
        login_paths=("/ui/login", "/login", "/self-service/login"),
        # GUESS (2026-12): Ory's email-verification page; no source names Mistral's challenges.
        challenge_paths=("/ui/verification", "/verification"),
        # GUESS (2026-12): Ory's stock refusal; Mistral's own wording is not in the sources.
        rejected_text=r"provided credentials are invalid",
        # No signed-in cookie: the sources name Ory's session cookie three ways
        # ("ory_session_*" with an unknown suffix, "ory_kratos_session", "ory_session"), so
        # none is declared and `optout login mistral --browser` can't tell when a person is done.
    ),
    settings=(
        Setting(
            id="model-training",
            label="Allow your interactions to be used to train our models",
            url=SETTINGS,
            # GUESS (2026-12): the help's "Privacy section" is taken to be the main content,
            # headed "Privacy" (the Admin Panel's menu name).
            section=Section("main", r"\bprivacy\b"),
            # "disable the toggle labelled Allow your interactions to be used to train our
            # models" (help 455207); the app's "Enable data sharing" matches too.
            control=Find("toggle", r"interactions to be used to train|enable data sharing"),
            offered_to="to Free, Pro and Student accounts (Team and Enterprise organisations "
                       "were left out of training; since 2026-09 Mistral's help names only "
                       "Enterprise)",
            manual_path="admin.mistral.ai > Manage > Vibe (formerly Le Chat) > Privacy > "
                        "Allow your interactions to be used to train our models (mobile app: "
                        "Settings > Data & Account Controls > Enable data sharing)",
        ),
    ),
    # The Privacy page's other switches (Mistral docs, "Vibe privacy controls"); GUESS
    # (2026-12): their accessible names are the docs' names for them.
    neighbours=(Find("toggle", r"public chat sharing|share chats publicly"),),
    # "Model response feedback" lets the Organization's members rate responses; it is a product
    # feature for everyone in the Organization, not the training switch, so it is left alone
    # (ratings are trained on anyway: see the notes).
    leaves_alone=(Find("toggle", r"model response feedback|feedback on model responses"),),
    notes="Le Chat is called Vibe since 2026-05-28 (same switch, same label). The API and Studio "
          "have their own, independent switch at https://admin.mistral.ai/plateforme/privacy "
          "(\"Anonymous improvement data\"), which optout does not touch; enabling Labs models "
          "there allows training whatever either switch says. Thumbs-up/down feedback is "
          "trained on regardless.",
    guesses=(
        Guess("section", "the help's \"Privacy section\" is taken to be the main content, "
                         "headed \"Privacy\"", "model-training"),
        Guess("login", "the sign-in fields' accessible names, the submit button's wording, "
                       "the verification page and the refusal text are not in the sources"),
        Guess("other", "the Privacy page's other switches are taken to be named as the docs "
                       "name them (\"Public chat sharing\", \"Model response feedback\")",
              "model-training"),
    ),
    sources=(
        Source("Admin Console > Le Chat (Manage) > Privacy > \"disable the toggle labelled "
               "Allow your interactions to be used to train our models\"; mobile: Settings > "
               "Data & Account Controls > deselect \"Enable data sharing\"; Free/Pro/Student "
               "trained on unless opted out, Team/Enterprise opted out",
               "https://help.mistral.ai/en/articles/455207-can-i-opt-out-of-my-input-or-output-"
               "data-being-used-for-training"),
        Source("revision of 2026-09-02: the same toggle under Manage > Vibe > Privacy; only "
               "Enterprise opted out by default; the API toggle (\"Anonymous improvement data\") "
               "is independent", "help 455207 as summarised on 2026-09-02 (Hacker News item "
               "49535284)"),
        Source("Le Chat renamed Vibe on 2026-05-28, plans and settings carried over",
               "heise online, \"Mistral's chatbot is now called Vibe\" (cited by a 2026-09-03 "
               "post)"),
        Source("\"Disable data sharing for model training\"; the change applies immediately to "
               "the Organization; Free trained on, Pro/Team/Enterprise not by default",
               "https://docs.mistral.ai/admin/security-access/privacy"),
        Source("address https://admin.mistral.ai/vibe/privacy (Admin Panel > Vibe > Privacy): "
               "model training, public chat sharing, model response feedback, chat retention "
               "policy (Never ... 1 year); API privacy at /plateforme/privacy, Labs models",
               "mistralai/platform-docs-public src/content/en/docs/admin/monitor-comply/"
               "privacy-data-controls/page.mdx (2026-07-31)"),
        Source("Admin Panel nav: Vibe Privacy admin.mistral.ai/vibe/privacy, API Privacy "
               "admin.mistral.ai/plateforme/privacy", "a public capture of the Admin Panel "
               "dated 2026-07-13 (repository not recorded)"),
        Source("sign-in at https://auth.mistral.ai/ui/login (Ory; also v2.auth.mistral.ai/login), "
               "fields [data-testid=node/input/identifier] and [data-testid=node/input/password]",
               "public Playwright and connector scripts (repositories not recorded)", live=True),
        Source("the test ids are on wrappers: Le Chat's username and password are "
               "//div[@data-testid='node/input/identifier']//input and "
               "//div[@data-testid='node/input/password']//input; another script fills "
               "input[name=\"identifier\"] and input[type=\"password\"] and clicks the third "
               "submit button",
               "public chatbot-automation selectors (\"Storage of the xpath, class and id "
               "identifiers\", LeChat) and a Playwright MistralTester (repositories not "
               "recorded)", live=True),
        Source("Ory's browser login flow: auth.mistral.ai/self-service/login/browser?return_to="
               "https://admin.mistral.ai/; the form posts to auth.mistral.ai/self-service/login?"
               "flow=... with csrf_token, identifier, password and method=password",
               "a public Mistral console sign-in client in Rust (repository not recorded)",
               live=True),
    ),
)
