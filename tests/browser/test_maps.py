"""The dispute map and the speaker timeline in Chromium, at 1440 px and at 375 px."""

import os
from pathlib import Path

import pytest
from django.utils import translation

from claims.demo import load_demo
from claims.models import Claim, Speaker
from sources.models import Source
from tests.browser.conftest import screenshot
from tests.factories import ClaimFactory, ClaimRelationFactory, SpeakerFactory

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
DOCS_IMAGE = DOCS / "dispute-map.png"


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


def test_the_dispute_map_in_indonesian_with_chinese_words(reader_page, page_errors, live_server):
    """The README's map: the US allegation (in Kontan's Indonesian), China's denial, and the
    Chinese foreign ministry's own words, on an Indonesian page."""
    load_demo()
    allegation = Claim.objects.get(speaker__name="United States")
    ministry = SpeakerFactory(
        name="Lin Jian", kind=Speaker.Kind.PERSON, description="Juru bicara Kemlu China"
    )
    words = ClaimFactory(
        speaker=ministry,
        language="zh",
        text="中方从未向冲突任何一方提供致命性武器，严格管控两用物项出口。中俄之间的正常贸易不应受到干扰和限制。",
    )
    ClaimRelationFactory(claim=allegation, counter=words, kind="denies")
    page = reader_page
    page.set_extra_http_headers({"Accept-Language": "id"})
    page.goto(f"{live_server.url}/claims/{allegation.pk}/map/")
    wide = page.locator(".dispute-map-wide svg")
    assert wide.is_visible()
    labels = [text.strip() for text in wide.locator("g > text").all_text_contents()]
    with translation.override("id"):
        assert translation.gettext("denies") in labels
    assert "denies" not in labels
    # Every line of the Chinese claim inside its box.
    for box in wide.locator("a").all():
        outline = box.locator("rect").first.bounding_box()
        for line in box.locator("text tspan").all():
            inner = line.bounding_box()
            assert outline["x"] <= inner["x"] and inner["x"] + inner["width"] <= (
                outline["x"] + outline["width"] + 0.5
            )
    if os.environ.get("CLAIMTRAIL_SCREENSHOTS"):
        wide.screenshot(path=DOCS / "dispute-map-id.png")
    assert page_errors == []
