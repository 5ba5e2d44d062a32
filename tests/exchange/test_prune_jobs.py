"""Finished work is deleted once it is older than the retention period (`prune_jobs`): the
staged rows of applied uploads, uploads never applied, finished tasks; never what is queued,
running, or newer."""

import datetime
import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from claims.models import ClaimRelation
from exchange.batches import apply_batch
from exchange.models import ImportBatch, ImportFileChunk, TaskWorker
from tests.exchange.test_import_batches import previewed

pytestmark = pytest.mark.django_db
Status = ImportBatch.Status


def aged(batch: ImportBatch, days: int, **fields) -> ImportBatch:
    then = timezone.now() - datetime.timedelta(days=days)
    moments = {"created_at": then, "progressed_at": then}
    if batch.status == Status.APPLIED:
        moments["applied_at"] = then
    ImportBatch.objects.filter(pk=batch.pk).update(**moments, **fields)
    batch.refresh_from_db()
    return batch


def task(status: str, days: int) -> DBTaskResult:
    then = timezone.now() - datetime.timedelta(days=days)
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="exchange.tasks.preview_import",
        backend_name="default",
        run_after=then,
        finished_at=then if status != TaskResultStatus.READY else None,
    )


def test_prune_deletes_only_finished_work_past_the_retention_period(researcher):
    old_applied = aged(apply_batch(previewed(researcher, name="a.csv"), user=researcher), 40)
    new_applied = aged(apply_batch(previewed(researcher, name="b.csv"), user=researcher), 5)
    old_failed = aged(previewed(researcher, name="c.csv"), 40, status=Status.FAILED)
    old_previewed = aged(previewed(researcher, name="d.csv"), 40)
    new_cancelled = aged(previewed(researcher, name="e.csv"), 5, status=Status.CANCELLED)
    old_queued = aged(previewed(researcher, name="f.csv"), 40, status=Status.APPLY_QUEUED)
    ImportFileChunk.objects.create(batch=old_queued, number=0, data=b"x")
    old_done, old_failed_task = task("SUCCESSFUL", 40), task("FAILED", 40)
    new_done, old_waiting = task("SUCCESSFUL", 5), task(TaskResultStatus.READY, 40)
    for name, days in (("killed-long-ago", 40), ("killed-lately", 5)):
        then = timezone.now() - datetime.timedelta(days=days)
        TaskWorker.objects.create(worker_id=name, started_at=then, last_seen=then)
    out = io.StringIO()

    call_command("prune_jobs", stdout=out)

    assert out.getvalue().strip() == (
        "Deleted, older than 30 days: 3 staged rows of applied imports, 2 uploads never "
        "applied, 2 finished tasks, 1 task workers long silent, 0 documents never saved as a "
        "source and 0 snapshots of them."
    )
    remaining = set(ImportBatch.objects.values_list("filename", flat=True))
    assert remaining == {"a.csv", "b.csv", "e.csv", "f.csv"}
    assert not old_applied.rows.exists(), "the summary stays, its staged rows go"
    assert ImportBatch.objects.get(pk=old_applied.pk).row_count == 3
    assert new_applied.rows.count() == 3 and new_cancelled.rows.count() == 3
    assert old_queued.rows.count() == 3 and old_queued.chunks.count() == 1
    assert {old_failed.pk, old_previewed.pk}.isdisjoint(ImportBatch.objects.values_list("pk"))
    assert ClaimRelation.objects.count() == 6, "what the uploads imported stays"
    assert set(DBTaskResult.objects.values_list("id", flat=True)) == {new_done.id, old_waiting.id}
    assert not DBTaskResult.objects.filter(id__in=[old_done.id, old_failed_task.id]).exists()
    assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["killed-lately"]


def test_prune_keeps_as_many_days_as_asked(researcher):
    aged(previewed(researcher, name="a.csv"), 3, status=Status.REFUSED)
    out = io.StringIO()
    call_command("prune_jobs", "--days", "7", stdout=out)
    assert ImportBatch.objects.count() == 1
    call_command("prune_jobs", "--days", "2", stdout=out)
    assert not ImportBatch.objects.exists()
    with pytest.raises(CommandError, match="cannot be negative"):
        call_command("prune_jobs", "--days", "-1")
