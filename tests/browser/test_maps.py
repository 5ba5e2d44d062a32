"""The dispute map and the speaker timeline in Chromium, at 1440 px and at 375 px."""

import os
from pathlib import Path

import pytest

from claims.demo import load_demo
from claims.models import Speaker
from sources.models import Source
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

DOCS_IMAGE = Path(__file__).resolve().parent.parent.parent / "docs/dispute-map.png"


def test_the_seed_dispute_map_is_readable_at_both_widths(reader_page, page_errors, live_server):
    load_demo()
    kontan = Source.objects.get(outlet__name="Kontan")
    page = reader_page
    page.goto(f"{live_server.url}/sources/{kontan.pk}/map/")
    wide = page.locator(".dispute-map-wide svg")
    assert wide.is_visible() and not page.locator(".dispute-map-narrow svg").is_visible()
    assert wide.locator("a").count() == 9
    labels = [text.strip() for text in wide.locator("g > text").all_text_contents()]
    assert "denies" in labels and "supports" in labels
    assert page.get_by_role("listitem").filter(has_text="China denies United States").count() == 1
    screenshot(page, "dispute-map-1440")
    if os.environ.get("CLAIMTRAIL_SCREENSHOTS"):
        DOCS_IMAGE.parent.mkdir(exist_ok=True)
        wide.screenshot(path=DOCS_IMAGE)

    page.set_viewport_size({"width": 375, "height": 800})
    narrow = page.locator(".dispute-map-narrow svg")
    assert narrow.is_visible() and not wide.is_visible()
    box = narrow.bounding_box()
    assert box["width"] <= 375
    # Text stays legible without zooming: a claim's first line at least 10 px tall.
    assert narrow.locator("a text tspan").first.bounding_box()["height"] >= 10
    screenshot(page, "dispute-map-375")

    narrow.locator("a").first.click()
    page.wait_for_url("**/claims/*/")
    assert page_errors == []


def test_the_speaker_timeline_at_both_widths(reader_page, page_errors, live_server):
    load_demo()
    us = Speaker.objects.get(name="United States")
    page = reader_page
    page.goto(f"{live_server.url}/speakers/{us.pk}/timeline/")
    entry = page.locator(".claim-timeline-countered")
    assert entry.count() == 1 and "denies by China" in entry.inner_text()
    screenshot(page, "speaker-claim-timeline-1440")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "speaker-claim-timeline-375")
    assert page_errors == []
