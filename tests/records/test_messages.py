"""A message said by an htmx action comes with its answer, in the page it was done on,
and not later on an unrelated page."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    client = Client()
    client.force_login(UserFactory(researcher=True))
    return client


def test_an_htmx_answer_carries_its_message_out_of_band_and_no_later_page_repeats_it(client):
    claim = ClaimFactory()
    answer = client.post(
        reverse("claims:claim-move", args=[claim.pk]),
        {"to": "in_progress", "version": claim.version},
        HTTP_HX_REQUEST="true",
    )
    body = answer.content.decode()
    assert answer.status_code == 200
    assert (
        '<div id="messages" class="messages-region" aria-live="polite" hx-swap-oob="true">' in body
    )
    assert f"Claim #{claim.pk} is now “In progress”." in body
    later = client.get(reverse("claims:claim-list")).content.decode()
    assert "is now “In progress”" not in later


def test_a_plain_post_leaves_its_message_for_the_page_it_redirects_to(client):
    claim = ClaimFactory()
    answer = client.post(
        reverse("claims:claim-move", args=[claim.pk]),
        {"to": "in_progress", "version": claim.version},
    )
    assert answer.status_code == 302 and "hx-swap-oob" not in answer.content.decode()
    page = client.get(answer["Location"]).content.decode()
    assert f"Claim #{claim.pk} is now “In progress”." in page
    assert "hx-swap-oob" not in page


def test_an_htmx_answer_that_sends_the_browser_elsewhere_leaves_the_message_for_that_page(
    client,
):
    claim = ClaimFactory()
    answer = client.post(reverse("claims:claim-delete", args=[claim.pk]), HTTP_HX_REQUEST="true")
    assert answer.has_header("HX-Redirect")
    assert "hx-swap-oob" not in answer.content.decode()
    assert "Deleted the claim" in client.get(answer["HX-Redirect"]).content.decode()
