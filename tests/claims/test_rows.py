"""The list rows read as plain values must say what the model-backed rows said."""

import datetime

import pytest
from django.template.defaultfilters import date as date_filter

from claims.rows import claim_rows, pair_rows
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_a_claims_first_citation_is_its_earliest_publication_and_undated_ones_come_last():
    claim = ClaimFactory()
    undated = SourceFactory(title="Undated")
    later = SourceFactory(title="Later", published_at=datetime.datetime(2024, 10, 20, tzinfo=UTC))
    earlier = SourceFactory(
        title="Earlier", published_at=datetime.datetime(2024, 10, 1, tzinfo=UTC)
    )
    # Entered in the opposite order of publication: entry order must not decide.
    for source in (undated, later, earlier):
        CitationFactory(claim=claim, source=source)
    only_undated = ClaimFactory()
    CitationFactory(claim=only_undated, source=SourceFactory(title="Also undated"))

    rows = claim_rows([claim.pk, only_undated.pk])

    assert [row["first_citation"]["source_title"] for row in rows] == ["Earlier", "Also undated"]
    assert rows[0]["first_citation"]["source_url"] == earlier.get_absolute_url()
    assert rows[0]["first_citation"]["outlet_name"] == earlier.outlet.name
    assert (
        rows[0]["first_citation"]["verification_label"]
        == claim.citations.get(source=earlier).get_verification_display()
    )
    assert claim.first_citation.source == earlier  # the model's own answer agrees


def test_claim_rows_keep_the_pages_order_and_say_what_the_model_says():
    uncited = ClaimFactory(stated_on=datetime.date(2024, 10, 3), translation="In English.")
    topic_b, topic_a = TopicFactory(name="B topic"), TopicFactory(name="A topic")
    uncited.topics.add(topic_b, topic_a)
    other = ClaimFactory()

    rows = claim_rows([other.pk, uncited.pk, 999_999])

    assert [row["pk"] for row in rows] == [other.pk, uncited.pk]
    row = rows[1]
    assert row["url"] == uncited.get_absolute_url()
    assert row["speaker_url"] == uncited.speaker.get_absolute_url()
    assert row["speaker_name"] == uncited.speaker.name
    assert row["kind_label"] == uncited.get_kind_display()
    assert row["stated_on"] == "2024-10-03"
    assert row["stated_on_text"] == date_filter(uncited.stated_on, "j M Y") == "3 Oct 2024"
    assert row["first_citation"] is None
    assert [(t["name"], t["url"]) for t in row["topics"]] == [
        ("A topic", topic_a.get_absolute_url()),
        ("B topic", topic_b.get_absolute_url()),
    ]
    assert rows[0]["stated_on"] == rows[0]["stated_on_text"] == ""


def test_pair_rows_carry_both_claims_in_the_pages_order():
    first = ClaimRelationFactory(kind="denies", note="Flatly.")
    second = ClaimRelationFactory(kind="supports")

    rows = pair_rows([second.pk, first.pk])

    assert [row["pk"] for row in rows] == [second.pk, first.pk]
    assert rows[1]["kind_label"] == first.get_kind_display()
    assert rows[1]["note"] == "Flatly."
    assert rows[1]["claim"]["pk"] == first.claim_id
    assert rows[1]["counter"]["pk"] == first.counter_id
