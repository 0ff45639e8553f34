"""TikTok: no AI-training switch; an in-app request form, and only where the law backs it.

TikTok offers no toggle. A study that walked through the mobile apps counted 19 actions to ask
TikTok not to use a person's data for AI training: its privacy pages lead to a request form, often
one where the person cites their country's data-protection law. The form can be sent from any
country, but TikTok need not honour it where no such law applies (EU, EEA and UK residents are
best protected). The study also reports that TikTok's policy reaches private videos and unsaved
drafts, not only public posts. The form sits in the app; optout can't fill it in and sends
nothing on a person's behalf.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="tiktok",
    title="TikTok",
    answer="TikTok has no switch: a person asks through a request form in the app's privacy "
           "pages (19 actions in one study), which TikTok honours only where data-protection "
           "law requires it.",
    sources=(
        Source("no toggle; privacy policy pages and a request form, often citing the country's "
               "data-protection law; 19 actions; restricted by region (best protection in the "
               "EU, EEA and UK); private videos and drafts within the policy's reach",
               "Surfshark, \"AI training on social media: can you really say no?\", "
               "https://surfshark.com/research/chart/social-media-ai-training (snapshot "
               "2026-05-13, a reddit mirror; reported by Android Headlines)"),
    ),
    # The study's snapshot, 2026-05-13, is its only date.
    verified=date(2026, 5, 13),
    guesses=(
        Guess("other", "one study is the only source; the form's wording and where exactly it "
                       "sits in the app are not given"),
    ),
)
