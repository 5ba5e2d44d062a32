"""Topics made, renamed and deleted in the app, a deletion optionally moving the claims to
another topic first; every change in history."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, Topic
from tests.factories import ClaimFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita():
    client = Client()
    client.force_login(UserFactory(username="rita", researcher=True))
    return client


def test_a_topic_is_made_and_renamed_and_keeps_its_address(rita):
    made = rita.post(reverse("claims:topic-create"), {"name": "Taiwan", "description": ""})
    topic = Topic.objects.get(name="Taiwan")
    assert made["Location"] == topic.get_absolute_url()
    again = rita.post(reverse("claims:topic-create"), {"name": "taiwan", "description": ""})
    assert "A topic with this name already exists." in again.content.decode()

    url = reverse("claims:topic-update", args=[topic.slug])
    rita.post(url, {"name": "Taiwan Strait", "description": "Crossings.", "version": 1})
    topic.refresh_from_db()
    assert (topic.name, topic.slug) == ("Taiwan Strait", "taiwan")
    assert topic.history.first().history_user.username == "rita"
    stale = rita.post(url, {"name": "Taiwan again", "description": "", "version": 1})
    assert stale.status_code == 409
    topic.refresh_from_db()
    assert topic.name == "Taiwan Strait"
    assert "Taiwan Strait" in rita.get(reverse("claims:topic-list")).content.decode()


def test_deleting_a_topic_can_move_its_claims_to_another_and_each_claims_history_says_so(rita):
    old, kept = TopicFactory(name="Ukraine war"), TopicFactory(name="War in Ukraine")
    claims = [ClaimFactory(), ClaimFactory()]
    for claim in claims:
        claim.topics.add(old)
    page = rita.get(reverse("claims:topic-delete", args=[old.slug])).content.decode()
    assert "2 claims have this topic" in page

    answer = rita.post(reverse("claims:topic-delete", args=[old.slug]), {"move_to": kept.pk})

    assert answer["Location"] == kept.get_absolute_url()
    assert not Topic.objects.filter(pk=old.pk).exists()
    assert Topic.history.filter(id=old.pk, history_type="-").exists()
    for claim in claims:
        assert list(claim.topics.all()) == [kept]
        had = [set(row.topics.values_list("topic_id", flat=True)) for row in claim.history.all()]
        assert {old.pk} in had  # what the claim had before is in its history


def test_deleting_a_topic_without_moving_leaves_the_claims_without_it(rita):
    topic = TopicFactory(name="Passing")
    claim = ClaimFactory()
    claim.topics.add(topic)
    rita.post(reverse("claims:topic-delete", args=[topic.slug]), {"move_to": ""})
    assert Claim.objects.get(pk=claim.pk).topics.count() == 0


def test_a_reader_reads_topics_but_cannot_change_them(client):
    client.force_login(UserFactory(reader=True))
    topic = TopicFactory(name="Sanctions")
    listing = client.get(reverse("claims:topic-list")).content.decode()
    assert "Sanctions" in listing and reverse("claims:topic-create") not in listing
    assert client.post(reverse("claims:topic-create"), {"name": "X"}).status_code == 403
    assert client.post(reverse("claims:topic-delete", args=[topic.slug])).status_code == 403
