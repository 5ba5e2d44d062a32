"""Who may open and change what on the claim, citation and pair pages."""

import pytest
from django.urls import reverse

from records.roles import READ_ONLY_MESSAGE
from tests.factories import CitationFactory, ClaimRelationFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def records(db):
    relation = ClaimRelationFactory()
    citation = CitationFactory(claim=relation.claim)
    relation.claim.topics.create(name="Taiwan")
    return {"claim": relation.claim, "citation": citation, "relation": relation}


READS = [
    ("claims:claim-list", None),
    ("claims:claim-detail", "claim"),
    ("claims:pair-list", None),
    ("claims:claim-search", None),
    ("sources:source-autocomplete", None),
]

WRITES = [
    ("claims:claim-field-update", "claim", ["text"]),
    ("claims:claim-delete", "claim", []),
    ("claims:citation-create", "claim", []),
    ("claims:citation-delete", "citation", []),
    ("claims:relation-create", "claim", []),
    ("claims:relation-delete", "relation", []),
]


def url_of(name: str, record_key: str | None, records: dict, extra: list | None = None) -> str:
    args = [records[record_key].pk, *(extra or [])] if record_key else []
    return reverse(name, args=args)


@pytest.mark.parametrize(("name", "record"), READS)
def test_reads_ask_an_anonymous_visitor_to_sign_in_and_are_open_to_readers(
    client, reader, records, name, record
):
    url = url_of(name, record, records)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    client.force_login(reader)
    assert client.get(url).status_code == 200
    assert client.get(url, headers=HTMX).status_code == 200


def test_the_topic_page_is_open_to_readers(client, reader, records):
    url = records["claim"].topics.get().get_absolute_url()
    assert client.get(url).status_code == 302
    client.force_login(reader)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("name", "record", "extra"), WRITES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_writes_ask_an_anonymous_visitor_to_sign_in(client, records, name, record, extra, method):
    response = getattr(client, method)(url_of(name, record, records, extra))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "record", "extra"), WRITES)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_a_reader_who_tries_to_write_gets_a_403_that_says_why(
    reader_client, records, name, record, extra, method, headers
):
    response = getattr(reader_client, method)(url_of(name, record, records, extra), headers=headers)
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE.encode() in response.content.replace(b"&#x27;", b"'")
    assert (b"<html" in response.content) == (not headers)


@pytest.mark.parametrize(("name", "record", "extra"), WRITES)
def test_a_researcher_may_open_every_write(researcher_client, records, name, record, extra):
    assert researcher_client.get(url_of(name, record, records, extra)).status_code == 200


def test_a_reader_changes_nothing_by_posting(reader_client, records):
    claim = records["claim"]
    reader_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "text"]),
        {"text": "Changed.", "version": 1},
    )
    reader_client.post(reverse("claims:claim-delete", args=[claim.pk]))
    claim.refresh_from_db()
    assert claim.text != "Changed."
    assert claim.version == 1


# Without JavaScript the pickers send only the words typed in them.


def test_without_javascript_a_typed_speaker_name_that_names_one_speaker_is_taken(
    researcher_client,
):
    from tests.factories import ClaimFactory, SpeakerFactory

    claim = ClaimFactory()
    belousov = SpeakerFactory(name="Andrei Belousov", aliases="Menhan Rusia")
    SpeakerFactory(name="Andrei Other")
    url = reverse("claims:claim-field-update", args=[claim.pk, "speaker"])

    ambiguous = researcher_client.post(url, {"speaker_search": "Andrei", "version": 1})
    assert ambiguous.status_code == 200
    assert b"Choose a speaker." in ambiguous.content

    response = researcher_client.post(url, {"speaker_search": "Menhan Rusia", "version": 1})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.speaker == belousov


def test_without_javascript_a_typed_source_title_and_speaker_filter_are_taken(
    researcher_client,
):
    from tests.factories import ClaimFactory, SourceFactory

    claim = ClaimFactory(speaker__name="Zhang Youxia")
    ClaimFactory(speaker__name="Someone Else")
    source = SourceFactory(title="Kompak Kritik Amerika")
    response = researcher_client.post(
        reverse("claims:citation-create", args=[claim.pk]),
        {"source_search": "Kompak Kritik", "quote": "Words."},
    )
    assert response.status_code == 302
    assert claim.citations.get().source == source

    listed = researcher_client.get(reverse("claims:claim-list"), {"speaker_search": "Zhang"})
    assert [each["pk"] for each in listed.context["page"]] == [claim.pk]
