"""History of observations (placeholder until the SQLite store lands)."""

from __future__ import annotations


def latest_summary() -> str | None:
    """One line about the most recent check, or None when nothing was recorded yet."""
    return None
