"""Issue 17's acceptance in Chromium: a researcher accepting the assistant's suggestions in
a second article sees that one of them is a claim already recorded from the first, opens
that claim, and adds the new passage to it instead of recording it twice."""

import pytest
from playwright.sync_api import expect

from claims.demo import load_demo
from claims.models import Claim
from sources.models import Outlet, Source

pytestmark = pytest.mark.browser

# A later report of the same denial, in the seed's language (made up for the test).
ARTICLE = (
    "Beijing kembali menolak tuduhan Washington.\n\n"
    "China mengatakan bahwa pihaknya tidak menyediakan persenjataan kepada pihak mana pun, "
    "dan bahwa perdagangan normal dengan Rusia tidak boleh diganggu.\n\n"
    "Pertemuan berikutnya dijadwalkan bulan depan."
)


def test_the_warning_leads_to_the_recorded_claim_and_the_passage_is_added_to_it(
    researcher_page, page_errors, live_server
):
    load_demo()
    recorded = Claim.objects.get(text__startswith="China mengatakan bahwa pihaknya")
    source = Source.objects.create(
        title="China kembali menolak",
        outlet=Outlet.objects.get(name="Kontan"),
        language="id",
        body=ARTICLE,
    )
    page = researcher_page
    page.goto(f"{live_server.url}/sources/{source.pk}/suggestions/")
    card = page.locator(".suggestion", has=page.locator("q", has_text="tidak menyediakan"))
    warning = card.locator(".duplicate-warning")
    expect(warning).to_contain_text(f"This looks like #{recorded.pk} by China (government)")

    # Open the recorded claim to check it is the same statement, then come back.
    warning.get_by_role("link", name=f"#{recorded.pk}").click()
    page.wait_for_url(f"**/claims/{recorded.pk}/")
    expect(page.locator("main")).to_contain_text("China mengatakan bahwa pihaknya")
    page.go_back()
    page.wait_for_url(f"**/sources/{source.pk}/suggestions/")

    card.get_by_role("button", name=f"Add this passage to #{recorded.pk} instead").click()
    expect(card).to_contain_text("Cited: claim by China", timeout=20_000)
    assert Claim.objects.filter(text__startswith="China mengatakan bahwa pihaknya").count() == 1
    sources = set(recorded.citations.values_list("source__title", flat=True))
    assert "China kembali menolak" in sources and len(sources) == 2
    assert page_errors == []
