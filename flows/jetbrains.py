"""JetBrains IDEs: detailed code-related data sharing for AI training, an IDE setting only.

JetBrains may collect "detailed code-related data" (full prompts and LLM replies, code fragments,
edit history, terminal commands) and use it to improve products and train AI models; since the
2025.2.4 releases the IDEs ask for this consent in a dialog ("Share your code to train AI
models?"). The choice lives in each IDE: Settings | Appearance & Behavior | System Settings |
Data Sharing | "Send detailed code-related data", off by default. Under an
organisation's licence nothing is shared unless an admin chooses "Let users decide" in JetBrains
Console (AI management > Settings > Collection of Detailed Data); even then each person opts in in
the IDE. There is no web switch for a person, and optout doesn't drive desktop IDEs.
"""

from __future__ import annotations

from datetime import date

from optout.flow import NoSwitch, Source

FLOW = NoSwitch(
    slug="jetbrains",
    title="JetBrains IDEs",
    answer="JetBrains asks in each IDE, not on the web: Settings | Appearance & Behavior | "
           "System Settings | Data Sharing | \"Send detailed code-related data\" (leave it off), "
           "with a consent dialog since the 2025.2.4 releases.",
    sources=(
        Source("detailed code-related data (LLM interactions, code, edit history, terminal "
               "use) collected only with the user's opt-in consent, which can be withdrawn; used "
               "for product improvement and AI training",
               "JetBrains, Data Collection and Use Policy (Product Data Collection and Usage "
               "Notice), https://www.jetbrains.com/help/ai/data-collection-and-use-policy.html"),
        Source("the option Settings | Appearance & Behavior | System Settings | Data Sharing | "
               "\"Send detailed code-related data\", disabled by default",
               "JetBrains AI Assistant help 2025.3 and 2026.2, \"Data handling\" "
               "(https://www.jetbrains.com/help/ai-assistant/2026.2/"
               "how-we-handle-your-code-and-data.html)"),
        Source("the consent dialog \"Share your code to train AI models?\" in the 2025.2.4 "
               "releases of IntelliJ IDEA, PyCharm, Rider, RubyMine and PhpStorm",
               "https://www.thenextgentechinsider.com/jetbrains-plans-to-train-ai-on-your-code-"
               "snippets"),
        Source("under an organisation's licence nothing is shared and users can't opt in unless "
               "an admin selects \"Let users decide\" (AI management > Settings > Collection of "
               "Detailed Data)",
               "JetBrains Console help, \"Code-related data collection\" (2025-12-16), "
               "https://www.jetbrains.com/help/jetbrains-console/code-related-data-collection.html"),
    ),
    # The newest dated source: JetBrains Console's help page, 2025-12-16.
    verified=date(2025, 12, 16),
)
