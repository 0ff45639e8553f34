"""Evidence receipts: written for every observation and change, chained, pictures masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from optout.engine import registry
from optout.evidence import receipts
from optout.results import PlatformResult
from optout.testing.browser import SharedBrowser
from optout.testing.contract import fixtures_root, run_variant
from optout.web.replay import Replay


def linkedin_run(shared: SharedBrowser, runs: int = 1) -> None:
    flow = registry.load("linkedin")
    replay = Replay.open(fixtures_root() / "linkedin" / "on")
    for _ in range(runs):
        run_variant(shared, flow, replay, apply=True, evidence=True)


def test_a_change_keeps_before_after_time_page_version_and_a_picture(
        shared_browser: SharedBrowser, optout_home: Path) -> None:
    linkedin_run(shared_browser)
    flow = registry.load("linkedin")
    [receipt] = [r for r in receipts.load() if r.setting == flow.settings[0].id]
    assert (receipt.before, receipt.state, receipt.action) == ("on", "turned-off", "turn-off")
    assert receipt.url == flow.settings[0].url and receipt.source == "replay"
    assert (receipt.flow_version, receipt.flow_verified) == (
        flow.version, flow.verified.isoformat())
    picture = receipts.folder() / str(receipt.screenshot)
    assert picture.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert oct(picture.stat().st_mode & 0o777) == "0o600"
    assert receipts.verify() == []


def test_the_chain_shows_a_removed_or_altered_receipt(
        shared_browser: SharedBrowser, optout_home: Path) -> None:
    linkedin_run(shared_browser, runs=2)
    lines = receipts.log_path().read_text().splitlines()
    assert len(lines) >= 2 and receipts.verify() == []
    altered = json.loads(lines[0]) | {"state": "off"}
    receipts.log_path().write_text("\n".join([json.dumps(altered), *lines[1:]]) + "\n")
    assert any("contents were changed" in p for p in receipts.verify())
    receipts.log_path().write_text("\n".join(lines[1:]) + "\n")
    assert any("the receipt before it is missing" in p for p in receipts.verify())


def test_a_changed_picture_is_detected(shared_browser: SharedBrowser, optout_home: Path) -> None:
    linkedin_run(shared_browser)
    receipt = receipts.load()[0]
    (receipts.folder() / str(receipt.screenshot)).write_bytes(b"\x89PNG not the same")
    assert any("screenshot was changed" in p for p in receipts.verify())


def test_emails_fields_photos_and_names_are_masked_in_the_picture(
        shared_browser: SharedBrowser) -> None:
    """Two pages that differ only in personal details give the very same picture."""
    setting = registry.load("linkedin").settings[0]

    def page_for(email: str, name: str) -> str:
        first = name.split()[0]
        return (f"<main><h1>Data for Generative AI Improvement</h1><p>Signed in as {email}</p>"
                f"<p>Hello {first}, these are your settings.</p>"
                f"<input type=text value='{name}' aria-label=Name>"
                f"<img alt=photo width=40 height=40 src='data:image/svg+xml,<svg "
                f"xmlns=\"http://www.w3.org/2000/svg\"><text y=\"20\">{name}</text></svg>'>"
                "<label><input type=checkbox role=switch checked> Use my data for training "
                "content creation AI models</label></main>")

    async def shoot(html: str, personal: list[str]) -> bytes | None:
        from optout.evidence.pictures import picture

        context = await shared_browser.browser.new_context()
        page = await context.new_page()
        await page.set_content(html)
        shot = await picture(page, setting, personal)
        await context.close()
        return shot

    first = shared_browser.run(shoot(page_for("anna@example.com", "Anna Lind"),
                                     ["anna.lind@example.com"]))
    second = shared_browser.run(shoot(page_for("bert@example.com", "Bert Holm"),
                                      ["bert.holm@example.com"]))
    assert first is not None and first == second
    # Without the account's names, a greeting by name shows (and differs).
    assert shared_browser.run(shoot(page_for("anna@example.com", "Anna Lind"), [])) != first
    unmasked = shared_browser.run(shoot(page_for("anna@example.com", "Anna Lind").replace(
        "<label>", "<p>Turned on by default.</p><label>"), ["anna.lind@example.com"]))
    assert unmasked != first  # the picture does show what is not personal


def test_a_long_log_is_chained_from_its_last_receipt(
        shared_browser: SharedBrowser, optout_home: Path) -> None:
    """A year of daily checks later, a receipt still follows the last one in the log."""
    linkedin_run(shared_browser)
    lines = receipts.log_path().read_text().splitlines()
    last = json.loads(lines[-1])
    # Many receipts before the real ones, each longer than the first chunk read from the end.
    filler = [json.dumps(json.loads(lines[0]) | {"reason": "x" * 9000})] * 400
    receipts.log_path().write_text("\n".join([*filler, *lines]) + "\n")
    linkedin_run(shared_browser)
    appended = receipts.log_path().read_text().splitlines()[len(filler) + len(lines):]
    assert appended and json.loads(appended[0])["previous"] == last["hash"]


def test_a_damaged_last_receipt_stops_the_chain_with_one_line(
        shared_browser: SharedBrowser, optout_home: Path) -> None:
    linkedin_run(shared_browser)
    before = receipts.log_path().read_text() + '{"at": "2026-12-02T00:00:00+00:00", "cut'
    receipts.log_path().write_text(before)
    with pytest.raises(receipts.ReceiptsUnavailable, match=r"receipts log .* can't be read"):
        receipts.append(PlatformResult("linkedin", "LinkedIn", "default"),
                        registry.load("linkedin"), "check", "replay", "2026-12-02T00:00:01Z", {})
    assert receipts.log_path().read_text() == before  # left as it was
