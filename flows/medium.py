"""Medium: nothing to do; Medium blocks AI crawlers from every story by default.

Medium's "Default No to AI Training on Your Stories" (2023-09-28) blocks OpenAI's GPTBot in its
robots.txt for the whole site, for every writer, so there is no per-user setting and none is
needed. robots.txt asks crawlers to stay away; it cannot force one that ignores it.
"""

from __future__ import annotations

from datetime import date

from optout.flow import NoSwitch, Source

FLOW = NoSwitch(
    slug="medium",
    title="Medium",
    answer="Medium blocks OpenAI's AI crawler (GPTBot) from the whole site by default, so "
           "there is no per-user setting and nothing to do.",
    sources=(
        Source("no per-user setting; GPTBot blocked site-wide in robots.txt ('Default No')",
               "blog.medium.com, 'Default No to AI Training on Your Stories', 2023-09-28"),
    ),
    verified=date(2023, 9, 28),
)
