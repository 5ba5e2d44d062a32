"""An import's steps as tasks in the database queue, through their whole life, on SQLite and
PostgreSQL: queued, running (with its progress), done, failed, retried, cancelled. The
worker is django-tasks-db's own, run in the test's process so that a test can watch a step
from inside it; tests/exchange/test_killed_worker.py runs real worker processes."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.tasks import TaskResultStatus
from django.urls import reverse

import exchange.batches
import exchange.imports
from claims.models import Claim, ClaimRelation, Speaker
from exchange.batches import ProgressWriter, cancel, settle, task_result
from exchange.models import ImportBatch
from exchange.tasks import queue_apply, queue_preview
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.exchange.workers import run_queued_tasks
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.task_queue,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
]
Status = ImportBatch.Status


def pairs(count: int) -> bytes:
    return csv_bytes([row(counter_text=f"Answer {n}.") for n in range(count)])


def upload(user, count: int = 3) -> ImportBatch:
    return queue_preview(
        owner=user, filename="pairs.csv", upload=SimpleUploadedFile("pairs.csv", pairs(count))
    )


def as_another_request_sees_it(batch_id: int) -> ImportBatch:
    """The batch as the page shows it to a request on another app server (a thread with a
    database connection of its own)."""
    seen = []

    def look():
        try:
            seen.append(settle(ImportBatch.objects.get(pk=batch_id)))
        finally:
            connection.close()

    looking = threading.Thread(target=look)
    looking.start()
    looking.join(timeout=30)
    return seen[0]


@pytest.fixture
def user(roles_after_flush):  # noqa: F811
    return UserFactory(username="importer", researcher=True)


def test_an_upload_waits_queued_until_a_worker_reads_it(user, client):
    batch = upload(user)

    assert batch.status == Status.QUEUED
    queued = task_result(batch)
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "exchange.tasks.preview_import"
    assert batch.chunks.count() == 1 and not batch.rows.exists()
    client.force_login(user)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Waiting for a worker to read the file" in page
    assert 'hx-trigger="load delay:1s"' in page

    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.PREVIEWED and batch.row_count == 3
    assert not batch.chunks.exists(), "the file is deleted once its rows are staged"
    done = task_result(batch)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == {"batch": batch.pk, "status": "previewed", "rows": 3}
    assert done.worker_ids == ["in-process"]


def test_a_running_step_is_seen_running_with_its_progress(user, monkeypatch):
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    monkeypatch.setattr(exchange.batches, "CHUNK_SIZE", 10)
    batch = upload(user, count=25)
    seen, shown = [], []
    original_insert = exchange.batches.insert

    def watching_the_preview(model, rows):
        # As the page sees it, between two chunks of the preview (each staged in one insert).
        now = ImportBatch.objects.get(pk=batch.pk)
        seen.append(("preview", now.status, now.processed, task_result(now).status))
        return original_insert(model, rows)

    monkeypatch.setattr(exchange.batches, "insert", watching_the_preview)
    run_queued_tasks()
    monkeypatch.undo()
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    original_progress = ProgressWriter.__call__

    def watching_the_apply(self, processed):
        original_progress(self, processed)
        now = ImportBatch.objects.get(pk=batch.pk)
        seen.append(("apply", now.status, processed, task_result(now).status))
        # The page, on another connection, sees the count while the apply's transaction is
        # open (on SQLite too, whose one writer the apply is).
        shown.append(as_another_request_sees_it(batch.pk).processed)

    monkeypatch.setattr(ProgressWriter, "__call__", watching_the_apply)
    batch.refresh_from_db()
    queue_apply(batch, user=user)
    run_queued_tasks()

    running = TaskResultStatus.RUNNING
    assert seen == [
        ("preview", Status.PREVIEWING, 0, running),
        ("preview", Status.PREVIEWING, 10, running),
        ("preview", Status.PREVIEWING, 25, running),
        ("apply", Status.APPLYING, 10, running),
        ("apply", Status.APPLYING, 20, running),
        ("apply", Status.APPLYING, 25, running),
    ]
    assert shown == [10, 20, 25]
    batch.refresh_from_db()
    assert batch.status == Status.APPLIED and batch.processed == 25
    assert task_result(batch).status == TaskResultStatus.SUCCESSFUL
    assert ClaimRelation.objects.count() == 25


def test_a_failed_apply_fails_its_task_with_the_reason_and_is_retried(user, monkeypatch):
    batch = upload(user)
    run_queued_tasks()
    batch.refresh_from_db()

    def breaking(batch):
        yield from []
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exchange.batches, "staged_rows", breaking)
    batch = queue_apply(batch, user=user)
    first_task = batch.task_id
    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.FAILED and batch.attempts == 1
    assert batch.error.startswith("The import stopped on an unexpected error.")
    failed = task_result(batch)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "exchange.tasks.ImportFailed"
    assert "The import stopped on an unexpected error." in failed.traceback
    assert not Claim.objects.exists()

    monkeypatch.undo()
    batch = queue_apply(batch, user=user)
    assert batch.status == Status.APPLY_QUEUED and batch.attempts == 2
    assert batch.task_id != first_task
    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.APPLIED and batch.error == ""
    assert task_result(batch).status == TaskResultStatus.SUCCESSFUL
    assert ImportBatch.objects.get(pk=batch.pk).attempts == 2
    assert ClaimRelation.objects.count() == 3
    # The first attempt's task stays failed in the task table.
    batch.task_id = first_task
    assert task_result(batch).status == TaskResultStatus.FAILED


def test_a_queued_apply_cancelled_never_runs_and_can_be_applied_later(user):
    batch = upload(user)
    run_queued_tasks()
    batch.refresh_from_db()
    batch = queue_apply(batch, user=user)
    assert task_result(batch).status == TaskResultStatus.READY

    batch, refusal = cancel(batch, user=user)

    assert refusal == ""
    assert batch.status == Status.CANCELLED
    assert batch.error == "Cancelled by importer. Nothing was imported."
    assert task_result(batch) is None, "its task is taken off the queue"
    run_queued_tasks()
    assert not ClaimRelation.objects.exists()
    assert batch.can_apply
    queue_apply(batch, user=user)
    run_queued_tasks()
    assert ImportBatch.objects.get(pk=batch.pk).status == Status.APPLIED
    assert ClaimRelation.objects.count() == 3


def test_a_preview_cancelled_while_it_reads_keeps_no_rows(user, monkeypatch):
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    monkeypatch.setattr(exchange.batches, "CHUNK_SIZE", 10)
    batch = upload(user, count=25)
    original_insert = exchange.batches.insert
    calls = []

    def cancelling_after_the_first_chunk(model, rows):
        calls.append(len(rows))
        if len(calls) == 2:
            cancel(ImportBatch.objects.get(pk=batch.pk), user=user)
        return original_insert(model, rows)

    monkeypatch.setattr(exchange.batches, "insert", cancelling_after_the_first_chunk)
    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.CANCELLED
    assert batch.error == "Cancelled while it was being read."
    assert not batch.rows.exists() and not batch.chunks.exists()
    assert not batch.can_apply and batch.can_delete
    assert task_result(batch).status == TaskResultStatus.SUCCESSFUL
    assert task_result(batch).return_value["status"] == "cancelled"


def test_an_apply_cancelled_while_it_imports_keeps_nothing(user, monkeypatch):
    batch = upload(user, count=25)
    run_queued_tasks()
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    original_progress = ProgressWriter.__call__

    def cancelled_from_another_request(self, processed):
        if processed == 10:
            # Another app server's request, on a connection of its own.
            def press_cancel():
                try:
                    cancel(ImportBatch.objects.get(pk=batch.pk), user=user)
                finally:
                    connection.close()

            pressing = threading.Thread(target=press_cancel)
            pressing.start()
            pressing.join(timeout=30)
        original_progress(self, processed)

    monkeypatch.setattr(ProgressWriter, "__call__", cancelled_from_another_request)
    queue_apply(ImportBatch.objects.get(pk=batch.pk), user=user)
    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.CANCELLED and not batch.cancel_requested
    assert batch.error == "Cancelled while it was importing. Nothing was imported."
    assert not ClaimRelation.objects.exists() and not Speaker.objects.exists()
    assert batch.can_apply


def test_the_cancel_button_cancels_a_queued_upload(user, client):
    client.force_login(user)
    batch = upload(user)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert reverse("claims:pair-import-cancel", args=[batch.pk]) in page
    response = client.post(reverse("claims:pair-import-cancel", args=[batch.pk]), follow=True)
    assert "Cancelled: nothing from pairs.csv was imported." in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == Status.CANCELLED and not batch.chunks.exists()
    fragment = client.post(
        reverse("claims:pair-import-cancel", args=[batch.pk]), headers={"HX-Request": "true"}
    )
    assert fragment.content.lstrip().startswith(b'<section id="import-status"')
    other = UserFactory(username="other", researcher=True)
    client.force_login(other)
    assert client.post(reverse("claims:pair-import-cancel", args=[batch.pk])).status_code == 404


def test_administrators_see_each_steps_task_and_its_worker_on_the_jobs_page(user, client):
    batch = upload(user)
    client.force_login(UserFactory(username="admin", staff=True))
    row = client.get(reverse("claims:job-list")).content.decode().split(f'id="job-{batch.pk}"')[1]
    assert "<td>Ready</td>" in row.split("</tr>")[0]
    run_queued_tasks(worker_id="worker-7")
    row = client.get(reverse("claims:job-list")).content.decode().split(f'id="job-{batch.pk}"')[1]
    assert 'Successful <span class="meta">on worker-7</span>' in row.split("</tr>")[0]
    client.force_login(user)
    assert "worker-7" not in client.get(reverse("claims:job-list")).content.decode()


@pytest.mark.parametrize("step", ["preview", "apply"])
def test_a_worker_told_to_stop_at_once_fails_its_step_before_it_goes(user, monkeypatch, step):
    """A second Ctrl-C or SIGTERM stops the worker in the middle of a step: the step says so
    at once, instead of waiting to be found silent."""
    batch = upload(user)

    def stopped_at_once(*args, **kwargs):
        raise KeyboardInterrupt

    if step == "preview":
        monkeypatch.setattr(exchange.batches, "_stage_rows", stopped_at_once)
    else:
        run_queued_tasks()
        monkeypatch.setattr(exchange.batches, "staged_rows", stopped_at_once)
        batch = queue_apply(ImportBatch.objects.get(pk=batch.pk), user=user)
    run_queued_tasks()

    batch.refresh_from_db()
    assert batch.status == Status.FAILED
    assert batch.error == (
        exchange.batches.STOPPED_READING if step == "preview" else exchange.batches.STOPPED
    )
    assert task_result(batch).status == TaskResultStatus.FAILED
    assert task_result(batch).exception_class_path == "builtins.KeyboardInterrupt"
    assert not ClaimRelation.objects.exists()
    assert not batch.rows.exists() if step == "preview" else batch.can_apply
