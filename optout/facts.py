"""Where a flow's facts come from, which of them are guesses, and how sure optout is of it.

A flow names its sources (`Source`) and keeps every fact no source gives as data (`Guess`); its
confidence is derived from both (`confidence_of`), so `optout platforms`, the README table and
a dry run can say how sure optout is without anyone reading the flow's comments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """Where a fact in the flow came from, so anyone can re-check it."""

    fact: str
    where: str
    # Code written against the live page (e.g. brave/psst-component's scripts), not a guide.
    live: bool = False


# The facts a flow may rest on a guess for (`Guess.fact`); the first three decide confidence.
GUESSABLE = ("control", "url", "label", "section", "state", "default", "login",
             "signed-in-cookie", "verified", "other")


@dataclass(frozen=True)
class Guess:
    """A fact the flow rests on that no source gives: which, why it was guessed, and (when it is
    one setting's) which setting. Kept as data so confidence can be derived and shown."""

    fact: str
    why: str
    setting: str = ""

    def __post_init__(self) -> None:
        if self.fact not in GUESSABLE:
            raise ValueError(f"unknown guessed fact {self.fact!r} (one of {GUESSABLE})")


@dataclass(frozen=True)
class Confidence:
    """How sure optout is of a flow: "high", "medium" or "low", and why in a few words."""

    level: str
    why: str

    def __str__(self) -> str:
        return f"{self.level} ({self.why})"


def confidence_of(guesses: tuple[Guess, ...], sources: tuple[Source, ...],
                  has_control: bool = True) -> Confidence:
    """Low when a control is a guess; medium when an address or a label is, or only one source
    backs the flow; high when none of those is guessed and the facts come from code written
    against the live page or from two sources or more."""
    guessed = [g.fact for g in guesses]
    if has_control and "control" in guessed:
        return Confidence("low", "its control is a guess")
    core = [fact for fact in ("url", "label") if fact in guessed]
    if core:
        return Confidence("medium", f"its {' and '.join(core)} {'is' if len(core) == 1 else 'are'}"
                                    " a guess")
    if not has_control and guessed:
        return Confidence("medium", "its answer rests on a guess")
    live = any(src.live for src in sources)
    if not live and len(sources) < 2:
        return Confidence("medium", "a single source")
    counted = f"{len(sources)} source{'s' if len(sources) != 1 else ''}"
    if live:
        counted += ", some from code written against the live page"
    return Confidence("high", counted + ("; only minor facts guessed" if guessed
                                         else ", nothing guessed"))
