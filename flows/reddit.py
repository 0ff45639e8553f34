"""Reddit: no AI-training control; Reddit licenses its users' data to AI firms.

Nobody can opt out: no setting exists on any plan, in any region or at any age, and the study the
catalogue relies on found none (medium confidence). The nearest page, Settings > Privacy, covers
personalisation and ads only; nothing on it stops posts or comments going into licensed data.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="reddit",
    title="Reddit",
    answer="Reddit licenses its users' data to AI firms and offers no way to opt out; its "
           "privacy settings cover only personalisation and ads.",
    nearest="https://www.reddit.com/settings/privacy",
    guesses=(
        Guess("other", "the answer rests on a single study of platforms' AI opt-outs (medium "
                       "confidence)"),
    ),
    sources=(
        Source("no user-facing AI-training opt-out; Reddit licenses data to AI firms",
               "a public study of platforms' AI opt-outs (snapshot 2026-05-13, a reddit mirror), "
               "per the research catalogue §9"),
        Source("nearest control https://www.reddit.com/settings/privacy, personalisation and "
               "ads only", "research catalogue §9"),
    ),
    verified=date(2026, 5, 13),
)
