"""What an import stores about the records it creates (the body a claim was made for, a
citation's attribution chain, what represents a claim, its search vector) is what the
rules give when worked out again from scratch: the bulk path sets them before its inserts
instead of saving each record."""

import datetime
import io

import pytest
from django.db import connection, transaction

from claims.models import Citation, Claim, Role, refresh_claims
from exchange.imports import PairImporter, read_rows
from tests.exchange.test_import import csv_bytes, row
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def stored() -> dict:
    claims = Claim.objects.order_by("pk").values_list(
        "pk", "representative_id", "passage_count", "made_for_id", "joint_names"
    )
    chains = Citation.objects.order_by("pk").values_list("pk", "attribution_chain")
    return {"claims": list(claims), "chains": list(chains)}


def test_an_import_stores_what_the_rules_give_for_what_it_creates(researcher):
    reuters = OutletFactory(name="Reuters")
    kontan = OutletFactory(name="Kontan")
    ministry = SpeakerFactory(name="Ministry of Foreign Affairs of China")
    lin = SpeakerFactory(name="Lin Jian", description="Spokesperson")
    Role.objects.create(speaker=lin, organisation=ministry, title="Spokesperson", speaks_for=True)
    us = SpeakerFactory(name="United States", description="Government of the United States")
    allegation = ClaimFactory(speaker=us, text="China supplies dual-use goods to Russia.")
    later = SourceFactory(
        outlet=kontan,
        title="Later report",
        published_at=datetime.datetime(2024, 10, 20, tzinfo=datetime.UTC),
    )
    CitationFactory(claim=allegation, source=later, quote="not in its text")
    earlier = SourceFactory(
        outlet=reuters,
        title="Earlier wire",
        url="https://example.com/wire",
        published_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC),
        body="Washington said China supplies dual-use goods, officials said.",
    )
    refresh_claims([allegation.pk])
    data = csv_bytes(
        [
            row(
                claim_source_url=earlier.url,
                claim_source_title="",
                claim_source_outlet="",
                claim_quote="China supplies dual-use goods",
                counter_speaker_name="Lin Jian",
                counter_speaker_description="Spokesperson",
                counter_source_outlet="Kontan",
                counter_attribution_chain="Kontan ← Reuters ← Foreign Ministry briefing",
                counter_date="2024-10-17",
            )
        ]
    )
    with transaction.atomic():
        PairImporter(apply=True, user=researcher).run_all(read_rows(io.BytesIO(data)))

    denial = Claim.objects.get(text="China provides no weapons to any party.")
    assert denial.made_for_id == ministry.pk
    assert denial.citations.get().attribution_chain == (
        "Kontan ← Reuters ← Foreign Ministry briefing"
    )
    allegation.refresh_from_db()
    new_citation = allegation.citations.get(source=earlier)
    assert new_citation.verification == Citation.Verification.VERIFIED
    assert allegation.representative_id == new_citation.pk
    assert allegation.passage_count == 2
    assert new_citation.attribution_chain == "Reuters"

    before = stored()
    refresh_claims(list(Claim.objects.values_list("pk", flat=True)))
    assert stored() == before
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Each new claim's words and its quotes' are found by search, as if saved.
            cursor.execute(
                "SELECT count(*) FROM claims_claim WHERE search_vector IS NULL OR search_vector"
                " IS DISTINCT FROM claims_claim_search_vector(id, text, translation, speaker_id)"
            )
            assert cursor.fetchone() == (0,)


def test_a_new_claim_cited_once_or_several_times_in_one_file_is_represented_as_the_rules_say(
    researcher,
):
    wire = SourceFactory(
        title="Wire",
        url="https://example.com/wire",
        published_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC),
        body="Officials said China supplies dual-use goods.",
    )
    paper = SourceFactory(
        title="Paper",
        url="https://example.com/paper",
        published_at=datetime.datetime(2024, 10, 9, tzinfo=datetime.UTC),
        body="China supplies dual-use goods, the paper wrote.",
    )
    cited = {"claim_source_title": "", "claim_source_outlet": ""}
    data = csv_bytes(
        [
            # The same new claim from the later source first, then from the earlier one.
            row(claim_source_url=paper.url, **cited, claim_quote="China supplies dual-use"),
            row(
                claim_source_url=wire.url,
                **cited,
                claim_quote="China supplies dual-use goods",
                counter_text="Not so.",
            ),
        ]
    )
    with transaction.atomic():
        PairImporter(apply=True, user=researcher).run_all(read_rows(io.BytesIO(data)))

    claim = Claim.objects.get(text="China supplies dual-use goods to Russia.")
    assert claim.passage_count == 2
    assert claim.representative_id == claim.citations.get(source=wire).pk
    once = Claim.objects.get(text="Not so.")
    assert (once.passage_count, once.representative_id) == (1, once.citations.get().pk)
    before = stored()
    refresh_claims(list(Claim.objects.values_list("pk", flat=True)))
    assert stored() == before
