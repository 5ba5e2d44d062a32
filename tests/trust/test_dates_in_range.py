"""Dates are kept between the years 1000 and 9999, counted in UTC, wherever they come in.

A date-time with an offset can name a moment outside what Python and psycopg can read
back (0001-01-01T00:00+14:00 is in the year 0 in UTC): stored, it answered 500 on every
page that showed it. Forms, admin and the import refuse it with a plain message, and the
database refuses it too.
"""

import datetime
import io

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from claims.models import Assessment, Claim, ClaimRelation
from exchange.imports import PairImporter, read_rows
from records.dates import repair_stored
from sources.models import Source
from tests.exchange.test_import import csv_bytes, row
from tests.factories import ClaimFactory, ClaimRelationFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

REFUSED = "between the years 1000 and 9999"

# Each just outside the range once counted in UTC, and its neighbour just inside.
OUTSIDE = [
    "0001-01-01T00:00+14:00",  # the year 0 in UTC: what broke every page
    "9999-12-31T23:59-14:00",  # the year 10000 in UTC
    "1000-01-01T13:59+14:00",  # 0999-12-31T23:59Z
    "9999-12-31T10:00-14:00",  # 10000-01-01T00:00Z
    "0999-12-31T23:59",
]
INSIDE = [
    "1000-01-01T14:00+14:00",  # 1000-01-01T00:00Z
    "9999-12-31T09:59-14:00",  # 9999-12-31T23:59Z
    "1000-01-01T00:00",
    "9999-12-31T23:59",
]


def source_data(published_at: str, outlet) -> dict:
    return {
        "title": "Dated at the edge",
        "outlet": outlet.pk,
        "kind": "article",
        "published_at": published_at,
        "language": "en",
        "body": "",
    }


@pytest.mark.parametrize("published_at", OUTSIDE)
def test_a_source_dated_outside_the_range_is_refused_and_every_page_still_answers(
    researcher_client, published_at
):
    response = researcher_client.post(
        reverse("sources:source-create"), source_data(published_at, OutletFactory())
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Source.objects.filter(title="Dated at the edge").exists()
    for page in ("/", reverse("sources:source-list")):
        assert researcher_client.get(page).status_code == 200


@pytest.mark.parametrize("published_at", INSIDE)
def test_a_source_dated_at_the_edge_of_the_range_is_kept_and_shown(researcher_client, published_at):
    response = researcher_client.post(
        reverse("sources:source-create"), source_data(published_at, OutletFactory())
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = Source.objects.get(title="Dated at the edge")
    assert datetime.datetime(1000, 1, 1, tzinfo=datetime.UTC) <= source.published_at
    for page in ("/", reverse("sources:source-list"), source.get_absolute_url()):
        assert researcher_client.get(page).status_code == 200
    edit = researcher_client.get(reverse("sources:source-update", args=[source.pk]))
    # Four-digit years, so that the browser's date input shows the date it holds.
    day, time = source.published_at.strftime("%Y-%m-%d"), source.published_at.strftime("%H:%M")
    assert f'name="published_at_0" value="{day}"' in edit.content.decode()
    assert f'name="published_at_1" value="{time}"' in edit.content.decode()


def test_a_claim_stated_before_the_year_1000_is_refused(researcher_client):
    claim = ClaimFactory(text="Dated claim.")
    url = reverse("claims:claim-field-update", args=[claim.pk, "stated_on"])
    response = researcher_client.post(url, {"stated_on": "0999-12-31", "version": claim.version})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    claim.refresh_from_db()
    assert claim.stated_on is None


def test_admin_refuses_a_date_outside_the_range(staff_client):
    source = SourceFactory(title="Admin dated")
    url = reverse("admin:sources_source_change", args=[source.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "outlet": source.outlet_id,
            "published_at_0": "0999-12-31",
            "published_at_1": "23:00:00",
            "version": source.version,
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    source.refresh_from_db()
    assert source.published_at is None


def preview(data: bytes) -> dict[int, list[str]]:
    importer = PairImporter(apply=False)
    return {result.number: result.problems for result in importer.run(read_rows(io.BytesIO(data)))}


@pytest.mark.parametrize(
    "cells",
    [
        {"created_at": "0001-01-01T00:00:00+14:00"},
        {"updated_at": "9999-12-31T23:59:00-14:00"},
        {"claim_source_published_at": "1000-01-01T13:59:00+14:00"},
        {"counter_source_published_at": "0999-12-31"},
        {"claim_date": "0999-12-31"},
    ],
    ids=["created", "updated", "published", "published date", "stated"],
)
def test_the_import_rejects_the_row_of_a_date_outside_the_range(cells):
    problems = preview(csv_bytes([row(**cells)]))
    assert len(problems[2]) == 1
    assert REFUSED in problems[2][0]


def test_the_import_keeps_dates_at_the_edges_in_utc(researcher):
    data = csv_bytes(
        [row(created_at="1000-01-01T14:00:00+14:00", claim_source_published_at="9999-12-31")]
    )
    with transaction.atomic():
        PairImporter(apply=True, user=researcher).run_all(read_rows(io.BytesIO(data)))
    relation = ClaimRelation.objects.get()
    assert relation.created_at == datetime.datetime(1000, 1, 1, tzinfo=datetime.UTC)
    assert Source.objects.get(url="https://example.com/us").published_at.year == 9999


@pytest.mark.parametrize(
    "model, field, value",
    [
        (Source, "published_at", datetime.datetime(999, 12, 31, 23, tzinfo=datetime.UTC)),
        (Source, "retrieved_at", datetime.datetime(999, 12, 31, 23, tzinfo=datetime.UTC)),
        (Claim, "stated_on", datetime.date(999, 12, 31)),
        (ClaimRelation, "created_at", datetime.datetime(999, 1, 1, tzinfo=datetime.UTC)),
        (Assessment, "assessed_at", datetime.datetime(999, 1, 1, tzinfo=datetime.UTC)),
    ],
)
def test_the_database_refuses_a_date_outside_the_range(model, field, value, researcher):
    records = {
        Source: SourceFactory,
        Claim: ClaimFactory,
        ClaimRelation: ClaimRelationFactory,
        Assessment: lambda: Assessment.record(
            claim=ClaimFactory(), rating="false", explanation="No.", by=researcher
        ),
    }
    record = records[model]()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(**{field: value})


def store_unreadable_date(source: Source) -> None:
    """Put a date outside the range in the row and its history, as the code before the
    checks let a form do, going round the check as the data from then does."""
    table, history = Source._meta.db_table, Source.history.model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE waits for none
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT source_published_in_range")
            # The year 0 in UTC, which no datetime can hold: only SQL can write it.
            value = "0001-01-01 00:00:00+14"
        else:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            value = "0999-12-31 10:00:00"
        for name in (table, history):
            cursor.execute(f"UPDATE {name} SET published_at = %s WHERE id = %s", [value, source.pk])
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = OFF")


def test_the_data_migration_reports_and_empties_dates_already_stored_outside_the_range():
    source = SourceFactory(title="Stored before the checks", dated=True)
    kept = SourceFactory(title="Dated well", dated=True)
    store_unreadable_date(source)

    report = repair_stored(Source, "published_at") + repair_stored(
        Source.history.model, "published_at"
    )

    assert len(report) == 2
    assert f"sources.Source published_at, id {source.pk}: " in report[0]
    assert ("BC" if connection.vendor == "postgresql" else "0999-12-31") in report[0]
    assert "emptied" in report[0]
    assert "sources.HistoricalSource published_at, history_id " in report[1]
    assert Source.objects.get(pk=source.pk).published_at is None
    assert Source.objects.get(pk=kept.pk).published_at is not None
    assert repair_stored(Source, "published_at") == []


def test_the_data_migration_moves_a_required_date_to_the_nearest_end():
    relation = ClaimRelationFactory()
    table = ClaimRelation._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT relation_created_in_range")
            value = "9999-12-31 23:59:00-14"
        else:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            value = "0500-06-01 00:00:00"
        cursor.execute(f"UPDATE {table} SET created_at = %s WHERE id = %s", [value, relation.pk])
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = OFF")

    report = repair_stored(ClaimRelation, "created_at")

    assert len(report) == 1 and "moved to the nearest end of the range" in report[0]
    relation.refresh_from_db()
    assert relation.created_at.year in (1000, 9999)
