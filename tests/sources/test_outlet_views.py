"""Outlets created and edited in the app (issue 14, item 8), with the same version check
as every edit form, and for Researchers only."""

import pytest
from django.urls import reverse

from sources.models import Outlet
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db


def test_the_outlets_list_shows_each_with_its_homepage(reader_client):
    OutletFactory(name="Kontan", homepage="https://www.kontan.co.id/", country="ID")

    response = reader_client.get(reverse("sources:outlet-list"))

    assert response.status_code == 200
    assert "Kontan" in response.text
    assert 'href="https://www.kontan.co.id/" rel="noopener noreferrer"' in response.text
    assert "Add outlet" not in response.text  # a Reader reads


def test_a_researcher_adds_an_outlet_and_a_fetched_page_is_matched_to_it(researcher_client):
    response = researcher_client.post(
        reverse("sources:outlet-create"),
        {
            "name": "Reuters",
            "kind": "wire_agency",
            "homepage": "https://www.reuters.com/",
            "country": "GB",
        },
    )

    assert response.status_code == 302
    reuters = Outlet.objects.get(name="Reuters")
    assert (reuters.kind, reuters.country) == ("wire_agency", "GB")
    assert reuters.history.count() == 1
    assert Outlet.objects.for_site("https://reuters.com/world/asia/x") == reuters


def test_an_outlet_of_a_name_taken_is_refused(researcher_client):
    OutletFactory(name="Kontan")

    response = researcher_client.post(
        reverse("sources:outlet-create"), {"name": "kontan", "kind": "newspaper"}
    )

    assert response.status_code == 200
    assert "already exists" in response.text
    assert Outlet.objects.count() == 1


def test_an_outlet_is_edited_with_its_version_checked(researcher_client):
    outlet = OutletFactory(name="Kontan")
    url = reverse("sources:outlet-update", args=[outlet.pk])
    data = {
        "name": "Kontan.co.id",
        "kind": "newspaper",
        "homepage": "https://www.kontan.co.id/",
        "version": outlet.version,
    }

    assert researcher_client.post(url, data).status_code == 302
    stale = researcher_client.post(url, {**data, "name": "Harian Kontan"})

    outlet.refresh_from_db()
    assert outlet.name == "Kontan.co.id"
    assert stale.status_code == 409
    assert "Someone else changed this" in stale.text


def test_a_reader_cannot_add_or_edit_outlets(reader_client):
    outlet = OutletFactory(name="Kontan")

    assert (
        reader_client.post(
            reverse("sources:outlet-create"), {"name": "X", "kind": "other"}
        ).status_code
        == 403
    )
    assert reader_client.get(reverse("sources:outlet-update", args=[outlet.pk])).status_code == 403
    assert Outlet.objects.count() == 1
