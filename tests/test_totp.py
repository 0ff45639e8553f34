"""Authenticator codes match RFC 6238's own test values, and 80-bit setup keys work."""

from __future__ import annotations

import base64

import pytest

from optout.errors import UsageError
from optout.web import totp

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()  # RFC 6238, appendix B (SHA-1)


@pytest.mark.parametrize(("at", "expected"), [
    (59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"),
    (1234567890, "89005924"), (2000000000, "69279037"), (20000000000, "65353130")])
def test_codes_are_rfc_6238s(at: int, expected: str) -> None:
    assert totp.code(RFC_SECRET, at, digits=8) == expected


def test_a_16_letter_setup_key_gives_six_digits_that_change_every_30_seconds() -> None:
    secret = totp.normalise("jbsw y3dp ehpk 3pxp")  # 80 bits, as many platforms show it
    assert secret == "JBSWY3DPEHPK3PXP"
    first, same, next_step = (totp.code(secret, t) for t in (0, 29, 30))
    assert len(first) == 6 and first.isdigit()
    assert first == same != next_step


@pytest.mark.parametrize("secret", ["not-base32!", "   "])
def test_a_secret_that_is_not_base32_is_a_usage_error(secret: str) -> None:
    with pytest.raises(UsageError):
        totp.normalise(secret)
