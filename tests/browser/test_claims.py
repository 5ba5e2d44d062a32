"""A researcher's day on the claim pages, in real Chromium against the live server."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import Citation, Claim, ClaimRelation
from tests.browser.conftest import screenshot
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.browser

ARTICLE = (
    "Jakarta. Menteri Pertahanan berkata: kami berdiri bersama. "
    "Pernyataan itu dikutip dari laporan Reuters."
)


def load_demo() -> None:
    call_command("loaddemo", stdout=io.StringIO())


def test_a_researcher_adds_a_second_citation_relayed_via_the_first(
    researcher_page, page_errors, live_server
):
    speaker = SpeakerFactory(name="Andrei Belousov", description="Minister of Defence of Russia")
    claim = ClaimFactory(speaker=speaker, text="Kami berdiri bersama.", language="id")
    CitationFactory(
        claim=claim,
        source=SourceFactory(title="Wire report", outlet=OutletFactory(name="Reuters")),
        quote="We stand together.",
    )
    SourceFactory(title="Kompak Kritik Amerika", outlet=OutletFactory(name="Kontan"), body=ARTICLE)
    page = researcher_page
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")

    page.get_by_role("link", name="Add citation").click()
    source = page.get_by_role("combobox", name="Source")
    # The form takes the focus once htmx has wired it; typing before that fetches nothing.
    expect(source).to_be_focused()
    source.press_sequentially("Kompak")
    page.get_by_role("option", name=re.compile("Kompak Kritik Amerika")).click()
    page.get_by_role("textbox", name="Quote:").fill("kami berdiri bersama")
    page.get_by_label("Relays (via)").select_option(label="Reuters: Wire report")
    page.get_by_role("button", name="Save citation").click()

    added = page.locator("#citations .citation").filter(has_text="kami berdiri bersama")
    expect(added.locator(".chain-link > a")).to_have_text(["Kontan", "Reuters", "Andrei Belousov"])
    expect(added.locator(".verification")).to_have_text("Verified")
    expect(page.get_by_role("status").filter(has_text="Citation added")).to_be_visible()
    citation = Citation.objects.get(source__title="Kompak Kritik Amerika")
    assert citation.via.source.outlet.name == "Reuters"
    assert page.url.endswith(claim.get_absolute_url())
    assert page_errors == []


def test_a_researcher_adds_a_counter_claim_that_denies_and_sees_the_pair(
    researcher_page, page_errors, live_server
):
    load_demo()
    allegation = Claim.objects.get(speaker__name="United States")
    ClaimRelation.objects.filter(claim=allegation).delete()
    page = researcher_page
    page.goto(f"{live_server.url}{allegation.get_absolute_url()}")

    page.get_by_role("link", name="Add counter-claim").click()
    picker = page.get_by_role("combobox", name="Find a claim")
    picker.press_sequentially("tidak menyediakan")
    # From the keyboard: down to the first suggestion, Enter to pick it.
    # Wait for the answer to the whole phrase: the claim, and the offer to write a new one.
    suggestions = page.locator("#pair-other-listbox [role=option]")
    expect(suggestions).to_have_count(2)
    expect(suggestions.first).to_contain_text("China")
    picker.press("ArrowDown")
    picker.press("Enter")
    expect(picker).to_have_value(re.compile("^China: China mengatakan"))
    page.get_by_label("Relation").select_option("denies")
    page.get_by_label("Note").fill("China answers the US allegation.")
    page.get_by_role("button", name="Save pair").click()

    denied_by = page.locator("#relations")
    expect(denied_by.get_by_role("heading", name="Denied by")).to_be_visible()
    expect(denied_by.locator(".related-claim")).to_contain_text("China answers the US allegation.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pairs").click()
    page.get_by_label("Relation").select_option("denies")
    expect(page).to_have_url(re.compile(r"/pairs/\?.*relation_kind=denies"))
    row = page.locator("#pair-results tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_contain_text("United States")
    expect(row.locator("td").nth(1)).to_contain_text("denies")
    expect(row.locator("td").nth(2)).to_contain_text("China")
    expect(row.locator("td").nth(2)).to_contain_text("Kontan")
    # The pushed address is a full page of its own.
    page.reload()
    expect(page.locator("#pair-results tbody tr")).to_have_count(1)
    assert page_errors == []


def test_a_researcher_writes_a_new_counter_claim_in_place(
    researcher_page, page_errors, live_server
):
    allegation = ClaimFactory(text="China supplies dual-use goods.")
    SpeakerFactory(name="China", description="Government")
    page = researcher_page
    page.goto(f"{live_server.url}{allegation.get_absolute_url()}")

    page.get_by_role("link", name="Add counter-claim").click()
    page.get_by_role("combobox", name="Find a claim").press_sequentially("No weapons to anyone")
    # Wait for the answer to the whole text, not one still on its way for its first letters.
    page.get_by_role("option", name="Write a new claim “No weapons to anyone”").click()
    expect(page.get_by_label("Text")).to_have_value("No weapons to anyone")
    speaker = page.get_by_role("combobox", name="Its speaker")
    expect(speaker).to_be_focused()
    # Focus fetched the first suggestions; typing once they are in starts no race.
    listbox = page.locator("#pair-new-speaker-listbox")
    expect(listbox.locator("[role=option]")).not_to_have_count(0)
    speaker.press_sequentially("Chin")
    listbox.get_by_role("option", name=re.compile("^China")).click()
    page.get_by_label("Language").fill("en")
    page.get_by_role("button", name="Save pair").click()

    expect(page.locator("#relations .related-claim")).to_contain_text("No weapons to anyone")
    relation = ClaimRelation.objects.get()
    assert (relation.claim, relation.counter.speaker.name) == (allegation, "China")
    assert relation.kind == "denies"
    assert page_errors == []


def test_a_researcher_edits_a_claim_in_place(researcher_page, page_errors, live_server):
    claim = ClaimFactory(text="First wording.", translation="")
    page = researcher_page
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")

    page.locator("#claim-field-text").get_by_role("link", name="Edit").click()
    text = page.locator("#claim-field-text textarea")
    expect(text).to_be_focused()
    text.fill("Second wording.")
    page.locator("#claim-field-text").get_by_role("button", name="Save").click()
    expect(page.locator("#claim-field-text blockquote")).to_have_text("Second wording.")

    # An invalid value comes back with its error; Cancel restores the field as shown.
    page.locator("#claim-field-language").get_by_role("link", name="Edit").click()
    page.locator("#claim-field-language input[name=language]").fill("not a language")
    page.locator("#claim-field-language").get_by_role("button", name="Save").click()
    expect(page.locator("#claim-field-language .errorlist")).to_be_visible()
    page.locator("#claim-field-language").get_by_role("link", name="Cancel").click()
    expect(page.locator("#claim-field-language code")).to_have_text("en")

    assert page.url.endswith(claim.get_absolute_url())
    claim.refresh_from_db()
    assert (claim.text, claim.language, claim.version) == ("Second wording.", "en", 2)
    assert page_errors == []


def test_a_stale_edit_shows_the_conflict_and_keeps_the_input(
    researcher_page, page_errors, live_server
):
    claim = ClaimFactory(text="First wording.")
    page = researcher_page
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.locator("#claim-field-text").get_by_role("link", name="Edit").click()
    expect(page.locator("#claim-field-text textarea")).to_be_visible()
    claim.text = "A colleague's wording."
    claim.save()

    page.locator("#claim-field-text textarea").fill("My wording.")
    page.locator("#claim-field-text").get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert").filter(has_text="Someone else changed this")).to_be_visible()
    expect(page.locator(".conflict-saved")).to_have_text("A colleague's wording.")
    expect(page.locator("#claim-field-text textarea")).to_have_value("My wording.")
    page.locator("#claim-field-text").get_by_role("button", name="Save").click()
    expect(page.locator("#claim-field-text blockquote")).to_have_text("My wording.")
    # The browser logs the 409 answer itself; nothing else went wrong.
    assert [error for error in page_errors if "409 (Conflict)" not in error] == []


def test_the_claims_list_searches_as_you_type_and_keeps_the_address(
    researcher_page, page_errors, live_server
):
    load_demo()
    page = researcher_page
    page.goto(f"{live_server.url}/claims/")
    expect(page.locator(".claim-row")).to_have_count(9)

    page.get_by_label("Search", exact=True).press_sequentially("Taiwan")
    expect(page.locator(".claim-row")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/claims/\?q=Taiwan"))
    speaker = page.get_by_role("combobox", name="Speaker")
    speaker.focus()
    listbox = page.locator("#filter-speaker-listbox")
    expect(listbox.locator("[role=option]")).not_to_have_count(0)
    speaker.press_sequentially("Russia")
    russia = listbox.locator('[role=option][data-label="Russia"]')
    expect(russia).to_be_visible()
    russia.click()
    expect(page.locator(".claim-row")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"speaker=\d+"))
    assert "speaker_search" not in page.url
    expect(page.get_by_role("link", name="Export CSV")).to_have_attribute(
        "href", re.compile(r"export\.csv\?q=Taiwan.*speaker=\d+")
    )
    page.go_back()
    expect(page.locator(".claim-row")).to_have_count(2)
    assert page_errors == []


def test_a_reader_who_tries_to_write_sees_the_403_page(reader_page, page_errors, live_server):
    claim = ClaimFactory()
    page = reader_page
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    expect(page.get_by_role("link", name="Add citation")).to_have_count(0)

    response = page.goto(f"{live_server.url}/claims/{claim.pk}/fields/text/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot do that")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("only Researchers can")
    # The browser logs the 403 answer itself; nothing else went wrong.
    assert [error for error in page_errors if "403 (Forbidden)" not in error] == []


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (375, 812)])
def test_screenshot_of_a_claim_page(researcher_page, page_errors, live_server, width, height):
    load_demo()
    claim = Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)
    page = researcher_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    # One passage of Kontan's, relayed through two hops (Reuters, the ministry's post).
    expect(page.locator("#citations .citation")).to_have_count(1)
    expect(page.locator("#citations .chain-link")).to_have_count(4)
    # Nothing wider than the screen: the page reads without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"claim-{width}")
    assert page_errors == []


def test_slash_goes_to_the_search_which_answers_as_one_types_grouped_by_kind(
    researcher_page, page_errors, live_server
):
    speaker = SpeakerFactory(name="Maria Zakharova")
    ClaimFactory(speaker=speaker, text="Zakharova said the sanctions would fail.")
    SourceFactory(title="Zakharova briefing", body="Text.")
    page = researcher_page
    page.goto(f"{live_server.url}/claims/")
    page.keyboard.press("/")
    search = page.locator("#site-search-q")
    expect(search).to_be_focused()
    search.press_sequentially("zakharova")
    results = page.locator("#site-search-results")
    expect(results.get_by_role("heading", name="Speakers")).to_be_visible()
    expect(results.get_by_role("link", name="Maria Zakharova")).to_be_visible()
    expect(results.get_by_role("link", name="Zakharova briefing")).to_be_visible()
    search.press("Escape")
    expect(results).to_be_empty()
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=zakharova"))
    expect(page.locator("#search-claims")).to_contain_text("sanctions would fail")
    # "?" lists the keys, from anywhere but a field; Escape closes the list.
    page.locator("h1").click()
    page.keyboard.press("?")
    shortcuts = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(shortcuts).to_be_visible()
    expect(shortcuts).to_contain_text("Search everything")
    page.keyboard.press("Escape")
    expect(shortcuts).to_be_hidden()
    assert page_errors == []
