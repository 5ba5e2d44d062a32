"""A pair edited in place: its kind, note and direction, version-checked, in history."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import ClaimRelation
from tests.factories import ClaimRelationFactory, UserFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


@pytest.fixture
def rita():
    client = Client()
    client.force_login(UserFactory(username="rita", researcher=True))
    return client


def edit(client, relation, version=None, **fields):
    data = {"kind": relation.kind, "note": relation.note, "version": version or relation.version}
    url = reverse("claims:relation-update", args=[relation.pk]) + f"?from={relation.claim_id}"
    return client.post(url, {**data, **fields}, headers=HX)


def test_a_pairs_kind_note_and_direction_are_changed_from_the_claim_page(rita):
    relation = ClaimRelationFactory(kind=ClaimRelation.Kind.DISPUTES)
    answered, answering = relation.claim, relation.counter
    page = rita.get(answered.get_absolute_url()).content.decode()
    assert reverse("claims:relation-update", args=[relation.pk]) in page

    answer = edit(rita, relation, kind="denies", note="The ministry denies it outright.")
    assert answer.status_code == 200 and 'id="relations"' in answer.content.decode()
    relation.refresh_from_db()
    assert (relation.kind, relation.note) == ("denies", "The ministry denies it outright.")

    edit(rita, relation, swap="on")
    relation.refresh_from_db()
    assert (relation.claim, relation.counter) == (answering, answered)
    assert relation.history.count() == 3
    assert relation.history.first().history_user.username == "rita"


def test_an_edit_over_a_newer_one_is_refused_and_a_reader_cannot_edit(rita, client):
    relation = ClaimRelationFactory(note="theirs")
    loaded = relation.version
    relation.note = "newer"
    relation.save()
    assert edit(rita, relation, version=loaded, note="mine").status_code == 409
    relation.refresh_from_db()
    assert relation.note == "newer"

    client.force_login(UserFactory(reader=True))
    assert edit(client, relation, note="reader's").status_code == 403
