"""Discord: no AI-training control was found (low confidence).

One public study of platforms' AI opt-outs (May 2026) found no AI-training opt-out on Discord;
little else was found, so this answer is low confidence and worth re-checking. Discord's
Privacy & Safety settings may hold a "Use data to improve Discord" switch, but no source
confirms it or says it concerns AI training, so optout does not point to it.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="discord",
    title="Discord",
    answer="No AI-training control was found for Discord, though that rests on a single study "
           "(low confidence).",
    guesses=(
        Guess("other", "the answer rests on a single study of platforms' AI opt-outs (low "
                       "confidence)"),
        Guess("other", "the 'Use data to improve Discord' switch is the catalogue's memory, not a "
                       "source"),
    ),
    sources=(
        Source("no AI-training opt-out found for Discord",
               "a public study of platforms' AI opt-outs (snapshot 2026-05-13, a reddit mirror), "
               "per the research catalogue §9 and §27"),
    ),
    # GUESS (2026-11): the "Use data to improve Discord" switch is the catalogue's memory, not a
    # source; it is left out of `nearest` for that reason.
    verified=date(2026, 5, 13),
)
