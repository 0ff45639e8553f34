"""`optout platforms`: each platform's settings, who has them, notes, and sources."""

from __future__ import annotations

import json

from optout.engine import catalogue, registry


def test_the_table_says_who_has_each_setting_and_what_to_know() -> None:
    gemini = registry.load("gemini")
    text = catalogue.table([gemini])
    assert text.splitlines()[0].startswith(
        "gemini       Google Gemini (facts verified 2026-10-02; confidence high (")
    assert f"offered {gemini.settings[0].offered_to}" in text
    assert f"note: {gemini.notes}" in text


def test_the_json_describes_each_setting_s_kind() -> None:
    kinds: dict[tuple[str, str], tuple[str, str]] = {}
    for platform in json.loads(json.dumps(catalogue.data(registry.all_flows()))):
        for setting in platform["settings"]:
            kinds[(platform["slug"], setting["id"])] = (setting["kind"], setting["offered_to"])
    assert kinds[("gemini", "keep-activity")][0] == "choice"
    assert kinds[("facebook", "ai-objection")] == (
        "form", "only in the EU/EEA, the UK, Switzerland, Brazil, Japan and South Korea")
    assert kinds[("x", "grok-training")] == ("toggle", "")


def test_a_setting_per_blog_shows_a_placeholder_and_where_the_blogs_are_listed() -> None:
    text = catalogue.table([registry.load("tumblr")])
    assert "Prevent third-party sharing for BLOG" in text
    assert "https://www.tumblr.com/settings/blog/BLOG" in text
    assert "one per blog, as listed on https://www.tumblr.com/settings/account" in text
    everything = catalogue.table(registry.everything()) + catalogue.markdown(registry.everything())
    assert "{target}" not in everything
