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


def test_from_the_queue_to_the_feed_with_a_mention_between_two_people(
    researcher_page, page_errors, live_server, browser
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
    expect(page.locator(f"#queue-claim-{claim.pk}")).to_contain_text("assigned to you")
    expect(page.locator(f"#queue-claim-{claim.pk}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#workflow")).to_contain_text("Assigned to rita")
    page.locator("#comments").get_by_label("Comment").fill("@edna can you review the wording?")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator("#comments")).to_contain_text("@edna can you review the wording?")
    page.get_by_role("button", name="Start checking").click()
    expect(page.locator("#workflow h2")).to_contain_text("In progress")
    page.get_by_role("button", name="Send to review").click()
    expect(page.locator("#workflow h2")).to_contain_text("In review")

    # Edna, signed in elsewhere, sees she was named, checks and publishes.
    other = browser.new_context(viewport={"width": 1440, "height": 900})
    edna = other.new_page()
    sign_in(edna, live_server, "edna")
    expect(edna.get_by_role("link", name="Notifications")).to_contain_text("1")
    edna.get_by_role("link", name="Notifications").click()
    edna.get_by_role("link", name=claim.text[:40], exact=False).click()
    edna.get_by_role("button", name="Mark as checked").click()
    expect(edna.locator("#workflow h2")).to_contain_text("Checked")
    edna.get_by_label("Publishing organisation").fill("Cek Fakta")
    edna.get_by_label("Its web address").fill("https://cekfakta.example.id/")
    edna.get_by_role("button", name="Publish").click()
    expect(edna.locator("#workflow h2")).to_contain_text("Published")

    feed = json.loads(edna.goto(f"{live_server.url}/claimreview.jsonld").body())
    assert [node["claimReviewed"] for node in feed["@graph"]] == [claim.text]
    assert feed["@graph"][0]["author"]["name"] == "Cek Fakta"
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
