"""Counting for big lists: exact for small tables and results, estimated past a threshold
(PostgreSQL), in a number of queries that does not grow with the rows."""

import pytest
from django.db import connection
from django.urls import reverse

from claims.models import Claim, ClaimRelation
from records import pagination
from records.pagination import LargeTablePaginator, estimated_count
from tests.factories import ClaimFactory, ClaimRelationFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def analyze(model) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {model._meta.db_table}")


@pytest.mark.parametrize("rows", [10, 200])
def test_a_small_table_is_counted_exactly_in_one_query(rows, django_assert_num_queries):
    ClaimFactory.create_batch(rows)
    paginator = LargeTablePaginator(Claim.objects.for_list(), 50)

    with django_assert_num_queries(1):
        assert paginator.count == rows
    assert paginator.count_is_estimate is False


@pytest.mark.parametrize("rows", [10, 200])
def test_a_small_result_is_counted_exactly_in_one_query(rows, django_assert_num_queries):
    ClaimFactory.create_batch(rows, text="Harga beras naik.")
    ClaimFactory.create_batch(3, text="Something else.")
    paginator = LargeTablePaginator(Claim.objects.search("beras"), 50)

    with django_assert_num_queries(1):
        assert paginator.count == rows
    assert paginator.count_is_estimate is False


@on_postgresql
def test_a_big_table_shows_postgresqls_estimate(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(pagination, "EXACT_UP_TO", 20)
    ClaimFactory.create_batch(30)
    analyze(Claim)
    paginator = LargeTablePaginator(Claim.objects.for_list(), 10)

    with django_assert_num_queries(1):
        assert paginator.count == 30  # ANALYZE of a small table counts every row
    assert paginator.count_is_estimate is True
    assert paginator.num_pages == 3


@on_postgresql
def test_a_big_result_shows_the_planners_estimate(monkeypatch):
    monkeypatch.setattr(pagination, "RESULT_EXACT_UP_TO", 5)
    ClaimFactory.create_batch(12, language="ru", text="Цены на рис растут.")
    ClaimFactory.create_batch(3, language="en")
    analyze(Claim)
    paginator = LargeTablePaginator(Claim.objects.filter(language="ru"), 5)

    assert paginator.count >= 6
    assert paginator.count_is_estimate is True


def test_sqlite_counts_a_big_result_exactly(monkeypatch):
    monkeypatch.setattr(pagination, "RESULT_EXACT_UP_TO", 5)
    ClaimFactory.create_batch(12, language="ru", text="Цены на рис растут.")
    paginator = LargeTablePaginator(Claim.objects.filter(language="ru"), 5)

    if connection.vendor == "postgresql":
        assert paginator.count >= 6  # not analysed: the planner guesses
    else:
        assert paginator.count == 12
        assert paginator.count_is_estimate is False


def test_estimated_count_counts_a_small_table_exactly():
    ClaimRelationFactory.create_batch(4)

    assert estimated_count(ClaimRelation.objects.all()) == 4


@on_postgresql
def test_the_list_page_says_about_when_the_count_is_estimated(monkeypatch, reader_client):
    monkeypatch.setattr(pagination, "EXACT_UP_TO", 20)
    ClaimFactory.create_batch(60)
    analyze(Claim)

    response = reader_client.get(reverse("claims:claim-list"))

    assert response.status_code == 200
    assert b"of about 2" in response.content


def test_the_list_page_gives_the_exact_number_of_pages_for_a_small_table(reader_client):
    ClaimFactory.create_batch(60)

    response = reader_client.get(reverse("claims:claim-list"))

    assert b"Page 1 of 2" in response.content


def test_a_deep_page_holds_the_same_rows_in_the_same_order(monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 20)
    ClaimFactory.create_batch(45)
    claims = Claim.objects.for_list()
    expected = list(claims.values_list("pk", flat=True)[20:30])

    page = LargeTablePaginator(claims, 10).page(3)

    assert [claim.pk for claim in page] == expected
    assert page.has_next() and page.has_previous()


def test_a_deep_last_page_keeps_its_orphans(monkeypatch):
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 10)
    ClaimFactory.create_batch(23)
    claims = Claim.objects.for_list()

    page = LargeTablePaginator(claims, 10, orphans=3).page(2)

    assert [claim.pk for claim in page] == list(claims.values_list("pk", flat=True)[10:23])
    assert not page.has_next()


@pytest.mark.parametrize("rows", [10, 200])
def test_a_deep_page_takes_the_same_queries_whatever_the_rows(
    rows, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 5)
    ClaimFactory.create_batch(rows)
    paginator = LargeTablePaginator(Claim.objects.for_list(), 5)
    paginator.count  # noqa: B018  (counted apart)

    # ids, rows (with their stored representative citations), and the topics
    with django_assert_num_queries(3):
        list(paginator.page(2))


def test_a_deep_page_of_ids_alone_is_one_query(monkeypatch, django_assert_num_queries):
    # The claims and pairs lists paginate ids and read their rows apart: a page of ids is
    # already the cheap walk a deferred join would add, so it is not made twice.
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 5)
    ClaimFactory.create_batch(12)
    ids = Claim.objects.values_list("pk", flat=True)
    paginator = LargeTablePaginator(ids, 5)
    paginator.count  # noqa: B018  (counted apart)

    with django_assert_num_queries(1):
        page = list(paginator.page(2))

    assert page == list(ids[5:10])
