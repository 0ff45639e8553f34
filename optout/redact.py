"""Taking personal details out of text optout keeps or shows (a page's confirmation, a capture).

A platform's message may name the person ("we sent a confirmation to ..."); what optout records
is the message with those details masked.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Long runs of letters and digits that look like tokens or codes, not words.
TOKEN = re.compile(r"\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}\b")


def redact(text: str) -> str:
    """`text` with email addresses and token-like strings replaced by a placeholder."""
    return TOKEN.sub("[token]", EMAIL.sub("[email]", text))
