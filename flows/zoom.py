"""Zoom: nothing to switch off; Zoom says it doesn't train AI on communications content.

Zoom's terms (§10.4) say audio, video, chat and other communications content is not used to
train Zoom's or third-party AI models, so there is no training switch for anyone. Account admins
can turn AI Companion features off, but that controls the features, not training.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="zoom",
    title="Zoom",
    answer="Zoom says it does not use audio, video, chat or other communications content to "
           "train its own or third-party AI models, so there is no training switch.",
    guesses=(
        Guess("verified", "the sources give only the month (August 2023); the 1st stands in"),
    ),
    sources=(
        Source("no training on audio, video, chat or other communications content; no user "
               "training toggle", "Zoom Terms of Service §10.4; blog.zoom.us/zooms-term-service-ai "
               "(August 2023)"),
        Source("admins can disable AI Companion features", "research catalogue §24"),
    ),
    # GUESS (2026-11): the sources give only the month (August 2023); the 1st stands in.
    verified=date(2023, 8, 1),
)
