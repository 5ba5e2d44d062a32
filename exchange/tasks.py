"""The exchange's long work, as Django tasks: a task worker (`manage.py db_worker`) runs
them, never a request. The pages only queue a step and show how far it is."""

import logging

from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.db.models import F
from django.tasks import TaskContext, task
from django.utils import timezone
from django.utils.translation import gettext_lazy

from exchange.batches import apply_batch, in_its_language, preview_batch, stage_upload
from exchange.models import ImportBatch
from records import languages

logger = logging.getLogger(__name__)


class ImportFailed(Exception):
    """The step ended failed; the message is the batch's reason (the task table keeps it)."""


def _outcome(batch: ImportBatch) -> dict:
    if batch.status == ImportBatch.Status.FAILED:
        raise ImportFailed(batch.error)
    return {"batch": batch.pk, "status": batch.status, "rows": batch.row_count}


@task(takes_context=True)
def preview_import(context: TaskContext, batch_id: int) -> dict:
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return {"batch": batch_id, "status": "deleted"}
    with in_its_language(batch):
        return _outcome(preview_batch(batch, task_id=str(context.task_result.id)))


@task(takes_context=True)
def apply_import(context: TaskContext, batch_id: int, user_id: int) -> dict:
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return {"batch": batch_id, "status": "deleted"}
    user = get_user_model().objects.get(pk=user_id)
    with in_its_language(batch):
        return _outcome(apply_batch(batch, user=user, task_id=str(context.task_result.id)))


COULD_NOT_QUEUE = gettext_lazy(
    "The step could not be queued ({error}). Nothing was imported. Try again."
)


def _enqueue(batch: ImportBatch, step, *args) -> ImportBatch:
    """Queue a step the batch has been moved to, and remember its task."""
    try:
        result = step.enqueue(*args)
    except DatabaseError as error:
        logger.exception("Import %s: its step could not be queued", batch.pk)
        ImportBatch.objects.filter(pk=batch.pk, status__in=ImportBatch.ACTIVE).update(
            status=ImportBatch.Status.FAILED, error=COULD_NOT_QUEUE.format(error=error)
        )
    else:
        # The immediate backend has run the step already, and the step noted its task.
        ImportBatch.objects.filter(pk=batch.pk, task_id="").update(task_id=str(result.id))
    batch.refresh_from_db()
    return batch


def queue_preview(
    *, owner, filename: str, upload, kind: str = ImportBatch.Kind.PAIRS, options=None
) -> ImportBatch:
    """Keep an upload and queue its preview. Raises `ImportFileError` at once for a file
    whose start already shows it is not of its kind (no claim-pairs CSV, no ClaimReview)."""
    batch = stage_upload(owner=owner, filename=filename, upload=upload, kind=kind, options=options)
    return _enqueue(batch, preview_import, batch.pk)


def queue_mapped_preview(batch: ImportBatch, *, options: dict) -> ImportBatch:
    """Queue the preview of an upload waiting for its columns, read as `options` say."""
    queued = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.MAPPING).update(
        status=ImportBatch.Status.QUEUED,
        options=options,
        progressed_at=timezone.now(),
        language=languages.current(),
    )
    batch.refresh_from_db()
    return _enqueue(batch, preview_import, batch.pk) if queued else batch


def queue_apply(batch: ImportBatch, *, user) -> ImportBatch:
    """Queue the apply of a previewed (or failed, or cancelled) batch; a second apply of
    the same batch is a retry. Does nothing to a batch that cannot be applied."""
    queued = ImportBatch.objects.filter(
        pk=batch.pk, status__in=ImportBatch.APPLICABLE, rejected_count=0, row_count__gt=0
    ).update(
        status=ImportBatch.Status.APPLY_QUEUED,
        attempts=F("attempts") + 1,
        cancel_requested=False,
        error="",
        processed=0,
        task_id="",
        progressed_at=timezone.now(),
        language=languages.current(),
    )
    if not queued:
        batch.refresh_from_db()
        return batch
    return _enqueue(batch, apply_import, batch.pk, user.pk)
