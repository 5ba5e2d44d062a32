"""The import figure of `make bench` (bench/imports.py), run end to end at a tiny size on
the test database, so that the lead's full-size run does not find a broken scenario."""

import pytest
from django.db import connection

from bench.imports import import_speed
from claims.models import ClaimRelation
from exchange.batches import apply_batch
from tests.exchange.test_import import roles_after_flush  # noqa: F401
from tests.exchange.test_import_batches import previewed
from tests.exchange.workers import database_url
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.task_queue,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
]


def test_the_import_figure_applies_new_pairs_and_prints_its_ratio_to_copy(monkeypatch):
    user = UserFactory(username="importer", researcher=True)
    apply_batch(previewed(user, rows=12), user=user)
    monkeypatch.setenv("DATABASE_URL", database_url())
    monkeypatch.setenv("DEBUG", "1")

    rows = import_speed(database_url(), rows=10)

    assert ClaimRelation.objects.count() == 22, "ten new pairs, made new by the run's mark"
    speed, preview, rss = rows
    assert speed.figure == "import apply by a task worker (10 pairs), rows/s"
    assert speed.samples[0] > 0 and "× COPY into a staging table" in speed.anchor
    assert preview.samples[0] > 0
    assert all(0 < peak < 1000 for peak in rss.samples)
