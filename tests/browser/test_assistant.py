"""The quote assistant in Chromium: the seed article pasted as a new source becomes the
claims of DESIGN.md's table, one key press per suggestion."""

import pytest
from playwright.sync_api import expect

from claims.demo import ARTICLE_FILE, load_demo
from claims.models import Citation, ClaimRelation
from sources.models import Outlet, Source
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

DESIGN_SPEAKERS = sorted(
    ["Andrei Belousov"] * 4
    + [
        "Ministry of National Defense of China",
        "Russia",
        "United States",
        "China",
        "Chinese military",
    ]
)


def test_accepting_every_suggestion_by_keyboard_rebuilds_the_seed(
    researcher_page, page_errors, live_server
):
    load_demo()  # the speakers a researcher would already have
    page = researcher_page
    page.goto(f"{live_server.url}/sources/new/")
    page.get_by_label("Title").fill("Kontan, pasted again")
    page.get_by_label("Outlet", exact=True).select_option(label="Kontan")
    page.get_by_label("Language").fill("id")
    page.get_by_label("Body").fill(ARTICLE_FILE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Add source").click()
    page.get_by_role("link", name="Suggest claims").click()
    source = Source.objects.get(title="Kontan, pasted again")
    page.wait_for_url(f"**/sources/{source.pk}/suggestions/")
    heading = page.locator("#suggestions-heading")
    assert heading.inner_text() == "9 open suggestions"
    screenshot(page, "assistant-suggestions-1440")

    page.locator(".suggestion").first.focus()
    for remaining in range(8, -1, -1):
        # After each swap the next open suggestion takes the focus: "a" again accepts it.
        expect(page.locator(".suggestion:focus [data-action=accept]")).to_have_count(1)
        page.keyboard.press("a")
        expect(heading).to_have_text(
            f"{remaining} open suggestion{'' if remaining == 1 else 's'}", timeout=20_000
        )

    citations = Citation.objects.filter(source=source).select_related("claim__speaker")
    assert sorted(c.claim.speaker.name for c in citations) == DESIGN_SPEAKERS
    us = citations.get(claim__speaker__name="United States").claim
    china = citations.get(claim__speaker__name="China").claim
    assert ClaimRelation.objects.get(claim=us, counter=china).kind == ClaimRelation.Kind.DENIES
    assert all(c.is_verified for c in citations)
    expect(page.locator("mark.suggested-cited")).to_have_count(9)  # swapped in after the heading
    assert page_errors == []


def test_edit_and_dismiss_are_one_key_each(researcher_page, page_errors, live_server):
    load_demo()
    source = Source.objects.create(
        title="Short piece",
        outlet=Outlet.objects.get(name="Kontan"),
        language="en",
        body=(
            "Kessler said the tender was fair to every bidder in the port.\n\n"
            "Dunn said the contract had been rigged from the very start."
        ),
    )
    page = researcher_page
    page.goto(f"{live_server.url}/sources/{source.pk}/suggestions/")
    first = page.locator(".suggestion").first
    first.focus()
    page.keyboard.press("d")
    expect(page.locator("#suggestions-heading")).to_have_text("1 open suggestion")
    item = page.locator(".suggestion").first
    # The page puts focus on the next open suggestion once htmx has settled; a key pressed
    # before that would have its field's focus taken back.
    expect(item).to_be_focused()
    page.keyboard.press("e")
    speaker = item.get_by_label("Speaker")
    expect(item.get_by_label("Claim")).to_be_focused()
    speaker.fill("Marek Dunn")
    item.get_by_role("button", name="Accept as edited").click()
    expect(page.locator("#suggestions-heading")).to_have_text("0 open suggestions")
    citation = Citation.objects.get(source=source)
    assert citation.claim.speaker.name == "Marek Dunn"
    page.reload()
    assert page.locator(".suggestion").count() == 1  # the dismissed one stays gone
    assert page_errors == []
