"""Anthropic Claude: the model-improvement switch (Settings > Privacy).

For consumer accounts (Free, Pro, Max, and Claude Code on those accounts); Work, Gov, Edu and API
accounts are excluded. Opted in, chats are kept 5 years; opted out, 30 days. The default for new
accounts is unresolved and reported as effectively on; feedback ratings are used regardless.
In 2025 the choice was first asked in an "Updates to Consumer Terms and Policies" dialog with the
switch pre-set on (decision deadline 2025-10-08); if it still appears, this flow switches it off
before pressing Accept. Sign-in is by emailed code or link only (no password).
"""

from __future__ import annotations

import asyncio
import time
from datetime import date
from typing import TYPE_CHECKING

from optout.errors import FlowBroken, PersonNeeded
from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source
from optout.locate import Timing, acting_on, exactly_one, section_locator
from optout.logs import log

if TYPE_CHECKING:
    from playwright.async_api import Page

SETTINGS = "https://claude.ai/settings/data-privacy-controls"
# The help centre's "Help Improve Claude" and the live "Help improve our AI models" (2026-10-02).
CONTROL = Find("toggle", r"help improve (claude|our ai models)")
# The 2025 consumer-terms dialog and its own switch, which answers the same question.
TERMS = Section("dialog", r"updates to consumer terms")
# GUESS (2026-11): the dialog's switch wording is not in the sources; any name speaking of
# improving or training fits, and a second such switch in the dialog stops the flow.
TERMS_SWITCH = Find("switch", r"improve|train")
TERMS_ACCEPT = Find("button", r"^accept")


class ClaudeFlow(Flow):
    """The setting is a plain switch; only the consumer-terms dialog needs code."""

    async def prepare_page(self, page: Page, may_change: bool) -> str | None:
        # Accepting that dialog as shown (switch pre-set on) opts the person in: switch off first.
        dialog = section_locator(page, TERMS)
        if not await dialog.count():
            return None
        if not may_change:  # answering it accepts terms: only a run the person started does
            raise PersonNeeded(
                "Claude shows its \"Updates to Consumer Terms and Policies\" dialog in front of "
                "the settings; a dry run or check leaves it unanswered.",
                "`optout run claude` switches the dialog's training switch off, then accepts the "
                "updated terms (the only way past it); or answer it yourself on claude.ai.")
        timing = Timing()
        url = page.url
        switch = await exactly_one(dialog, TERMS_SWITCH, "consumer terms: switch", url, timing)
        async with acting_on(page, "consumer terms: switch", TERMS_SWITCH.describe()):
            if await switch.is_checked():
                await switch.click()
            deadline = time.monotonic() + timing.change
            while await switch.is_checked():  # React pages ignore a click now and then
                if time.monotonic() >= deadline:
                    raise FlowBroken("consumer terms: switch", TERMS_SWITCH.describe(), url, 1,
                                     detail="the dialog's switch stayed on; nothing was accepted")
                await asyncio.sleep(timing.poll)
        accept = await exactly_one(dialog, TERMS_ACCEPT, "consumer terms: accept", url, timing)
        async with acting_on(page, "consumer terms: accept", TERMS_ACCEPT.describe()):
            await accept.click()
            await dialog.wait_for(state="hidden")
        log.info("claude: answered the consumer-terms dialog with its training switch off")
        return ("its updated consumer terms were waiting: optout switched their training switch "
                "off and accepted them, the only way to the settings.")


FLOW = ClaudeFlow(
    slug="claude",
    title="Claude",
    domains=("claude.ai",),
    verified=date(2026, 10, 2),
    login=Login(
        url="https://claude.ai/login",
        # GUESS (2026-11): the email field and its button's names; the sources say only "email,
        # then a code or magic link sent by email". No password exists, so `password` never
        # matches and `optout login claude` opens a browser for the person instead.
        username=Find("textbox", r"email"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^continue with email"),
        login_paths=("/login",),
        # GUESS (2026-11): the emailed link lands on /magic-link; not in the sources.
        challenge_paths=("/magic-link",),
        signed_in_cookie="sessionKey",
        # GUESS (2026-11): the emailed code's field and button on the sign-in page.
        code_field=Find("textbox", r"verification code|^code$"),
        code_submit=Find("button", r"^(continue|verify)"),
        passwordless=True,
    ),
    settings=(
        Setting(
            id="model-improvement",
            label="Help improve our AI models",
            url=SETTINGS,
            # GUESS (2026-11): the sources give the path Settings > Privacy, not the page's
            # landmarks; the tab's name is taken to head the main content.
            section=Section("main", r"^privacy"),
            control=CONTROL,
            offered_to="only to Free, Pro and Max accounts (Work, Gov, Edu and API accounts "
                       "are not trained on)",
            manual_path="Your name (bottom left) > Settings > Privacy > "
                        "Help improve our AI models (older: Help improve Claude)",
        ),
    ),
    notes="Sign-in is an emailed code or link (or Google/Apple) behind Cloudflare: sign in with "
          "`optout login claude --browser`.",
    # The location-metadata switch beside it (teardown 2026-03-28; setup note).
    neighbours=(
                Find("toggle", r"coarse location metadata|^location metadata"),
    ),
    guesses=(
        Guess("other", "the consumer-terms dialog's switch wording is not in the sources: any "
                       "'improve' or 'train' fits", "model-improvement"),
        Guess("login", "the email field's and its button's names are not in the sources"),
        Guess("login", "the emailed link is taken to land on /magic-link"),
        Guess("login", "the emailed code's field and button on the sign-in page are not in the "
                       "sources"),
        Guess("section", "the sources give Settings > Privacy, not landmarks; the tab's name heads "
                         "the main content", "model-improvement"),
    ),
    sources=(
        Source("settings URL https://claude.ai/settings/data-privacy-controls",
               "Anthropic privacy help 12109829 (privacy.claude.com, formerly "
               "privacy.anthropic.com)"),
        Source("path: your name > Settings > Privacy > toggle", "Anthropic privacy help 12109829"),
        Source("label \"Help Improve Claude\"", "Anthropic privacy help 12109829"),
        Source("live label \"Help improve our AI models\", description \"Allow the use of your "
               "chats and coding sessions to train and improve Anthropic AI models.\"",
               "AUDIT-NOTES \"Claude (Anthropic)\", live consumer account, 2026-10-02"),
        Source("control is a toggle; no confirmation documented",
               "Anthropic privacy help 12109829; AUDIT-NOTES \"Claude (Anthropic)\""),
        Source("\"Updates to Consumer Terms and Policies\" dialog with the toggle pre-set on "
               "next to Accept (reported)", "AUDIT-NOTES \"Claude (Anthropic)\", 2026-10-02"),
        Source("Free/Pro/Max and Claude Code; Work/Gov/Edu/API excluded; deadline 2025-10-08; "
               "5-year vs 30-day retention",
               "anthropic.com/news/updates-to-our-consumer-terms; AUDIT-NOTES"),
        Source("sign-in at claude.ai/login by emailed code or link, no password; Google/Apple",
               "titikey.com 2026-03-09"),
        Source("Cloudflare blocks automated sign-in; tools leave it to the person",
               "SYSNET-LUMS/LLMs-and-Web LLM_search_automation/Claude/sign_in.js", live=True),
        Source("signed-in cookie sessionKey",
               "labKnowledge/manual_dataset_maker CLAUDE_LOGIN_GUIDE.md"),
    ),
)
