"""Task workers' heartbeats, on SQLite and PostgreSQL, from real `manage.py db_worker`
processes: a running worker writes its row (and the task it runs), `/healthz` counts it,
a stopped one deletes it, a killed one's row goes stale; and the workers' sweep fails the
step of a worker that died without anyone opening its page (the rule is `_settle`'s)."""

import datetime
import io
import os
import signal
import time

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from claims.models import ClaimRelation
from exchange.batches import STOPPED, _apply_lock_key, preview_upload, settle_all, task_result
from exchange.models import ImportBatch, TaskWorker
from exchange.tasks import queue_apply
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.exchange.test_killed_worker import ROWS, in_the_middle_of_its_apply, wait_until
from tests.exchange.workers import database_url, start_worker_process
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.task_queue,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
    pytest.mark.timeout(400),
]
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the step's lock that confirms it is PostgreSQL's"
)


def stop(worker, how=signal.SIGTERM) -> int:
    if worker.poll() is None:
        os.killpg(worker.pid, how)
    return worker.wait(timeout=30)


def test_a_running_worker_is_seen_and_one_that_stops_says_goodbye(client):
    worker = start_worker_process(worker_id="beating")
    try:
        seen = wait_until(
            lambda: TaskWorker.objects.filter(worker_id="beating").first(), 60, "a heartbeat"
        )
        first = seen.last_seen
        wait_until(
            lambda: TaskWorker.objects.get(worker_id="beating").last_seen > first,
            10,
            "a second heartbeat",
        )
        assert client.get("/healthz").json()["workers"]["seen"] == 1
        assert client.get("/healthz").json()["degraded"] is False
    finally:
        code = stop(worker)

    assert code == 0
    assert not TaskWorker.objects.exists()
    assert client.get("/healthz").json()["degraded"] is True


def test_a_killed_worker_leaves_a_row_that_goes_stale():
    worker = start_worker_process(worker_id="killed")
    try:
        wait_until(lambda: TaskWorker.objects.filter(worker_id="killed").exists(), 60, "a beat")
    finally:
        assert stop(worker, signal.SIGKILL) == -signal.SIGKILL

    row_ = TaskWorker.objects.get(worker_id="killed")
    assert TaskWorker.objects.seen().filter(pk=row_.pk).exists()
    TaskWorker.objects.filter(pk=row_.pk).update(
        last_seen=timezone.now() - TaskWorker.GONE_AFTER - datetime.timedelta(seconds=1)
    )
    assert TaskWorker.objects.gone().filter(pk=row_.pk).exists()
    assert not TaskWorker.objects.seen().exists()


def test_the_workers_sweep_fails_the_step_of_a_worker_killed_mid_apply():
    user = UserFactory(username="importer", researcher=True)
    data = csv_bytes([row(counter_text=f"Answer {n}.") for n in range(ROWS)])
    batch = preview_upload(owner=user, filename="big.csv", binary=io.BytesIO(data), size=len(data))
    batch = queue_apply(batch, user=user)

    doomed = start_worker_process(worker_id="doomed")
    try:
        wait_until(lambda: in_the_middle_of_its_apply(batch), 120, "the apply to start")
        # Its row names the task it is running.
        running = ImportBatch.objects.get(pk=batch.pk).task_id
        wait_until(
            lambda: TaskWorker.objects.filter(worker_id="doomed", task_id=running).exists(),
            30,
            "the heartbeat to name the task",
        )
    finally:
        assert stop(doomed, signal.SIGKILL) == -signal.SIGKILL
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.APPLYING

    if connection.vendor == "sqlite":
        # No other worker can confirm a SQLite step dead but by its silence: two minutes of
        # it, here already past, as if the worker were restarted later.
        ImportBatch.objects.filter(pk=batch.pk).update(
            progressed_at=timezone.now() - datetime.timedelta(minutes=3)
        )
    started = time.monotonic()
    survivor = start_worker_process(worker_id="survivor")
    try:
        # Nobody asks for the batch's page here: the surviving worker fails it by itself,
        # on PostgreSQL once the dead worker's heartbeat is GONE_AFTER old.
        batch = wait_until(
            lambda: (b := ImportBatch.objects.get(pk=batch.pk)).status == "failed" and b,
            120,
            "the sweep to fail the batch",
        )
    finally:
        stop(survivor)
    waited = time.monotonic() - started

    assert batch.error == STOPPED
    assert task_result(batch).status == TaskResultStatus.FAILED
    assert task_result(batch).exception_class_path == "exchange.batches.WorkerLost"
    assert not ClaimRelation.objects.exists()
    assert waited < 60  # not the two minutes of silence a page would wait on PostgreSQL


def running_apply(user, *, worker_id: str) -> ImportBatch:
    """A batch applying with its task running in `worker_id`, as the task table and the
    batch show it while a worker runs it."""
    data = csv_bytes([row()])
    batch = preview_upload(owner=user, filename="one.csv", binary=io.BytesIO(data), size=len(data))
    task = DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [batch.pk, user.pk], "kwargs": {}},
        task_path="exchange.tasks.apply_import",
        backend_name="default",
        worker_ids=[worker_id],
        started_at=timezone.now(),
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.APPLYING,
        task_id=str(task.id),
        progressed_at=timezone.now(),
        started_at=timezone.now(),
        attempts=1,
    )
    TaskWorker.objects.create(
        worker_id=worker_id,
        task_id=str(task.id),
        started_at=timezone.now(),
        last_seen=timezone.now(),
    )
    return ImportBatch.objects.get(pk=batch.pk)


@on_postgresql
def test_a_step_is_failed_when_its_worker_stops_beating_and_only_once_its_lock_is_free():
    import psycopg

    user = UserFactory(username="importer", researcher=True)
    batch = running_apply(user, worker_id="w1")
    # The worker's own connection, holding the step's lock as a running apply does.
    with psycopg.connect(database_url(), autocommit=True) as worker:
        worker.execute("SELECT pg_advisory_lock(%s, %s)", _apply_lock_key(batch))

        assert settle_all() == 0  # beating, and locked: alive
        TaskWorker.objects.update(last_seen=timezone.now() - datetime.timedelta(minutes=1))
        assert settle_all() == 0  # not beating, but its lock says it still runs
        assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.APPLYING

    # Its connection gone, with its lock: the step is failed, long before two minutes.
    assert settle_all() == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert batch.error == STOPPED
    assert task_result(batch).status == TaskResultStatus.FAILED


@on_postgresql
def test_a_stale_heartbeat_of_another_task_fails_nothing():
    user = UserFactory(username="importer", researcher=True)
    batch = running_apply(user, worker_id="w1")
    TaskWorker.objects.update(task_id="", last_seen=timezone.now() - datetime.timedelta(minutes=1))

    assert settle_all() == 0  # its worker moved on (or never said): two minutes' rule
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.APPLYING
