"""A researcher adds a source from its web address (a real page on a local server), checks
the preview beside the original, saves it, selects a sentence and cites it: the citation
names the snapshot it was anchored in."""

import pytest
from playwright.sync_api import expect

from claims.models import Citation
from sources.models import Source
from tests.browser.conftest import screenshot
from tests.browser.test_sources import open_claim_form_from_selection
from tests.factories import SpeakerFactory
from tests.sources.news_pages import BY_KEY
from tests.webserver import Page

pytestmark = pytest.mark.browser


def test_a_source_added_from_a_url_is_cited_in_its_snapshot(
    researcher_page, page_errors, live_server, web
):
    page = researcher_page
    article = BY_KEY["kontan"]
    web.pages["/news/rusia-china"] = Page(article.content(), article.content_type())
    belousov = SpeakerFactory(name="Andrei Belousov")

    page.goto(f"{live_server.url}/sources/new/")
    page.get_by_role("link", name="From a URL").click()
    page.get_by_label("Web address").fill(web.url("/news/rusia-china"))
    page.get_by_role("button", name="Fetch").click()

    # the preview: what was read, every field editable, beside the original as text
    expect(page.get_by_role("heading", name="The original")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(article.title)
    expect(page.get_by_label("…or a new outlet")).to_have_value("Kontan")
    expect(page.get_by_label("Language")).to_have_value("id")
    expect(page.get_by_label("Published")).to_have_value("2024-10-16")
    expect(page.get_by_label("Time of day (optional)")).to_have_value("14:45")
    expect(page.get_by_label("Body")).to_have_value("\n\n".join(article.paragraphs))
    expect(page.locator(".original-text")).to_contain_text('<nav class="main-nav">')
    screenshot(page, "source-preview")
    page.get_by_label("Title").fill("Rusia dan China bersatu")
    page.get_by_role("button", name="Save source").click()

    expect(page.get_by_role("heading", name="Rusia dan China bersatu")).to_be_visible()
    source = Source.objects.get()
    snapshot = source.snapshot
    expect(page.locator(f"#snapshot-{snapshot.pk}")).to_contain_text(snapshot.sha256[:12])

    sentence = article.paragraphs[0]
    open_claim_form_from_selection(page, sentence)
    speaker = page.get_by_role("combobox", name="Speaker")
    speaker.fill("Belousov")
    page.get_by_role("option", name="Andrei Belousov").first.click()
    page.get_by_role("button", name="Save claim").click()

    expect(page.locator("#claim-panel")).to_contain_text(f"anchored in snapshot {snapshot.pk}")
    citation = Citation.objects.get()
    assert (citation.claim.speaker, citation.snapshot) == (belousov, snapshot)
    assert citation.verification == Citation.Verification.VERIFIED
    page.goto(f"{live_server.url}{citation.claim.get_absolute_url()}")
    expect(page.locator(f"#citation-{citation.pk} .snapshot-link")).to_have_text(
        f"Snapshot {snapshot.pk}"
    )
    assert page_errors == []
