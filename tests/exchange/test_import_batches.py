"""An import never sticks: whatever stops an apply, its batch ends applied or failed with the
reason, and a failed one can be tried again or deleted by its owner.

Before, a worker killed mid-apply, a database that went away or two imports creating the
same outlet at once left the batch "applying" for ever (and the last two answered 500).
"""

import datetime
import io
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import exchange.batches
import exchange.imports
from claims.models import ClaimRelation
from exchange.batches import STALE_AFTER, ProgressWriter, apply_batch, preview_upload, settle
from exchange.models import ImportBatch
from sources.models import Outlet
from tests.concurrency import at_the_same_moment
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.factories import UserFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has one writer at a time: two applies cannot overlap",
)


def previewed(owner, rows: int = 3, name: str = "pairs.csv", **cells) -> ImportBatch:
    data = csv_bytes([row(counter_text=f"Answer {n} in {name}.", **cells) for n in range(rows)])
    return preview_upload(owner=owner, filename=name, binary=io.BytesIO(data), size=len(data))


def as_if_its_worker_died(batch: ImportBatch, quiet_for: datetime.timedelta) -> None:
    """What a killed worker leaves behind: the claim committed, the apply rolled back."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.APPLYING, processed=0, progressed_at=timezone.now() - quiet_for
    )


@pytest.mark.django_db
def test_an_apply_whose_worker_died_is_failed_with_try_again_and_applies_on_retry(
    researcher_client, researcher
):
    batch = previewed(researcher)
    as_if_its_worker_died(batch, STALE_AFTER + datetime.timedelta(seconds=1))

    page = researcher_client.get(batch.get_absolute_url())

    html = page.content.decode()
    assert "Nothing was imported. Try again." in html
    assert "Try again: import 3 rows" in html
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    response = researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED
    assert ClaimRelation.objects.count() == 3


@pytest.mark.django_db
def test_an_apply_that_moved_recently_is_left_to_run(researcher_client, researcher):
    batch = previewed(researcher)
    as_if_its_worker_died(batch, STALE_AFTER - datetime.timedelta(seconds=30))
    fragment = researcher_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert b'hx-trigger="load delay:1s"' in fragment.content
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLYING


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("roles_after_flush")
def test_a_quiet_apply_that_is_still_running_is_not_failed(monkeypatch):
    user = UserFactory(username="importer", researcher=True)
    batch = previewed(user, rows=25)
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    paused, resume = threading.Event(), threading.Event()
    original = ProgressWriter.__call__

    def pausing(self, processed):
        original(self, processed)
        if processed == 10:
            paused.set()
            assert resume.wait(timeout=30)

    monkeypatch.setattr(ProgressWriter, "__call__", pausing)
    applying = threading.Thread(target=lambda: (apply_batch(batch, user=user), connection.close()))
    applying.start()
    try:
        assert paused.wait(timeout=30)
        # Another app server looks, long after the last progress: the apply holds its lock.
        long_ago = timezone.now() - STALE_AFTER * 3
        ImportBatch.objects.filter(pk=batch.pk).update(progressed_at=long_ago)
        assert settle(ImportBatch.objects.get(pk=batch.pk)).status == ImportBatch.Status.APPLYING
    finally:
        resume.set()
        applying.join(timeout=30)
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.APPLIED
    assert ClaimRelation.objects.count() == 25


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("roles_after_flush")
def test_a_database_that_goes_away_mid_apply_fails_the_batch_and_keeps_nothing(monkeypatch):
    user = UserFactory(username="importer", researcher=True)
    batch = previewed(user, rows=25)
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    original = ProgressWriter.__call__

    def cutting(self, processed):
        original(self, processed)
        if processed == 10:
            # As a restart of PostgreSQL does: the apply's connection is cut.
            with self.connection.cursor() as cursor:
                pid = connection.connection.info.backend_pid
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])

    monkeypatch.setattr(ProgressWriter, "__call__", cutting)
    batch = apply_batch(batch, user=user)

    assert batch.status == ImportBatch.Status.FAILED
    assert batch.error.startswith("The database stopped answering during the import")
    assert batch.error.endswith("Nothing was imported. Try again.")
    assert not ClaimRelation.objects.exists()
    monkeypatch.setattr(ProgressWriter, "__call__", original)
    assert apply_batch(batch, user=user).status == ImportBatch.Status.APPLIED
    assert ClaimRelation.objects.count() == 25


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("roles_after_flush")
def test_two_imports_creating_the_same_outlet_at_once_both_end_well(monkeypatch):
    alice = UserFactory(username="alice", researcher=True)
    bob = UserFactory(username="bob", researcher=True)
    # Both files create the outlet "Harian Baru", each with sources of its own.
    cells = {"claim_source_outlet": "Harian Baru", "claim_source_url": ""}
    batches = {
        "alice": previewed(alice, name="a.csv", claim_source_title="Alice's", **cells),
        "bob": previewed(bob, name="b.csv", claim_source_title="Bob's", **cells),
    }
    users = {"alice": alice, "bob": bob}
    together = threading.Barrier(2)
    original = exchange.batches.staged_rows

    def meeting(batch):
        # Both applies have decided to create the outlet before either has written it.
        together.wait(timeout=30)
        yield from original(batch)

    monkeypatch.setattr(exchange.batches, "staged_rows", meeting)
    names = list(batches)
    outcomes = at_the_same_moment(
        [lambda name=name: apply_batch(batches[name], user=users[name]) for name in names]
    )
    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]  # a 500
    results = dict(zip(names, outcomes, strict=True))

    assert not errors, errors
    statuses = sorted(batch.status for batch in results.values())
    assert statuses in (["applied", "applied"], ["applied", "failed"]), statuses
    monkeypatch.setattr(exchange.batches, "staged_rows", original)
    for name, batch in results.items():
        if batch.status == ImportBatch.Status.FAILED:
            assert "at the same moment" in batch.error and "Try again" in batch.error
            assert apply_batch(batch, user=users[name]).status == ImportBatch.Status.APPLIED
    assert Outlet.objects.filter(name="Harian Baru").count() == 1
    assert ClaimRelation.objects.count() == 6


@pytest.mark.django_db
def test_the_owner_deletes_a_failed_upload(researcher_client, researcher):
    batch = previewed(researcher)
    ImportBatch.objects.filter(pk=batch.pk).update(status="failed", error="It stopped.")
    page = researcher_client.get(batch.get_absolute_url())
    assert b"Delete this upload" in page.content
    url = reverse("claims:pair-import-delete", args=[batch.pk])
    assert researcher_client.get(url).status_code == 405
    response = researcher_client.post(url, follow=True)
    assert (
        "Deleted the upload pairs.csv (nothing from it was imported)" in response.content.decode()
    )
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_nobody_else_deletes_an_upload_and_a_running_one_stays(researcher_client, researcher):
    batch = previewed(researcher)
    url = reverse("claims:pair-import-delete", args=[batch.pk])
    other = UserFactory(username="other", researcher=True)
    researcher_client.force_login(other)
    assert researcher_client.post(url).status_code == 404
    researcher_client.force_login(researcher)
    ImportBatch.objects.filter(pk=batch.pk).update(status="applying", progressed_at=timezone.now())
    assert researcher_client.post(url).status_code == 302
    assert ImportBatch.objects.filter(pk=batch.pk).exists()


@pytest.mark.django_db
def test_an_applied_upload_can_be_deleted_and_its_records_stay(researcher_client, researcher):
    batch = apply_batch(previewed(researcher), user=researcher)
    response = researcher_client.post(
        reverse("claims:pair-import-delete", args=[batch.pk]), follow=True
    )
    assert "the records it imported stay" in response.content.decode()
    assert ClaimRelation.objects.count() == 3
    assert not ImportBatch.objects.exists()
    # The next upload of the same file matches all it made.
    assert previewed(researcher).counts["relation"] == {"create": 0, "match": 3}
