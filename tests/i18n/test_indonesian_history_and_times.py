"""A record's history and the times on a page, as an Indonesian reads them: the fields by
their Indonesian names, and 21.45 rather than 21:45."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

INDONESIAN = {"accept-language": "id"}


def test_the_history_names_the_changed_fields_in_indonesian(researcher_client):
    claim = ClaimFactory(text="Kedua pihak sepakat.", notes="")
    claim.notes = "Diperiksa ulang."
    claim.translation = "Both sides agreed."
    claim.save()
    url = reverse("claims:claim-history", args=[claim.pk])

    page = researcher_client.get(url, headers=INDONESIAN).content.decode()
    assert '<th scope="row">Catatan</th>' in page
    assert '<th scope="row">Terjemahan</th>' in page
    assert "dari klaim" in page
    assert '<th scope="row">Notes</th>' not in page

    english = researcher_client.get(url).content.decode()
    assert '<th scope="row">Notes</th>' in english
    assert '<th scope="row">Translation</th>' in english


def test_a_time_is_written_with_a_point_on_an_indonesian_page(researcher_client):
    source = SourceFactory(
        title="Rusia dan China bersatu",
        published_at=datetime.datetime(2024, 10, 16, 14, 45, tzinfo=datetime.UTC),
    )
    page = researcher_client.get(source.get_absolute_url(), headers=INDONESIAN).content.decode()
    assert "16 Okt 2024, 14.45" in page
    assert "14:45" not in _shown(page)
    english = researcher_client.get(source.get_absolute_url()).content.decode()
    assert "16 Oct 2024, 14:45" in english


def test_a_history_time_is_written_with_points_on_an_indonesian_page(researcher_client):
    claim = ClaimFactory(text="Kedua pihak sepakat.")
    page = researcher_client.get(
        reverse("claims:claim-history", args=[claim.pk]), headers=INDONESIAN
    ).content.decode()
    moment = claim.history.first().history_date
    assert f"{moment:%H}.{moment:%M}.{moment:%S}</time>" in page


def _shown(page: str) -> str:
    """The page without its machine-readable `datetime` attributes."""
    return re.sub(r'datetime="[^"]*"', "", page)
