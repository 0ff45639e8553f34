"""Authenticator codes (RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits), from the stdlib.

Not pyotp: since 2.10 it refuses secrets under 112 bits, and platforms still hand out 16-letter
(80-bit) setup keys; the arithmetic is ten lines, checked against RFC 6238's own test values.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

from optout.errors import UsageError


def normalise(secret: str) -> str:
    """The base32 secret as authenticator apps show it, checked; spaces and case don't matter."""
    cleaned = "".join(secret.split()).upper()
    try:
        base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise UsageError(
            "That authenticator secret is not valid base32.",
            "Copy the setup key the platform shows (letters A-Z and digits 2-7).",
        ) from None
    if not cleaned:
        raise UsageError("The authenticator secret is empty.")
    return cleaned


def code(secret: str, at: float | None = None, digits: int = 6, step: int = 30) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)
