"""Restoring a deleted claim or source that is back already is "already done", whether the
other restore came a minute ago or at the same moment (before, the same moment answered
500: IntegrityError on claims_claim_pkey)."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.urls import reverse

from claims.models import Claim
from sources.models import Source
from tests.concurrency import at_the_same_moment
from tests.factories import ClaimFactory, SourceFactory, UserFactory


def researcher(name: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=name, researcher=True))
    return client


def deleted_claim() -> tuple[int, str]:
    claim = ClaimFactory(text="Deleted by mistake.")
    pk = claim.pk
    claim.delete()
    deletion = Claim.history.get(id=pk, history_type="-")
    return pk, reverse("claims:deleted-claim-restore", args=[deletion.history_id])


@pytest.mark.django_db
def test_restoring_a_claim_that_is_back_already_says_so_and_shows_it():
    pk, url = deleted_claim()
    alice, bob = researcher("alice"), researcher("bob")
    assert alice.post(url).status_code == 302
    again = bob.post(url)
    assert again.status_code == 302
    assert again["Location"] == Claim.objects.get(pk=pk).get_absolute_url()
    assert [str(m) for m in get_messages(again.wsgi_request)] == [
        "This claim has already been restored."
    ]


@pytest.mark.django_db
def test_restoring_a_source_that_is_back_already_says_so():
    source = SourceFactory(title="Deleted source")
    pk = source.pk
    source.delete()
    deletion = Source.history.get(id=pk, history_type="-")
    url = reverse("claims:deleted-source-restore", args=[deletion.history_id])
    alice = researcher("alice")
    assert alice.post(url).status_code == 302
    again = alice.post(url, follow=True)
    assert "This source has already been restored." in again.content.decode()
    assert again.redirect_chain[-1][0] == Source.objects.get(pk=pk).get_absolute_url()


def test_ten_restores_of_one_claim_at_the_same_moment_restore_it_once(roles):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers in one process; the real race is PostgreSQL's")
    pk, url = deleted_claim()
    clients = [researcher(f"r{n}") for n in range(10)]
    statuses = at_the_same_moment(
        [lambda client=client: client.post(url).status_code for client in clients]
    )

    assert statuses == [302] * 10
    assert Claim.objects.filter(pk=pk).count() == 1
    assert Claim.history.filter(id=pk, history_type="+").count() == 2  # created, restored
