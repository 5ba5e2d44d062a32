"""Progress of a running apply, seen from outside its transaction, on PostgreSQL: through a
second connection (SQLite's side channel: tests/exchange/test_import_tasks.py)."""

import io

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

import exchange.imports
from claims.models import ClaimRelation
from exchange.batches import ProgressWriter, apply_batch, preview_upload
from exchange.models import ImportBatch
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def processed_seen_from_another_connection(batch_id: int) -> int:
    default = connections[DEFAULT_DB_ALIAS]
    other = type(default)(dict(default.settings_dict), DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT processed FROM claims_importbatch WHERE id = %s", [batch_id])
            return cursor.fetchone()[0]
    finally:
        other.close()


def test_progress_is_visible_to_other_requests_while_the_apply_runs(monkeypatch):
    user = UserFactory(username="importer", researcher=True)
    data = csv_bytes([row(counter_text=f"Answer {n}.") for n in range(25)])
    batch = preview_upload(
        owner=user, filename="pairs.csv", binary=io.BytesIO(data), size=len(data)
    )
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    seen = []
    original = ProgressWriter.__call__

    def spying(self, processed):
        original(self, processed)
        # Read as another app server would, while the apply's transaction is still open.
        assert connection.in_atomic_block
        seen.append((processed, processed_seen_from_another_connection(batch.pk)))

    monkeypatch.setattr(ProgressWriter, "__call__", spying)
    batch = apply_batch(batch, user=user)
    assert batch.status == ImportBatch.Status.APPLIED
    assert seen == [(10, 10), (20, 20), (25, 25)]
    assert ClaimRelation.objects.count() == 25
