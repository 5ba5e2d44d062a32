import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError, RestrictedError

from claims.models import Citation, ClaimRelation
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def test_database_refuses_a_claim_related_to_itself():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimRelation.objects.create(claim=claim, counter=claim, kind="denies")


def test_validation_explains_a_claim_related_to_itself():
    claim = ClaimFactory()
    with pytest.raises(ValidationError, match="cannot answer itself"):
        ClaimRelation(claim=claim, counter=claim, kind="denies").full_clean()


def test_database_refuses_the_same_pair_in_the_other_direction():
    relation = ClaimRelationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimRelation.objects.create(
            claim=relation.counter, counter=relation.claim, kind="supports"
        )


def test_validation_explains_a_pair_that_is_already_related():
    relation = ClaimRelationFactory()
    reversed_pair = ClaimRelation(claim=relation.counter, counter=relation.claim, kind="disputes")
    with pytest.raises(ValidationError, match="already related"):
        reversed_pair.full_clean()


def test_database_refuses_the_same_passage_cited_twice_for_a_claim():
    # Several passages of one source may carry a claim; the same passage only once.
    citation = CitationFactory(source=SourceFactory(body="Uno. Dos. Tres."), quote="Dos.")
    other = Citation.objects.create(claim=citation.claim, source=citation.source, quote="Uno.")
    assert (citation.anchor_start, other.anchor_start) == (5, 0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.filter(pk=other.pk).update(anchor_start=5, anchor_end=9)


def test_a_citation_cannot_relay_a_citation_of_another_claim():
    other = CitationFactory()
    citation = CitationFactory.build(claim=ClaimFactory(), source=SourceFactory(), via=other)
    with pytest.raises(ValidationError, match="same claim"):
        citation.full_clean()
    with pytest.raises(ValidationError, match="same claim"):
        citation.save()


def test_a_citation_cannot_relay_itself_in_a_loop():
    first = CitationFactory()
    second = CitationFactory(claim=first.claim, via=first)
    first.via = second
    with pytest.raises(ValidationError, match="loop"):
        first.full_clean()
    with pytest.raises(ValidationError, match="loop"):
        first.save()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_relays_across_claims_and_loops_even_in_bulk_updates():
    first = CitationFactory()
    second = CitationFactory(claim=first.claim, via=first)
    stranger = CitationFactory()
    with pytest.raises(IntegrityError, match="loop"), transaction.atomic():
        Citation.objects.filter(pk=first.pk).update(via=second)
    with pytest.raises(IntegrityError, match="same_claim"), transaction.atomic():
        Citation.objects.filter(pk=stranger.pk).update(via=first)


def test_deleting_a_speaker_with_claims_is_refused():
    claim = ClaimFactory()
    with pytest.raises(ProtectedError):
        claim.speaker.delete()


def test_deleting_a_cited_source_or_an_outlet_with_sources_is_refused():
    citation = CitationFactory()
    with pytest.raises(ProtectedError):
        citation.source.delete()
    with pytest.raises(ProtectedError):
        citation.source.outlet.delete()


def test_a_relayed_citation_cannot_be_deleted_but_its_whole_claim_can():
    first = CitationFactory()
    CitationFactory(claim=first.claim, via=first)
    with pytest.raises(RestrictedError):
        first.delete()
    first.claim.delete()
    assert not Citation.objects.exists()


def test_unused_speaker_outlet_and_source_can_be_deleted():
    SpeakerFactory().delete()
    SourceFactory(outlet=OutletFactory()).delete()


@pytest.mark.parametrize("tag", ["", "english", "e", "en_GB!", "zh-", "123"])
def test_language_must_be_a_bcp47_tag(tag):
    claim = ClaimFactory.build(speaker=SpeakerFactory(), language=tag)
    with pytest.raises(ValidationError) as refused:
        claim.full_clean()
    assert "language" in refused.value.message_dict


@pytest.mark.parametrize(
    ("typed", "stored"), [("ID", "id"), ("zh-hant-tw", "zh-Hant-TW"), ("EN-gb", "en-GB")]
)
def test_language_tags_are_stored_in_canonical_case(typed, stored):
    claim = ClaimFactory.build(speaker=SpeakerFactory(), language=typed)
    claim.full_clean()
    assert claim.language == stored


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://x.org/a"])
def test_source_urls_must_be_web_addresses(url):
    source = SourceFactory.build(outlet=OutletFactory(), url=url)
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert "url" in refused.value.message_dict


def test_two_sources_cannot_share_a_url():
    SourceFactory(url="https://example.org/a")
    duplicate = SourceFactory.build(outlet=OutletFactory(), url="https://example.org/a")
    with pytest.raises(ValidationError, match="already exists"):
        duplicate.full_clean()


def test_every_record_has_a_readable_name_and_an_address():
    relation = ClaimRelationFactory()
    citation = CitationFactory(claim=relation.claim)
    for record in [
        relation,
        citation,
        citation.source,
        citation.source.outlet,
        relation.claim,
        relation.claim.speaker,
    ]:
        assert str(record)
        assert record.get_absolute_url().startswith("/")
