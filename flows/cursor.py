"""Cursor: "Privacy Mode" (on = no training) is a switch in the desktop app.

With Privacy Mode on, Cursor keeps zero-data-retention agreements with its model providers and
neither Cursor nor the providers train on the person's code; with it off, Cursor may store and use
codebase data, prompts, editor actions and code snippets to train its models. The switch is in the
editor: Cursor Settings (Cmd/Ctrl+Shift+J) > General > Privacy Mode. The account page
cursor.com/settings shows its status; on Business and Enterprise teams Privacy Mode is on by
default and an admin can enforce it for every member from the team dashboard, so members can't
turn it off. optout drives web pages, not the desktop app, and no source shows the switch itself
on the website, so it can only point there.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="cursor",
    title="Cursor",
    answer="Cursor's \"Privacy Mode\" (on means no training) is switched in the desktop app, "
           "Cursor Settings > General > Privacy Mode; the website only shows its status, and "
           "team admins enforce it from the dashboard.",
    nearest="https://cursor.com/settings",
    sources=(
        Source("Cursor Settings > General > Privacy Mode > ON; cursor.com/settings shows the "
               "account-level status; Admin Dashboard > Privacy > \"Enforce Privacy Mode for all "
               "members\" (Business/Enterprise), after which members can't disable it",
               "https://tonsofskills.com/skills/cursor-privacy-settings (the "
               "cursor-privacy-settings skill, jeremylongshore/claude-code-plugins-plus-skills)"),
        Source("with Privacy Mode off Cursor may store and use codebase data, prompts, editor "
               "actions and code snippets to train its models; with it on, no training by Cursor "
               "or third parties",
               "https://conductatlas.com/platform/cursor/ (analysis of Cursor's Data Use & "
               "Privacy Overview)"),
        Source("open Cursor Settings (Cmd/Ctrl+Shift+J) > General > toggle Privacy Mode on; on "
               "for team members by default; admins enforce it via cursor.com/dashboard",
               "Cursor's help, https://cursor.com/help/security-and-privacy/privacy.md"),
    ),
    # GUESS (2026-12): no source is dated; the skill's wording quoted here is newer than its
    # repository's snapshot of 2026-01-27, so that date is used as the earliest it can be.
    verified=date(2026, 1, 27),
    guesses=(
        Guess("verified", "none of the sources is dated; 2026-01-27 is the earliest date the "
                          "quoted skill text can have"),
        Guess("other", "whether cursor.com/settings can change Privacy Mode, not only show it, "
                       "is not said by any source"),
    ),
)
