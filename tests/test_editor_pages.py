"""Every page of the sources/speakers/reader editor answers a plain request with a full page
and an htmx request with 200 — a fragment where the page has one for htmx to swap."""

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


@pytest.fixture
def records():
    source = SourceFactory(body="The minister said yes.")
    CitationFactory(source=source, quote="said yes")
    return {"source": source.pk, "speaker": SpeakerFactory().pk}


# (URL name, which record's pk it takes, whether htmx gets a fragment)
PAGES = [
    ("home", None, False),
    ("sources:source-list", None, True),
    ("sources:source-create", None, False),
    ("sources:source-detail", "source", True),
    ("sources:source-update", "source", False),
    ("sources:source-delete", "source", False),
    ("sources:source-autocomplete", None, True),
    ("claims:source-claim-create", "source", True),
    ("claims:speaker-list", None, True),
    ("claims:speaker-create", None, False),
    ("claims:speaker-detail", "speaker", False),
    ("claims:speaker-update", "speaker", False),
    ("claims:speaker-delete", "speaker", False),
    ("claims:speaker-autocomplete", None, True),
]


@pytest.mark.parametrize("name, record, fragment", PAGES)
def test_a_page_is_whole_without_htmx_and_a_fragment_with_it_where_it_has_one(
    researcher_client, records, name, record, fragment
):
    url = reverse(name, args=[records[record]] if record else [])
    plain = researcher_client.get(url)
    htmx = researcher_client.get(url, headers=HX)
    assert plain.status_code == htmx.status_code == 200
    whole = name.endswith("autocomplete")  # option lists are fragments either way
    assert ("<html" in plain.content.decode()) is not whole
    assert ("<html" in htmx.content.decode()) is not fragment
