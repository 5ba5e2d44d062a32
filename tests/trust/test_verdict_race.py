"""The verdict form carries its version like every edit form: of two researchers saving a
verdict they loaded alike, one wins and the other gets the 409 with both versions; ten first
verdicts at the same moment give one verdict and nine conflicts, never a 500.

Before, the second save silently replaced the first, and simultaneous first verdicts
answered 500 (claims_assessment_claim_id_key).
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from claims.models import Assessment
from tests.concurrency import at_the_same_moment
from tests.factories import ClaimFactory, UserFactory


def researcher(name: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=name, researcher=True))
    return client


def loaded_version(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="version" value="(\d*)"|name="version"()', html).group(1) or ""


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "in place (htmx)"])
def test_of_two_verdicts_from_one_version_one_wins_and_the_other_sees_both(htmx):
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    alice, bob = researcher("alice"), researcher("bob")
    first = alice.post(url, {"rating": "mixed", "explanation": "At first, mixed."})
    assert first.status_code == 302
    headers = {"HX-Request": "true"} if htmx else {}
    alice_version, bob_version = loaded_version(alice, url), loaded_version(bob, url)
    assert alice_version == bob_version == "1"

    won = alice.post(
        url,
        {"rating": "false", "explanation": "Alice: false.", "version": alice_version},
        headers=headers,
    )
    lost = bob.post(
        url,
        {"rating": "accurate", "explanation": "Bob: accurate.", "version": bob_version},
        headers=headers,
    )

    assert won.status_code == (200 if htmx else 302)
    assert lost.status_code == 409
    html = lost.content.decode()
    assert "alice" in html and "Alice: false." in html and "Bob: accurate." in html
    assert re.search(r'name="version" value="2"', html)  # saving again is deliberate
    stored = Assessment.objects.get(claim=claim)
    assert (stored.rating, stored.explanation, stored.version) == ("false", "Alice: false.", 2)
    assert stored.history.count() == 2


@pytest.mark.django_db
def test_a_first_verdict_given_while_another_was_being_written_is_a_conflict():
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    alice, bob = researcher("alice"), researcher("bob")
    assert loaded_version(alice, url) == loaded_version(bob, url) == ""
    assert alice.post(url, {"rating": "false", "explanation": "Alice's."}).status_code == 302
    lost = bob.post(url, {"rating": "accurate", "explanation": "Bob's.", "version": ""})
    assert lost.status_code == 409
    assert "Alice&#x27;s." in lost.content.decode()
    assert Assessment.objects.get(claim=claim).explanation == "Alice's."


def test_ten_first_verdicts_at_the_same_moment_give_one_verdict_and_nine_conflicts(roles):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers in one process; the real race is PostgreSQL's")
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    clients = [researcher(f"r{n}") for n in range(10)]

    def give(number: int, client: Client):
        data = {"rating": "false", "explanation": f"Verdict {number}.", "version": ""}
        return client.post(url, data).status_code

    statuses = at_the_same_moment([lambda pair=pair: give(*pair) for pair in enumerate(clients)])

    assert sorted(statuses) == [302] + [409] * 9, statuses
    assert Assessment.objects.filter(claim=claim).count() == 1
    assert Assessment.history.filter(claim_id=claim.pk).count() == 1
