"""Admin changelists of the big tables: indexed search, no full count, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def test_the_claims_changelist_searches_without_accents(staff_client):
    wanted = ClaimFactory(text="Le café de l’Élysée est fermé.")
    ClaimFactory(text="Nothing to see.")

    response = staff_client.get(reverse("admin:claims_claim_changelist"), {"q": "elysee"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]


def test_the_relations_changelist_finds_pairs_by_either_claim(staff_client):
    by_claim = ClaimRelationFactory(claim__text="Allegation about microelectronics.")
    by_counter = ClaimRelationFactory(counter__text="Denial about microelectronics.")
    ClaimRelationFactory()

    response = staff_client.get(
        reverse("admin:claims_claimrelation_changelist"), {"q": "microelectronics"}
    )

    assert set(response.context["cl"].result_list) == {by_claim, by_counter}


def test_the_citations_changelist_finds_a_citation_by_its_quote(staff_client):
    wanted = CitationFactory(claim__text="A statement.", quote="barang penggunaan ganda")
    CitationFactory(claim__text="Another one.")

    response = staff_client.get(reverse("admin:claims_citation_changelist"), {"q": "ganda"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_the_speaker_autocomplete_of_the_claim_form_finds_an_alias(staff_client):
    wanted = SpeakerFactory(name="Andrei Belousov", aliases="Menhan Rusia")
    SpeakerFactory(name="Zhang Youxia")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "menhan",
            "app_label": "claims",
            "model_name": "claim",
            "field_name": "speaker",
        },
    )

    assert [result["id"] for result in response.json()["results"]] == [str(wanted.pk)]


def test_the_sources_changelist_counts_each_sources_citations(staff_client):
    cited = SourceFactory(title="Cited twice")
    CitationFactory.create_batch(2, source=cited)
    SourceFactory(title="Never cited")

    response = staff_client.get(reverse("admin:sources_source_changelist"))

    totals = {source.title: source.citation_total for source in response.context["cl"].result_list}
    assert totals == {"Cited twice": 2, "Never cited": 0}


@pytest.mark.parametrize(
    ("url_name", "factory"),
    [
        ("admin:claims_claimrelation_changelist", ClaimRelationFactory),
        ("admin:claims_claim_changelist", ClaimFactory),
        ("admin:claims_citation_changelist", CitationFactory),
    ],
)
def test_big_changelists_make_as_many_queries_for_200_rows_as_for_10(
    staff_client, url_name, factory
):
    factory.create_batch(10)
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(reverse(url_name)).status_code == 200
    factory.create_batch(190)
    with CaptureQueriesContext(connection) as many:
        assert staff_client.get(reverse(url_name)).status_code == 200

    assert len(many) == len(few)


def test_claims_list_their_languages_in_order():
    for language in ["zh", "id", "en", "id", "ru"]:
        ClaimFactory(language=language)

    assert Claim.objects.languages() == ["en", "id", "ru", "zh"]


def test_the_claims_changelist_filters_by_a_language_it_offers(staff_client):
    russian = ClaimFactory(language="ru")
    ClaimFactory(language="en")

    response = staff_client.get(reverse("admin:claims_claim_changelist"), {"language": "ru"})

    assert list(response.context["cl"].result_list) == [russian]
    assert b"?language=en" in response.content
