"""How old a flow's facts are: past an age, a run warns, and `--strict-freshness` only reads.

Each flow carries the date its facts (URLs, labels, steps) were last verified. Sites change; a
flow not re-checked for long may click the wrong thing, so its age is said out loud.
"""

from __future__ import annotations

import os
from datetime import date

from optout.errors import UsageError
from optout.flow import Flow

DEFAULT_DAYS = 180


def max_age_days() -> int:
    raw = os.environ.get("OPTOUT_MAX_FLOW_AGE", str(DEFAULT_DAYS))
    try:
        days = int(raw)
    except ValueError:
        raise UsageError(f"OPTOUT_MAX_FLOW_AGE is '{raw}', not a number of days.") from None
    if days < 0:
        raise UsageError(f"OPTOUT_MAX_FLOW_AGE is {days}; give 0 or more days.")
    return days


def stale(flow: Flow, today: date | None = None) -> str:
    """A warning when the flow's facts are older than the allowed age; "" when fresh enough."""
    age = ((today or date.today()) - flow.verified).days
    if age <= max_age_days():
        return ""
    return (f"its facts were last verified on {flow.verified.isoformat()} ({age} days ago, more "
            f"than {max_age_days()}); the site may have changed since")
