"""Text from input, files and pages made safe to print: no control character reaches a terminal.

An escape sequence in a page's label or a typed name could recolour, move or hide what the person
reads; a line break in a name could fake a second line of output. Both are shown as escapes.
"""

from __future__ import annotations

import re

# C0 and C1 controls but tab and newline, DEL, and the bidirectional marks and overrides (they
# reorder what a terminal shows).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BREAKS = re.compile("[\t\n\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def for_terminal(text: str) -> str:
    """`text` with every control character but tab and newline shown as its escape."""
    return CONTROLS.sub(_escaped, text)


def one_line(text: str) -> str:
    """A value from outside (a typed name, a file's field) for a one-line message."""
    return BREAKS.sub(_escaped, for_terminal(text))
