"""The replay layout people use in bug reports: HOST/PATH.html, index.html, redirects, no escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from optout.errors import UsageError
from optout.web.replay import Replay


@pytest.fixture
def pages(tmp_path: Path) -> Replay:
    (tmp_path / "example.com" / "a" / "b").mkdir(parents=True)
    (tmp_path / "example.com" / "a" / "b.html").write_text("<p>b</p>")
    (tmp_path / "example.com" / "a" / "b" / "index.html").write_text("<p>b/</p>")
    (tmp_path / "example.com" / "index.html").write_text("<p>home</p>")
    (tmp_path / "example.com" / "old.redirect").write_text("https://example.com/a/b\n")
    (tmp_path / "secret.txt").write_text("outside the host folders")
    return Replay.open(tmp_path)


def test_page_for_url(pages: Replay) -> None:
    assert pages.file_for("https://example.com/a/b") == pages.root / "example.com/a/b.html"
    assert pages.file_for("https://example.com/a/b?x=1#top") == pages.root / "example.com/a/b.html"
    assert pages.file_for("https://example.com/a/b/") == pages.root / "example.com/a/b/index.html"
    assert pages.file_for("https://example.com/") == pages.root / "example.com/index.html"
    assert pages.file_for("https://example.com/old") == pages.root / "example.com/old.redirect"


@pytest.mark.parametrize("url", [
    "https://example.com/missing",
    "https://other.example/a/b",
    "https://example.com/../secret.txt",
    "https://example.com/%2e%2e/secret.txt",
    "https://example.com/a/%2e%2e/%2e%2e/secret.txt",
    "https://../secret.txt",
    "file:///etc/passwd",
    "data:text/html,hi",
])
def test_no_file_no_page(pages: Replay, url: str) -> None:
    assert pages.file_for(url) is None


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        Replay.open(tmp_path / "nope")


def test_toggle_memory_goes_right_after_head(pages: Replay) -> None:
    served = pages._page("https://example.com/a/b", "<html><head><title>t</title></head></html>")
    assert served.startswith("<html><head><script>")
    assert '"example.com/a/b"' in served


def test_pages_without_memory_are_served_untouched(pages: Replay) -> None:
    html = '<html><head><meta name="optout-replay" content="scripted no-memory"></head></html>'
    assert pages._page("https://example.com/a/b", html) == html


def test_scripted_pages_keep_the_replay_memory(pages: Replay) -> None:
    html = '<html><head><meta name="optout-replay" content="scripted"></head></html>'
    served = pages._page("https://example.com/a/b", html)
    assert "window.optoutReplay" in served and served != html
