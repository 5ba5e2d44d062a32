"""Batches: an uploaded file kept in the database between its preview and its apply, so
that any app server can serve the next step; the apply's progress, seen from outside its
transaction."""

from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.utils import timezone

from exchange.imports import CHUNK_SIZE, ImportFileError, ImportRejected, PairImporter, read_rows
from exchange.models import ImportBatch, ImportRow


def preview_upload(*, owner, filename: str, binary, size: int) -> ImportBatch:
    """Read an uploaded file, keep its rows with what the preview decided for each, and
    return the batch. Raises `ImportFileError` (and keeps nothing) if the file is unreadable."""
    importer = PairImporter(apply=False)
    with transaction.atomic():
        batch = ImportBatch.objects.create(owner=owner, filename=filename[:255], size=size)
        staged, rows = [], iter(read_rows(binary))
        # Cells come from the reader; decisions from the importer, in the same order.
        cells_by_number = {}

        def remembering():
            for number, cells, problems in rows:
                cells_by_number[number] = cells
                yield number, cells, problems

        rejected = 0
        for result in importer.run(remembering()):
            rejected += bool(result.problems)
            staged.append(
                ImportRow(
                    batch=batch,
                    number=result.number,
                    cells=cells_by_number.pop(result.number),
                    problems=result.problems,
                    actions=result.actions,
                )
            )
            if len(staged) >= CHUNK_SIZE:
                ImportRow.objects.bulk_create(staged)
                staged = []
        ImportRow.objects.bulk_create(staged)
        if not importer.rows:
            raise ImportFileError("The file has a header but no rows.")
        batch.row_count, batch.rejected_count = importer.rows, rejected
        batch.counts = importer.counts()
        batch.save(update_fields=["row_count", "rejected_count", "counts"])
    return batch


def staged_rows(batch: ImportBatch) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """The batch's rows in file order, a chunk per query (no long-open cursor)."""
    last = 0
    while True:
        chunk = list(
            batch.rows.filter(number__gt=last)
            .order_by("number")
            .values_list("number", "cells")[:CHUNK_SIZE]
        )
        if not chunk:
            return
        for number, cells in chunk:
            yield number, cells, []
        last = chunk[-1][0]


class ProgressWriter:
    """Write an applying batch's progress where other requests can see it at once.

    The apply is one transaction, whose writes nobody else sees until it commits; the
    counter therefore goes through a second connection of its own, in autocommit. SQLite
    allows one writer at a time, and the apply is it: there the page can only say that the
    import is running, not how far it is.
    """

    def __init__(self, batch: ImportBatch):
        self.batch_id = batch.pk
        self.connection = None
        if connection.vendor == "postgresql":
            default = connections[DEFAULT_DB_ALIAS]
            self.connection = type(default)(dict(default.settings_dict), DEFAULT_DB_ALIAS)

    def __call__(self, processed: int) -> None:
        if self.connection is None:
            return
        try:
            with self.connection.cursor() as cursor:
                # Never wait on the apply's own locks: a late counter beats a stuck import.
                cursor.execute("SET lock_timeout = '500ms'")
                cursor.execute(
                    f"UPDATE {ImportBatch._meta.db_table} SET processed = %s WHERE id = %s",
                    [processed, self.batch_id],
                )
        except DatabaseError:
            pass  # Progress is a courtesy: the import goes on without it.

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def apply_batch(batch: ImportBatch, *, user) -> ImportBatch:
    """Apply a previewed batch in one transaction: everything, or nothing and a reason."""
    claimed = ImportBatch.objects.filter(
        pk=batch.pk, status=ImportBatch.Status.PREVIEWED, rejected_count=0
    ).update(status=ImportBatch.Status.APPLYING, processed=0)
    batch.refresh_from_db()
    if not claimed:
        return batch
    progress = ProgressWriter(batch)
    importer = PairImporter(
        apply=True,
        user=user,
        reason=f"Imported from {batch.filename} (import {batch.pk})",
        progress=progress,
    )
    try:
        with transaction.atomic():
            counts = importer.run_all(staged_rows(batch))
    except ImportRejected as rejected:
        batch.status, batch.error = ImportBatch.Status.FAILED, str(rejected)
    else:
        batch.status, batch.counts = ImportBatch.Status.APPLIED, counts
        batch.applied_at = timezone.now()
    finally:
        progress.close()
    batch.processed = importer.rows
    batch.save(update_fields=["status", "error", "counts", "applied_at", "processed"])
    return batch
