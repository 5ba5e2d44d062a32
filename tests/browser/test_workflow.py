"""Issue 16's loop in Chromium, two people at once: a researcher takes a claim from the
queue (by keyboard), asks an editor in a comment, sends it to review; the editor, in a browser of their
own, sees the notification, checks and publishes it; the public feed then carries it."""

import json

import pytest
from playwright.sync_api import expect

from claims.models import Assessment, Claim
from tests.browser.conftest import sign_in
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.browser


# In English and in Indonesian: each person's browser asks for the language, and the test
# reads every word it looks for from the catalogue (`said`).
@pytest.mark.parametrize("language", ["en", "id"])
def test_from_the_queue_to_the_feed_with_a_mention_between_two_people(
    researcher_page, page_errors, live_server, browser, language, said
):
    claim = ClaimFactory(text="China says it does not provide weapons to any party.")
    Assessment.objects.create(
        claim=claim,
        rating="accurate",
        explanation="Its foreign ministry said so.",
        assessed_by=UserFactory(username="verdict-giver"),
    )
    UserFactory(username="edna", editor=True)
    page = researcher_page

    # Rita takes the claim from the queue of unassigned work, by keyboard: j to it, t to
    # take it, Enter to open it.
    page.goto(f"{live_server.url}/queue/?queue=unassigned")
    page.keyboard.press("j")
    row = page.locator(f"#queue-claim-{claim.pk}")
    expect(row).to_be_focused()
    page.keyboard.press("t")
    expect(page.locator(f"#queue-claim-{claim.pk}")).to_contain_text(said("assigned to you"))
    expect(page.locator(f"#queue-claim-{claim.pk}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#workflow")).to_contain_text(f"{said('Assigned to')} rita")
    comments = page.locator("#comments")
    comments.get_by_label(said("Comment")).fill("@edna can you review the wording?")
    page.get_by_role("button", name=said("Add comment")).click()
    expect(page.locator("#comments")).to_contain_text("@edna can you review the wording?")
    page.get_by_role("button", name=said("Start checking")).click()
    expect(page.locator("#workflow h2")).to_contain_text(said("In progress"))
    page.get_by_role("button", name=said("Send to review")).click()
    expect(page.locator("#workflow h2")).to_contain_text(said("In review"))

    # Edna, signed in elsewhere, sees she was named, checks and publishes.
    other = browser.new_context(
        viewport={"width": 1440, "height": 900}, extra_http_headers={"Accept-Language": language}
    )
    edna = other.new_page()
    sign_in(edna, live_server, "edna", said)
    notifications = edna.get_by_role("link", name=said("Notifications"))
    expect(notifications).to_contain_text("1")
    notifications.click()
    edna.get_by_role("link", name=claim.text[:40], exact=False).click()
    edna.get_by_role("button", name=said("Mark as checked")).click()
    expect(edna.locator("#workflow h2")).to_contain_text(said("Checked"))
    edna.get_by_label(said("Publishing organisation")).fill("Cek Fakta")
    edna.get_by_label(said("Its web address")).fill("https://cekfakta.example.id/")
    edna.get_by_role("button", name=said("Publish")).click()
    expect(edna.locator("#workflow h2")).to_contain_text(said("Published"))

    feed = json.loads(edna.goto(f"{live_server.url}/claimreview.jsonld").body())
    assert [node["claimReviewed"] for node in feed["@graph"]] == [claim.text]
    assert feed["@graph"][0]["author"]["name"] == "Cek Fakta"
    # The verdict's name is the reader's language (the ClaimReview's human text is ours).
    assert feed["@graph"][0]["reviewRating"]["alternateName"] == said("Accurate")
    assert Claim.objects.get(pk=claim.pk).status == "published"
    other.close()
    assert page_errors == []


def test_the_queue_is_worked_by_keyboard_and_typing_in_its_filter_stays_typing(
    researcher_page, page_errors, live_server
):
    first, second = ClaimFactory(text="First in line."), ClaimFactory(text="Second in line.")
    page = researcher_page
    page.goto(f"{live_server.url}/queue/?queue=unassigned")
    expect(page.get_by_text("Keys:")).to_be_visible()
    page.keyboard.press("j")
    expect(page.locator(f"#queue-claim-{first.pk}")).to_be_focused()
    page.keyboard.press("j")
    expect(page.locator(f"#queue-claim-{second.pk}")).to_be_focused()
    page.keyboard.press("k")
    expect(page.locator(f"#queue-claim-{first.pk}")).to_be_focused()
    page.keyboard.press("3")
    expect(page).to_have_url(f"{live_server.url}/queue/?queue=review")
    page.keyboard.press("2")
    expect(page).to_have_url(f"{live_server.url}/queue/?queue=unassigned")
    search = page.locator("#filter-q")
    search.press_sequentially("jt3")
    expect(search).to_have_value("jt3")
    expect(page.locator("[data-queue-tab][aria-current=page]")).to_have_text("Unassigned")
    assert page_errors == []
