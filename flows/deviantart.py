"""DeviantArt: the account's opt-in to third-party AI datasets (Settings > Personal > General).

Since November 2022 every deviation is labelled "noai" by default: DeviantArt puts a `noimageai`
robots tag on its pages and a `noai` X-Robots-Tag header on direct downloads, and its terms bar
third parties from training on content carrying them. A member can opt in under Settings >
Personal > General; this flow checks that the opt-in is still unticked and unticks it if someone
ticked it. So for nearly everyone it only reads: the default is already as wanted. Per-deviation
labels ("NoAI", "Created with AI") are set in Studio, whose presets can bulk-edit them; this flow
does not touch them. No region, plan or age rule is reported in the sources.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source

# GUESS (2026-11): the sources give the menu path, not the address; this is General's page.
SETTINGS = "https://www.deviantart.com/settings/general"

FLOW = Flow(
    slug="deviantart",
    title="DeviantArt",
    domains=("deviantart.com",),
    # The newest dated source is the team journal's Studio update, 2024-04-17.
    verified=date(2024, 4, 17),
    login=Login(
        # GUESS (2026-11): no source describes DeviantArt's sign-in; its page is taken to ask
        # for the username or email, then ("Next") for the password.
        url="https://www.deviantart.com/users/login",
        username=Find("textbox", r"^username or email"),
        next=Find("button", r"^next$"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/users/login",),
        # GUESS (2026-11): the usual wording of a refused sign-in; not in the sources.
        rejected_text=r"(username|password) (is|was) (incorrect|invalid)",
    ),
    settings=(
        Setting(
            id="ai-datasets-opt-in",
            label="Tell AI datasets they can use my content",
            url=SETTINGS,
            # GUESS (2026-11): the page's main content is taken to be headed by its menu entry.
            section=Section("main", r"^general$"),
            # GUESS (2026-11): the label is not in the sources; it is taken to speak of "AI
            # datasets" as DeviantArt's announcement does. A box worded the protective way ("can't
            # use", "not") is never this one: unticking it would opt the person in.
            control=Find("toggle",
                         r"^(?!.*\b(can.?t|cannot|not|don.?t)\b).*\bAI datasets?\b"),
            desired="off",
            # A box worded the protective way stands where the opt-in would: the page offers the
            # opposite box, not this one (and the look-out points it out).
            absent=r"tell ai datasets they can.?t use my content",
            manual_path="Settings > Personal > General > the AI datasets opt-in > untick",
        ),
    ),
    guesses=(
        Guess("url", "the sources give the menu path, not the address; General's page is assumed",
                     "ai-datasets-opt-in"),
        Guess("login", "no source describes the sign-in; username or email, 'Next', then the "
                       "password is assumed"),
        Guess("login", "the refused sign-in's wording is the usual one, not in the sources"),
        Guess("section", "the page's main content is taken to be headed by its menu entry "
                         "'General'", "ai-datasets-opt-in"),
        Guess("label", "the opt-in's label is not in the sources; it is taken to speak of 'AI "
                       "datasets'", "ai-datasets-opt-in"),
    ),
    sources=(
        Source("all deviations labelled noai by default since November 2022; noimageai robots "
               "tag and noai X-Robots-Tag header; third parties must exclude such content",
               "DeviantArt team journal 934500371 (\"UPDATE All Deviations Are Opted Out of AI "
               "Datasets\")"),
        Source("members opt in under Settings > Personal > General",
               "DeviantArt team journal 934500371, per the research catalogue"),
        Source("per-deviation AI labels bulk-edited with Studio presets",
               "DeviantArt team journal 934500371, update of 2024-04-17"),
    ),
)
