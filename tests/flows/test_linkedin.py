"""LinkedIn: the shared contract, plus its sign-in pages (sign-in, refusal, checkpoint)."""

from __future__ import annotations

from optout.testing.contract import FlowContract


class TestLinkedIn(FlowContract):
    slug = "linkedin"
