"""WhatsApp: "Advanced chat privacy" keeps Meta AI out of one chat; it is not a training switch.

WhatsApp has no setting about AI training. Its nearest control, added in April 2025, is a
per-chat toggle in the mobile app (chat info > Advanced chat privacy), off by default, which any
member of a chat can switch on: while on, nobody in that chat can bring in "@Meta AI" or use
other AI features on its messages, export it, or have its media saved automatically.
Screenshots and forwarding still work, and Meta still collects metadata. Messages stay
end-to-end encrypted either way, and Meta AI processes only what someone sends it. The toggle is
set chat by chat, on a phone, and optout works only on web pages, so there is nothing it can
switch.
"""

from __future__ import annotations

from datetime import date

from optout.flow import NoSwitch, Source

FLOW = NoSwitch(
    slug="whatsapp",
    title="WhatsApp",
    answer="WhatsApp has no AI-training setting; \"Advanced chat privacy\" (chat info, mobile "
           "app, one chat at a time) only blocks @Meta AI and other AI features, exports "
           "and automatic media saving in that chat.",
    sources=(
        Source("\"Advanced Chat Privacy\" is a per-chat toggle, off by default, that any member "
               "can switch on; it disables Meta AI prompts, automatic media saving and chat "
               "export; no block on screenshots or forwarding; Meta still collects metadata",
               "https://particle.news/story/whatsapp-adds-per-chat-ai-blocker-but-leaves-key-"
               "privacy-gaps"),
        Source("announced April 2025 for individual and group chats; blocks exports, automatic "
               "media downloads and the use of messages for AI features",
               "gearbriefly, \"WhatsApp Advanced Chat Privacy: A Field Guide\", updated "
               "2026-05-18"),
    ),
    # The newest dated source: the field guide, updated 2026-05-18.
    verified=date(2026, 5, 18),
)
