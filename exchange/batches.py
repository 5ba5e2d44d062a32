"""Batches: an uploaded file kept in the database between its preview and its apply, so
that any app server can serve the next step; the apply's progress, seen from outside its
transaction."""

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    IntegrityError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.db.models import Q
from django.utils import timezone

from exchange.imports import CHUNK_SIZE, ImportFileError, ImportRejected, PairImporter, read_rows
from exchange.models import ImportBatch, ImportRow

logger = logging.getLogger(__name__)


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
                    f"UPDATE {ImportBatch._meta.db_table} SET processed = %s,"
                    " progressed_at = now() WHERE id = %s",
                    [processed, self.batch_id],
                )
        except DatabaseError:
            pass  # Progress is a courtesy: the import goes on without it.

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


# An apply that has shown no sign of life for this long, and holds no lock, died with its
# server (a killed worker, a restarted database); it is failed, to be tried again.
STALE_AFTER = datetime.timedelta(minutes=2)
STOPPED = (
    "The import stopped before it finished (its server was restarted, or lost the "
    "database). Nothing was imported. Try again."
)
# PostgreSQL's advisory locks are keyed by two numbers: this one says "an import's apply".
APPLY_LOCK_SPACE = 20_726


def _apply_lock_key(batch: ImportBatch) -> list[int]:
    return [APPLY_LOCK_SPACE, batch.pk % 2**31]


def _hold_apply_lock(batch: ImportBatch) -> None:
    """Mark the apply as alive for as long as its transaction lasts. PostgreSQL releases
    the lock when the transaction ends, or when its connection dies with a killed worker.
    (On SQLite the apply holds the database's one write lock, which does the same.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", _apply_lock_key(batch))


def _apply_is_alive(batch: ImportBatch) -> bool:
    if connection.vendor != "postgresql":
        return False  # the write that fails it waits for the write lock (see settle)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _apply_lock_key(batch))
        if not cursor.fetchone()[0]:
            return True
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _apply_lock_key(batch))
    return False


def settle(batch: ImportBatch) -> ImportBatch:
    """The batch as it stands, an apply that died failed with "Try again"."""
    if batch.status != ImportBatch.Status.APPLYING:
        return batch
    cutoff = timezone.now() - STALE_AFTER
    quiet = Q(progressed_at__lt=cutoff) | Q(progressed_at__isnull=True)
    if not ImportBatch.objects.filter(quiet, pk=batch.pk).exists() or _apply_is_alive(batch):
        return batch
    try:
        with _waiting_briefly():
            ImportBatch.objects.filter(quiet, pk=batch.pk, status=batch.status).update(
                status=ImportBatch.Status.FAILED, error=STOPPED
            )
    except OperationalError:
        return batch  # SQLite: a writer holds the lock, perhaps this very apply
    batch.refresh_from_db()
    return batch


@contextmanager
def _waiting_briefly():
    """On SQLite, wait a moment for the write lock, not the usual 20 s: a running apply
    holds it throughout, and the page asking must not hang on it."""
    if connection.vendor != "sqlite":
        yield
        return
    usual = int(connection.settings_dict["OPTIONS"].get("timeout", 5) * 1000)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout = 100")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


def apply_batch(batch: ImportBatch, *, user) -> ImportBatch:
    """Apply a previewed (or failed) batch in one transaction: everything, or nothing and a
    reason. Whatever stops the apply, the batch ends applied or failed, never applying."""
    claimed = ImportBatch.objects.filter(
        pk=batch.pk, status__in=ImportBatch.APPLICABLE, rejected_count=0, row_count__gt=0
    ).update(status=ImportBatch.Status.APPLYING, processed=0, progressed_at=timezone.now())
    batch.refresh_from_db()
    if not claimed:
        return batch
    progress = ProgressWriter(batch)
    try:
        with transaction.atomic():
            _hold_apply_lock(batch)
            importer = PairImporter(
                apply=True,
                user=user,
                reason=f"Imported from {batch.filename} (import {batch.pk})",
                progress=progress,
            )
            counts = importer.run_all(staged_rows(batch))
            # With the records, in their transaction: applied means they are there.
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportBatch.Status.APPLIED,
                error="",
                counts=counts,
                applied_at=timezone.now(),
                processed=importer.rows,
            )
    except ImportRejected as rejected:
        _fail(batch, str(rejected))
    except IntegrityError as error:
        _fail(
            batch,
            "Another import or edit created some of the same records at the same moment "
            f"({_first_line(error)}). Nothing was imported. Try again: what it created is "
            "matched now.",
        )
    except DatabaseError as error:
        _fail(
            batch,
            f"The database stopped answering during the import ({_first_line(error)}). "
            "Nothing was imported. Try again.",
        )
    except Exception:
        logger.exception("Import %s stopped", batch.pk)
        _fail(
            batch,
            "The import stopped on an unexpected error. Nothing was imported. Try again; if "
            "it stops again, tell an administrator (the server's log has the details).",
        )
    finally:
        progress.close()
    batch.refresh_from_db()
    return batch


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]


def _fail(batch: ImportBatch, reason: str) -> None:
    """Say why, in a transaction of its own (the apply's has rolled back)."""
    connection.close_if_unusable_or_obsolete()
    try:
        ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.APPLYING).update(
            status=ImportBatch.Status.FAILED, error=reason
        )
    except DatabaseError:
        # The database is still away: `settle` fails the batch once it is back.
        logger.warning("Import %s stopped and could not be marked failed", batch.pk)
