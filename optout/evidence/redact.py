"""Taking personal details out of what optout keeps or shows (a page's confirmation, a capture,
a picture).

A platform's message may name the person ("we sent a confirmation to ..."); what optout records
is the message with those details masked. The scrubbing data lives here, with the scrubber: the
captures, the recordings and the pictures all take it from this one place.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Long runs of letters and digits that look like tokens or codes, not words.
TOKEN = re.compile(r"\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}\b")
# Words of a name or an email's local part, as they may show on a page.
PART = re.compile(r"[^\W_]{3,}")
# Fields and pictures that may show who the person is, masked in every picture optout keeps.
PERSONAL = ("input:not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]), "
            "textarea, select, img, svg image, [autocomplete], [contenteditable=true]")


def redact(text: str) -> str:
    """`text` with email addresses and token-like strings replaced by a placeholder."""
    return TOKEN.sub("[token]", EMAIL.sub("[email]", text))


def personal_strings(values: list[str]) -> list[str]:
    """Each value, an email's local part, and their words of 3+ characters; longest first."""
    found: set[str] = set()
    for value in (v.strip() for v in values):
        if not value:
            continue
        found.add(value)
        local = value.split("@", 1)[0] if EMAIL.fullmatch(value) else value
        found |= {local, *PART.findall(local)}
    return sorted((s for s in found if len(s) >= 3), key=len, reverse=True)


def scrubber(personal: list[str]) -> re.Pattern[str] | None:
    names = personal_strings(personal)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I)


def scrub_text(text: str, names: re.Pattern[str] | None) -> str:
    """Emails and tokens redacted (optout.evidence.redact), then the person's names."""
    text = redact(text)
    return names.sub("[name]", text) if names else text
