"""`optout report`: every setting's current state with its evidence, opened as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cli_support import optout, variant


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home where LinkedIn was turned off and Instagram read, on saved pages."""
    where = tmp_path / "home"
    assert optout("run", "linkedin", "--replay", variant("on"), "--yes", home=where).code == 0
    assert optout("run", "instagram", "--replay", variant("off", "instagram"), "--yes",
                  home=where).code == 0
    return where


def test_the_html_report_shows_each_setting_and_its_picture(home: Path, tmp_path: Path,
                                                           page: Page) -> None:
    out = tmp_path / "report.html"
    result = optout("report", "--format", "html", "--output", str(out), "--replay-runs",
                    home=home)
    assert result.code == 0, result.err
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    page.goto(out.as_uri())
    expect(page.get_by_text("The chain is whole")).to_contain_text("receipts are there")
    articles = page.locator("article")
    labels = [articles.nth(i).locator("h2").inner_text() for i in range(articles.count())]
    replayed = " [replayed from saved pages, not the real site]"  # these runs were on saved pages
    assert any(x == "linkedin (default): Use my data for training content creation AI models"
               + replayed for x in labels)
    assert any(x.startswith("instagram (default): Allow people to reuse") for x in labels)
    linkedin = articles.filter(has_text="content creation AI models")
    expect(linkedin.get_by_text("turned-off", exact=True)).to_be_visible()
    for i in range(articles.count()):
        image = articles.nth(i).locator("img")
        expect(image).to_have_count(1)
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")


def test_markdown_and_json_and_a_platform_filter(home: Path) -> None:
    text = optout("report", "linkedin", "--format", "md", "--replay-runs", home=home).out
    assert text.startswith("# optout: AI-training settings and their evidence")
    assert "## linkedin (default): Use my data for training content creation AI models" in text
    assert "instagram" not in text and "![" in text
    document = json.loads(optout("report", "--format", "json", "--replay-runs", home=home).out)
    assert document["chain_whole"] is True
    assert {s["platform"] for s in document["settings"]} == {"linkedin", "instagram"}


def test_an_altered_receipt_makes_the_report_say_so(home: Path) -> None:
    log = home / "receipts" / "receipts.jsonl"
    lines = log.read_text().splitlines()
    log.write_text("\n".join(lines[1:]) + "\n")  # one receipt removed
    result = optout("report", "--format", "md", "--replay-runs", home=home)
    assert result.code == 1
    assert "NOT whole" in result.out and "missing or was changed" in result.out
    assert "the chain of receipts is not whole" in result.err


def test_a_bad_format_is_one_line(tmp_path: Path) -> None:
    result = optout("report", "--format", "pdf", home=tmp_path / "home")
    assert result.code == 2 and "--format 'pdf' is not one of html, md, json." in result.err


def test_an_output_that_cant_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = optout("report", "--output", str(tmp_path), home=tmp_path / "home")
    assert result.code == 2, result.err
    assert result.err.strip().splitlines() == [
        f"optout: The report can't be written to {tmp_path}: Is a directory. Give --output a "
        "file in a folder you can write to."]


def test_the_html_page_escapes_what_came_from_pages(optout_home: Path) -> None:
    from optout.evidence.html_report import as_html
    from optout.evidence.receipts import GENESIS, Receipt

    label = 'Use <script>alert("x")</script> & "data"'
    receipt = Receipt(at="2026-12-01T00:00:00+00:00", command="run", source="live",
                      platform="example", account="default", setting="ai", label=label,
                      url="https://example.com/?a=1&b=<2>", before="on", state="turned-off",
                      action="turn-off", reason="<b>said</b>", flow_version=1,
                      flow_verified="2026-11-01", screenshot=None, screenshot_sha256=None,
                      previous=GENESIS)
    page = as_html([], [receipt])
    assert "<script>" not in page and "<b>said" not in page
    assert "Use &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;data&#34;" in page
    assert 'href="https://example.com/?a=1&amp;b=&lt;2&gt;"' in page
    assert "No picture was kept for this observation." in page
