"""`optout dev record`: a flow's pages saved as scrubbed fixtures that replay like any other."""

from __future__ import annotations

from pathlib import Path

from cli_support import optout, variant


def test_recorded_pages_are_scrubbed_and_replay(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "recorded"
    result = optout("dev", "record", "x", "--replay", variant("on", "x"), "--output", str(out),
                    home=home)
    assert result.code == 0, result.err
    page = out / "x.com" / "settings" / "grok_settings.html"
    snapshot = out / "x.com" / "settings" / "grok_settings.grok-training.aria.txt"
    assert f"wrote {page}" in result.err and f"wrote {snapshot}" in result.err
    assert "<script" not in page.read_text().lower()
    assert "checkbox" in snapshot.read_text()
    # What was recorded replays: the flow reads the same setting from it.
    again = optout("run", "x", "--replay", str(out), "--dry-run", home=home)
    assert again.code == 4 and "would be turned off" in again.out


def test_recording_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "recorded"
    out.mkdir()
    result = optout("dev", "record", "x", "--replay", variant("on", "x"), "--output", str(out),
                    home=tmp_path / "home")
    assert result.code == 2 and "already exists; nothing was overwritten" in result.err


def test_dev_is_hidden_from_the_main_help(tmp_path: Path) -> None:
    assert " dev " not in optout("--help", home=tmp_path / "home").out


def test_each_blog_of_a_list_is_recorded_and_replays(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "recorded"
    result = optout("dev", "record", "tumblr", "--replay", variant("mixed", "tumblr"),
                    "--output", str(out), home=home)
    assert result.code == 0, result.err
    settings = out / "www.tumblr.com" / "settings"
    for page in ("account.html", "blog/example-blog.html", "blog/second-blog.html"):
        assert f"wrote {settings / page}" in result.err
    snapshot = settings / "blog" / "second-blog.third-party-sharing--second-blog.aria.txt"
    assert 'switch "Prevent third-party sharing for second-blog"' in snapshot.read_text()
    assert "Names kept as found (rename any that are personal): example-blog, second-blog." \
        in result.err
    # The recording replays to the same reading as the pages it was made from.
    made_from = optout("run", "tumblr", "--replay", variant("mixed", "tumblr"), "--dry-run",
                       home=home)
    again = optout("run", "tumblr", "--replay", str(out), "--dry-run", home=home)
    assert again.code == made_from.code and again.out == made_from.out
    assert "example-blog" in again.out and "second-blog" in again.out


def test_an_output_folder_that_cant_be_made_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = optout("dev", "record", "x", "--replay", variant("on", "x"),
                    "--output", str(blocked / "recorded"), home=tmp_path / "home")
    assert result.code == 2, result.err
    assert result.err.strip().splitlines() == [
        f"optout: {blocked / 'recorded'} can't be made: Not a directory. Give --output a folder "
        "you can write to."]
