"""Notion: nothing to switch off; Notion says it doesn't train on customer data.

Notion says it does not use customer data, Notion AI's inputs and outputs included, to train
models, unless the person gives feedback or permission. So no control is needed; what a person
chooses to send as feedback is the exception to keep in mind.
"""

from __future__ import annotations

from datetime import date

from optout.flow import Guess, NoSwitch, Source

FLOW = NoSwitch(
    slug="notion",
    title="Notion",
    answer="Notion says it does not train models on customer data, Notion AI inputs and outputs "
           "included, unless you give feedback or permission.",
    guesses=(
        Guess("verified", "the source is undated; the catalogue's newest date, 2026-10-02, is "
                          "used"),
    ),
    sources=(
        Source("no training on customer data (incl. Notion AI inputs and outputs) without "
               "feedback or permission", "productionai.institute, citing the Notion AI "
               "supplementary terms (research catalogue §29)"),
    ),
    # GUESS (2026-11): the source is undated; the catalogue's newest date (its AUDIT-NOTES'
    # 2026-10-02) is the earliest day it can have been read, as flows/quora.py assumes.
    verified=date(2026, 10, 2),
)
