"""Snapchat: "Allow use of public content" (Generative AI Settings) lives in the mobile app only.

The setting that lets Snapchat's generative AI use a person's public content (public Stories,
Spotlight) is a toggle in the app: Profile > Settings (the cog) > My Privacy & Data > Generative
AI Settings > "Allow use of public content". A second AI control sits beside the AI selfie
feature: Profile > Settings > My Selfie > "See My Selfie in Ads", switched on once a person
accepts My Selfie's terms (their AI likeness may then appear in ads shown to them). Both live in
the iOS and Android apps; no source shows either on Snapchat's website, and optout works only on
web pages, so it can only say where they are.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="snapchat",
    title="Snapchat",
    answer="Snapchat's switches are in its mobile app only: turn off Settings > My Privacy & "
           "Data > Generative AI Settings > \"Allow use of public content\", and Settings > My "
           "Selfie > \"See My Selfie in Ads\"; optout works on web pages and can't reach them.",
    sources=(
        Source("app path Profile > Settings > My Privacy & Data > Generative AI Settings > "
               "toggle off \"Allow use of public content\"",
               "a user's post, https://www.lemon8-app.com/@h.d.duck/7592452104627798558"),
        Source("\"See My Selfie in Ads\" under Profile > Settings > My Selfie, on by default once "
               "My Selfie's terms are accepted",
               "https://tech.co/news/stop-snapchat-ai-selfie-using-face (after 404 Media and "
               "The Verge)"),
        Source("Snapchat lets people toggle off AI data use in its app in about three to five "
               "actions (the study used the mobile apps)",
               "Surfshark, https://surfshark.com/research/chart/social-media-ai-training "
               "(snapshot 2026-05-13, a reddit mirror)"),
    ),
    # The newest dated source: the study's snapshot.
    verified=date(2026, 5, 13),
    guesses=(
        Guess("other", "the label \"Allow use of public content\" and its path rest on one "
                       "user's post; no Snapchat help page naming it was found"),
    ),
)
