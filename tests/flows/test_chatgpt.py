"""ChatGPT: the shared contract on a switch inside a dialog opened from a row, closed with Done."""

from __future__ import annotations

from optout.testing.contract import FlowContract


class TestChatGPT(FlowContract):
    slug = "chatgpt"
