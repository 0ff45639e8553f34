"""Otter.ai: nothing to switch off; Otter trains on de-identified data and offers no toggle.

Otter trains its models automatically on de-identified recordings and transcripts, for every
user, with no setting to stop it. Humans review audio only when the person ticks a permission box
while rating a transcript: leaving that box unticked is the only choice there is. (The catalogue
also notes class actions filed over this in August 2025.)
"""

from __future__ import annotations

from datetime import date

from optout.flow import NoSwitch, Source

FLOW = NoSwitch(
    slug="otter",
    title="Otter.ai",
    answer="Otter trains on de-identified recordings and transcripts automatically and offers "
           "no setting to stop it.",
    sources=(
        Source("trains on de-identified recordings and transcripts; no toggle",
               "otter.ai/privacy-security; Otter privacy policy quoted by rctlj.org 2023-10-26"),
        Source("humans review audio only if the user ticks a permission box when rating a "
               "transcript", "otter.ai/privacy-security; rctlj.org 2023-10-26"),
    ),
    verified=date(2023, 10, 26),
)
