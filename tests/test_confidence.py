"""How sure each flow is: derived from the facts it guesses and the sources it rests on."""

from __future__ import annotations

import dataclasses

import pytest

from optout.engine import catalogue, registry
from optout.facts import Guess, Source, confidence_of
from optout.testing.browser import SharedBrowser
from optout.testing.contract import fixtures_root, run_variant
from optout.web.replay import Replay

TWO = (Source("the switch", "a help page"), Source("the switch", "a guide"))


def test_a_guessed_control_is_low_whatever_the_sources() -> None:
    sure = confidence_of((Guess("control", "a toggle in the guides taken to be a switch"),),
                         (*TWO, Source("the page", "automation code", live=True)))
    assert (sure.level, sure.why) == ("low", "its control is a guess")


def test_a_guessed_address_or_label_is_medium() -> None:
    assert str(confidence_of((Guess("url", "the path is assumed"),), TWO)) == (
        "medium (its url is a guess)")
    both = confidence_of((Guess("label", "x"), Guess("url", "y")), TWO)
    assert both.why == "its url and label are a guess"


def test_live_code_or_two_sources_are_high_and_one_source_medium() -> None:
    live = confidence_of((), (Source("the switch", "brave/psst-component", live=True),))
    assert (live.level, live.why) == (
        "high", "1 source, some from code written against the live page, nothing guessed")
    assert confidence_of((Guess("section", "heading assumed"),), TWO).why == (
        "2 sources; only minor facts guessed")
    assert str(confidence_of((), TWO[:1])) == "medium (a single source)"


def test_an_answer_resting_on_a_guess_is_medium() -> None:
    sure = confidence_of((Guess("other", "a single study"),), TWO, has_control=False)
    assert str(sure) == "medium (its answer rests on a guess)"


def test_an_unknown_guessed_fact_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown guessed fact 'colour'"):
        Guess("colour", "no such fact")


def test_platforms_show_each_flows_confidence() -> None:
    listing = catalogue.table(registry.everything())
    for entry in registry.everything():
        assert f"confidence {entry.confidence}" in listing
    data = {d["slug"]: d for d in catalogue.data(registry.everything())}
    linkedin = registry.load("linkedin")
    assert data["linkedin"]["confidence"] == {"level": linkedin.confidence.level,
                                              "why": linkedin.confidence.why}


def test_a_low_confidence_flow_says_so_before_asking(shared_browser: SharedBrowser) -> None:
    flow = registry.load("linkedin")
    guessed = dataclasses.replace(flow, guesses=(Guess("control", "a guess for this test"),))
    said: list[str] = []
    replay = Replay.open(fixtures_root() / "linkedin" / "on")
    result = run_variant(shared_browser, guessed, replay, apply=False, note=said.append)
    assert result.pending
    assert said == ["LinkedIn: optout is not sure of this flow (low confidence: its control is a "
                    "guess); check the page by hand after any change."]
    sure = run_variant(shared_browser, flow, Replay.open(fixtures_root() / "linkedin" / "on"),
                       apply=False, note=said.append)
    assert sure.pending and len(said) == 1  # a flow optout is sure of says nothing
