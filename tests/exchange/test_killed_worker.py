"""A real worker process killed with SIGKILL in the middle of an apply, on SQLite and
PostgreSQL: nothing of the import is kept (the apply is one transaction), the batch and its
task end failed with the reason instead of "applying" for ever, and a fresh worker applies
the batch when its owner tries again."""

import datetime
import io
import os
import signal
import sqlite3
import time

import pytest
from django.db import connection
from django.tasks import TaskResultStatus

import exchange.batches
from claims.models import Citation, Claim, ClaimRelation
from exchange.batches import STOPPED, preview_upload, settle, task_result
from exchange.imports import CHUNK_SIZE
from exchange.models import ImportBatch
from exchange.tasks import queue_apply
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.exchange.workers import start_worker_process
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.task_queue,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
    pytest.mark.timeout(400),
]
# Enough rows that the apply takes seconds, several chunks of progress long.
ROWS = 4 * CHUNK_SIZE


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError(f"Waited {timeout} s for {what}")


def sqlite_write_lock_is_held() -> bool:
    probe = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        return "locked" in str(error)
    else:
        probe.rollback()
        return False
    finally:
        probe.close()


def in_the_middle_of_its_apply(batch: ImportBatch):
    """The batch is applying, with part of its rows written, as the page shows it (and on
    SQLite the worker holds the one write lock: its transaction is open)."""
    now = settle(ImportBatch.objects.get(pk=batch.pk))
    if now.status != ImportBatch.Status.APPLYING or not CHUNK_SIZE <= now.processed < ROWS:
        return None
    return (connection.vendor != "sqlite" or sqlite_write_lock_is_held()) and now


def test_a_worker_killed_mid_apply_keeps_nothing_is_failed_and_the_retry_applies(monkeypatch):
    user = UserFactory(username="importer", researcher=True)
    data = csv_bytes([row(counter_text=f"Answer {n}.") for n in range(ROWS)])
    batch = preview_upload(owner=user, filename="big.csv", binary=io.BytesIO(data), size=len(data))
    batch = queue_apply(batch, user=user)
    assert batch.status == ImportBatch.Status.APPLY_QUEUED

    worker = start_worker_process(worker_id="doomed")
    try:
        at_kill = wait_until(
            lambda: in_the_middle_of_its_apply(batch), timeout=120, what="the apply to start"
        )
        os.killpg(worker.pid, signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()

    # What the killed worker leaves: a batch "applying", a task "running", and no records.
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLYING
    assert 0 < at_kill.processed < ROWS
    assert not ClaimRelation.objects.exists()
    assert not Claim.objects.exists()
    assert not Citation.objects.exists()
    assert task_result(batch).status == TaskResultStatus.RUNNING
    assert task_result(batch).worker_ids == ["doomed"]

    # The next look at it, once it has been silent long enough and holds no lock, fails it
    # (PostgreSQL ends the dead connection's transaction, and its lock, in a moment).
    monkeypatch.setattr(exchange.batches, "STALE_AFTER", datetime.timedelta(0))
    batch = wait_until(
        lambda: (b := settle(ImportBatch.objects.get(pk=batch.pk))).status == "failed" and b,
        timeout=60,
        what="the batch to be failed",
    )
    assert batch.error == STOPPED
    lost = task_result(batch)
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == "exchange.batches.WorkerLost"
    assert lost.traceback == STOPPED
    assert batch.can_apply

    # Try again: a fresh worker runs what is queued and exits.
    batch = queue_apply(batch, user=user)
    assert batch.attempts == 2
    fresh = start_worker_process("--batch", worker_id="fresh")
    output, _ = fresh.communicate(timeout=300)
    assert fresh.returncode == 0, output.decode()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED, batch.error
    assert ClaimRelation.objects.count() == ROWS
    assert task_result(batch).status == TaskResultStatus.SUCCESSFUL
    assert task_result(batch).worker_ids == ["fresh"]
