import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Citation, Claim, ClaimRelation, Hop, Speaker
from sources.models import Outlet, Source
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def admin_delete(client, record) -> None:
    meta = record._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[record.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302, response.content[:2000]


def restore_claim(client, pk):
    deletion = Claim.history.get(id=pk, history_type="-")
    return client.post(reverse("claims:deleted-claim-restore", args=[deletion.history_id]))


@pytest.fixture
def article():
    source = SourceFactory(body="Beijing denies it. Washington says China helps Moscow.")
    return source


def test_a_deleted_claim_comes_back_with_its_citations_relations_and_topics(
    staff, researcher, article
):
    claim = ClaimFactory(text="China helps Moscow.")
    claim.topics.add(TopicFactory(name="Dual-use goods"))
    first = CitationFactory(claim=claim, source=article, quote="China helps Moscow")
    relay = CitationFactory(claim=claim, source=SourceFactory(), quote="x", via=first)
    denial = ClaimFactory(text="Beijing denies it.")
    relation = ClaimRelationFactory(claim=claim, counter=denial, kind="denies")
    pk = claim.pk

    admin_delete(signed_in(staff), claim)
    assert not Citation.objects.filter(pk__in=[first.pk, relay.pk]).exists()
    assert not ClaimRelation.objects.filter(pk=relation.pk).exists()

    client = signed_in(researcher)
    listing = client.get(reverse("claims:deleted-list"))
    assert b"China helps Moscow." in listing.content
    assert b"Deleted by staff" in listing.content

    response = restore_claim(client, pk)

    assert response.status_code == 302
    assert response["Location"] == reverse("claims:claim-detail", args=[pk])
    claim = Claim.objects.get(pk=pk)
    assert [t.name for t in claim.topics.all()] == ["Dual-use goods"]
    assert Citation.objects.get(pk=relay.pk).via_id == first.pk
    assert Citation.objects.get(pk=first.pk).verification == "verified"
    assert ClaimRelation.objects.get(pk=relation.pk).counter_id == denial.pk
    assert claim.history.first().history_user == researcher
    page = client.get(response["Location"])
    assert b"Restored the claim with 2 citations and 1 relation." in page.content
    assert b"China helps Moscow." not in client.get(reverse("claims:deleted-list")).content


def test_citations_deleted_on_their_own_stay_deleted(staff, researcher, article):
    claim = ClaimFactory(text="China helps Moscow.")
    removed_earlier = CitationFactory(claim=claim, source=article, quote="China helps Moscow")
    removed_earlier._history_user = researcher
    removed_earlier.delete()
    admin_delete(signed_in(staff), claim)

    restore_claim(signed_in(researcher), claim.pk)

    assert Claim.objects.filter(pk=claim.pk).exists()
    assert not Citation.objects.filter(pk=removed_earlier.pk).exists()


@pytest.mark.parametrize("order", ["allegation first", "denial first"])
def test_a_relation_between_two_deleted_claims_comes_back_whatever_the_order(
    staff, researcher, order
):
    allegation = ClaimFactory(text="The allegation.")
    denial = ClaimFactory(text="The denial.")
    relation = ClaimRelationFactory(claim=allegation, counter=denial)
    admin = signed_in(staff)
    admin_delete(admin, allegation)
    admin_delete(admin, denial)

    client = signed_in(researcher)
    first, second = (allegation, denial) if order == "allegation first" else (denial, allegation)
    restore_claim(client, first.pk)
    assert not ClaimRelation.objects.exists()
    restore_claim(client, second.pk)

    assert ClaimRelation.objects.get(pk=relation.pk).claim_id == allegation.pk


def test_a_claim_whose_speaker_is_gone_cannot_come_back_and_says_why(staff, researcher):
    claim = ClaimFactory(text="Orphaned.", speaker__name="Former minister")
    admin = signed_in(staff)
    admin_delete(admin, claim)
    admin_delete(admin, Speaker.objects.get(name="Former minister"))

    client = signed_in(researcher)
    response = restore_claim(client, claim.pk)

    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim.pk).exists()
    page = client.get(response["Location"])
    assert "Its speaker “Former minister” has been deleted too." in page.content.decode()


def test_a_deleted_source_comes_back_unless_its_outlet_is_gone(staff, researcher):
    kept = SourceFactory(title="Kontan article", outlet__name="Kontan")
    lost = SourceFactory(title="Reuters report", outlet__name="Reuters")
    admin = signed_in(staff)
    admin_delete(admin, kept)
    admin_delete(admin, lost)
    admin_delete(admin, Outlet.objects.get(name="Reuters"))

    client = signed_in(researcher)
    listing = client.get(reverse("claims:deleted-list"), {"kind": "sources"})
    assert b"Kontan article" in listing.content and b"Reuters report" in listing.content

    for source in (kept, lost):
        deletion = Source.history.get(id=source.pk, history_type="-")
        response = client.post(reverse("claims:deleted-source-restore", args=[deletion.history_id]))
    assert Source.objects.filter(pk=kept.pk).exists()
    assert not Source.objects.filter(pk=lost.pk).exists()
    assert (
        "Its outlet “Reuters” has been deleted too."
        in client.get(response["Location"]).content.decode()
    )


def test_a_reader_sees_deletions_but_cannot_restore(staff, reader):
    claim = ClaimFactory(text="Deleted claim.")
    admin_delete(signed_in(staff), claim)
    client = signed_in(reader)
    listing = client.get(reverse("claims:deleted-list"))
    assert b"Deleted claim." in listing.content
    assert b'<button type="submit">Restore</button>' not in listing.content
    assert client.get(reverse("claims:claim-history", args=[claim.pk])).status_code == 200
    assert restore_claim(client, claim.pk).status_code == 403
    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_the_deleted_list_pins_its_query_count(staff, reader, django_assert_num_queries):
    admin = signed_in(staff)
    for claim in ClaimFactory.create_batch(5):
        admin_delete(admin, claim)
    client = signed_in(reader)
    # session, user, count, the page (with who deleted), their speakers, perms ×2
    with django_assert_num_queries(7):
        assert client.get(reverse("claims:deleted-list")).status_code == 200


def test_a_deleted_claim_comes_back_with_its_hops_and_joint_speakers(staff, researcher, article):
    claim = ClaimFactory(text="China helps Moscow.")
    partner = SpeakerFactory(name="Partner government")
    claim.joint_speakers.add(partner)
    citation = CitationFactory(claim=claim, source=article, quote="China helps Moscow")
    citation.set_hops([Hop(name="Reuters"), Hop(name="the ministry's Telegram post")])
    pk = claim.pk

    admin_delete(signed_in(staff), claim)
    assert not Hop.objects.exists()

    assert restore_claim(signed_in(researcher), pk).status_code == 302
    claim = Claim.objects.get(pk=pk)
    assert list(claim.joint_speakers.all()) == [partner]
    restored = claim.citations.get()
    assert [hop.name for hop in restored.hops.all()] == ["Reuters", "the ministry's Telegram post"]
    assert restored.attribution_chain.endswith("← Reuters ← the ministry's Telegram post")


def test_a_restored_claim_and_its_citations_keep_when_they_were_first_recorded(
    staff, researcher, article
):
    claim = ClaimFactory(text="China helps Moscow.")
    citation = CitationFactory(claim=claim, source=article, quote="China helps Moscow")
    Claim.objects.filter(pk=claim.pk).update(created_at="2024-10-16T08:00:00Z")
    Citation.objects.filter(pk=citation.pk).update(created_at="2024-10-16T08:05:00Z")
    claim.refresh_from_db()
    citation.refresh_from_db()
    made = {Claim: claim.created_at, Citation: citation.created_at}
    claim.notes = "Saved once more, so that its last version carries the old date."
    claim.save()
    citation.locator = "para. 3"
    citation.save()
    admin_delete(signed_in(staff), claim)

    restore_claim(signed_in(researcher), claim.pk)
    assert Claim.objects.get(pk=claim.pk).created_at == made[Claim]
    assert Citation.objects.get(pk=citation.pk).created_at == made[Citation]
