import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, ClaimRelationFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_home_shows_counts_latest_records_and_a_claim_search(reader_client):
    ClaimRelationFactory(claim__text="The allegation", counter__text="The denial")
    SourceFactory(title="Latest source")
    html = reader_client.get(reverse("home")).content.decode()
    assert "The allegation" in html and "Latest source" in html
    assert f'action="{reverse("claims:claim-list")}"' in html and 'name="q"' in html


def test_add_source_is_offered_to_researchers_not_readers(reader_client, researcher, client):
    add = reverse("sources:source-create")
    assert add not in reader_client.get(reverse("home")).content.decode()
    client.force_login(researcher)
    assert add in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("rows", [1, 15])
def test_home_costs_the_same_queries_whatever_the_number_of_records(
    reader_client, django_assert_num_queries, rows
):
    for _ in range(rows):
        ClaimRelationFactory(claim=ClaimFactory(), counter=ClaimFactory())
    # session, user, 4 counts, claims (+topics, citations), pairs (+2 citations),
    # sources, permissions (2)
    with django_assert_num_queries(15):
        reader_client.get(reverse("home"))
