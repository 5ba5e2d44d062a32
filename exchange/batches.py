"""Batches: an uploaded file kept in the database between its preview and its apply, so
that any app server and any task worker can serve the next step; each step's progress, seen
from outside its transaction; and the rule that finds a step whose worker died."""

import datetime
import functools
import io
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    IntegrityError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.db.models import Exists, OuterRef, Q
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks_db.models import DBTaskResult

from exchange.bulk import insert
from exchange.claimreview_import import ClaimReviewImporter, read_reviews
from exchange.imports import (
    CHUNK_SIZE,
    ImportFileError,
    ImportRejected,
    PairImporter,
    read_rows,
)
from exchange.models import ImportBatch, ImportFileChunk, ImportKind, ImportRow, TaskWorker
from exchange.table_import import ClaimsImporter, read_table
from records import languages

# Each kind of file: how its rows are read, and who decides and creates them.
FORMATS = {
    ImportKind.PAIRS: (read_rows, PairImporter),
    ImportKind.CLAIMREVIEW: (read_reviews, ClaimReviewImporter),
}


def reading(kind: str, options: dict | None = None):
    """(reader, importer maker) of a kind of file, read as its options say (a CSV of
    claims, by its column mapping)."""
    if kind == ImportKind.CLAIMS:
        columns, labels = (options or {}).get("columns", {}), (options or {}).get("labels", {})
        return (
            functools.partial(read_table, columns=columns),
            functools.partial(ClaimsImporter, columns=columns, labels=labels),
        )
    return FORMATS[kind]


logger = logging.getLogger(__name__)


class Cancelled(Exception):
    """Someone asked the running step to stop; it keeps nothing."""


def in_its_language(batch: ImportBatch):
    """Write what the batch's step says (its refusal, its rows' problems) in the language
    of whoever queued the step: a worker has no request to take one from."""
    return languages.written_in(batch.language)


def preview_upload(
    *, owner, filename: str, binary, size: int, kind: str = ImportKind.PAIRS
) -> ImportBatch:
    """Read a file and keep its rows with what the preview decided for each, at once and in
    one transaction, and return the batch. Raises `ImportFileError` (and keeps nothing) if
    the file is unreadable. (The pages queue the same work for a worker: `stage_upload`.)"""
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            owner=owner, filename=filename[:255], size=size, kind=kind
        )
        _stage_rows(batch, binary)
    return batch


def _stage_rows(batch: ImportBatch, binary, progress: Callable[[int], None] | None = None) -> None:
    """Decide every row of the file, keep each with its decision (a chunk of rows per
    insert), and record the totals on the batch."""
    reader, importer_class = reading(batch.kind, batch.options)
    importer = importer_class(apply=False, progress=progress)
    staged, rows = [], iter(reader(binary))
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
            insert(ImportRow, staged)
            staged = []
    insert(ImportRow, staged)
    if not importer.rows:
        raise ImportFileError(_("The file has a header but no rows."))
    batch.row_count, batch.rejected_count = importer.rows, rejected
    batch.counts = importer.counts()
    batch.save(update_fields=["row_count", "rejected_count", "counts"])


def check_start(binary, kind: str = ImportKind.PAIRS, options: dict | None = None) -> None:
    """Read a file's header and first row, as the upload arrives, so that a file that is
    not a claim-pairs CSV at all is refused at once, in the upload page (ClaimReview
    markup is read whole: it is one JSON document). Raises `ImportFileError`. The rest is
    read by the preview, in a worker."""
    reader, _importer = reading(kind, options)
    if next(iter(reader(binary)), None) is None:
        raise ImportFileError(_("The file has a header but no rows."))


def stage_upload(
    *,
    owner,
    filename: str,
    upload,
    kind: str = ImportKind.PAIRS,
    options: dict | None = None,
    status: str = ImportBatch.Status.QUEUED,
) -> ImportBatch:
    """Keep an uploaded file in the database, a megabyte a row, for a worker to preview;
    the batch waits as queued. Raises `ImportFileError` if its start is already wrong."""
    if status == ImportBatch.Status.QUEUED:
        check_start(upload, kind, options)
    upload.seek(0)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            owner=owner,
            kind=kind,
            options=options or {},
            filename=filename[:255],
            size=upload.size,
            status=status,
            progressed_at=timezone.now(),
            language=languages.current(),
        )
        for number, data in enumerate(iter(lambda: upload.read(ImportFileChunk.SIZE), b"")):
            ImportFileChunk.objects.create(batch=batch, number=number, data=data)
    return batch


class StoredFile(io.RawIOBase):
    """A batch's uploaded file, read back from the database one piece at a time."""

    def __init__(self, batch: ImportBatch):
        self.batch_id = batch.pk
        self.number = 0  # the next piece to fetch
        self.piece = b""
        self.offset = 0  # into the piece
        self.position = 0  # into the file

    def readable(self) -> bool:
        return True

    def _next_piece(self) -> bool:
        data = (
            ImportFileChunk.objects.filter(batch_id=self.batch_id, number=self.number)
            .values_list("data", flat=True)
            .first()
        )
        if data is None:
            return False
        self.piece, self.offset, self.number = bytes(data), 0, self.number + 1
        return True

    def read(self, size: int = -1) -> bytes:
        parts, wanted = [], size
        while wanted != 0:
            if self.offset >= len(self.piece) and not self._next_piece():
                break
            end = len(self.piece) if wanted < 0 else min(len(self.piece), self.offset + wanted)
            parts.append(self.piece[self.offset : end])
            if wanted > 0:
                wanted -= end - self.offset
            self.offset = end
        data = b"".join(parts)
        self.position += len(data)
        return data


def preview_batch(batch: ImportBatch, *, task_id: str = "") -> ImportBatch:
    """A worker's preview of a queued upload: its rows kept with their decisions, a chunk
    at a time, each chunk committed (staged rows are no one's records: a preview that stops
    halfway deletes them), with its progress where the page sees it."""
    now = timezone.now()
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.QUEUED).update(
        status=ImportBatch.Status.PREVIEWING,
        started_at=now,
        progressed_at=now,
        processed=0,
        bytes_read=0,
        **({"task_id": task_id} if task_id else {}),
    )
    batch.refresh_from_db()
    if not claimed:
        return batch
    stored = StoredFile(batch)

    def progress(rows: int) -> None:
        ImportBatch.objects.filter(pk=batch.pk).update(
            processed=rows,
            bytes_read=min(stored.position, batch.size),
            progressed_at=timezone.now(),
        )
        if ImportBatch.objects.filter(pk=batch.pk, cancel_requested=True).exists():
            raise Cancelled

    status, error = ImportBatch.Status.PREVIEWED, ""
    try:
        with _holding_step_lock(batch):
            _stage_rows(batch, stored, progress)
    except ImportFileError as refused:
        status, error = ImportBatch.Status.REFUSED, str(refused)
    except Cancelled:
        status, error = ImportBatch.Status.CANCELLED, _("Cancelled while it was being read.")
    except Exception:
        logger.exception("Preview of import %s stopped", batch.pk)
        status = ImportBatch.Status.FAILED
        error = _(
            "Reading the file stopped on an unexpected error. Upload it again; if it stops "
            "again, tell an administrator (the server's log has the details)."
        )
        connection.close_if_unusable_or_obsolete()  # a lost database: connect again
    except BaseException:
        # Its worker told to stop at once (a second Ctrl-C or SIGTERM): nothing of the
        # preview is kept, and it says so before the worker goes.
        with suppress(DatabaseError):
            _end_preview(batch, ImportBatch.Status.FAILED, str(STOPPED_READING))
        raise
    return _end_preview(batch, status, error)


def _end_preview(batch: ImportBatch, status: str, error: str) -> ImportBatch:
    with transaction.atomic():
        if status != ImportBatch.Status.PREVIEWED:
            batch.rows.all().delete()
            update = {"row_count": 0, "rejected_count": 0, "counts": {}}
        else:
            update = {"processed": batch.row_count, "bytes_read": batch.size}
        batch.chunks.all().delete()
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=status,
            error=error,
            cancel_requested=False,
            progressed_at=timezone.now(),
            **update,
        )
    batch.refresh_from_db()
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


class SideChannel:
    """SQLite allows one writer at a time, and a running apply is it, for as long as its
    transaction lasts: its progress, and a request to stop it, go through a small database
    file of their own beside the main one (on one machine, as SQLite is). Each apply has a
    row of its own, named by the batch and the moment the apply started."""

    def __init__(self):
        name = str(connection.settings_dict["NAME"])
        self.path = None if "memory" in name else f"{name}-jobs"

    @staticmethod
    def key(batch: ImportBatch) -> str:
        return f"{batch.pk}@{batch.started_at.isoformat() if batch.started_at else ''}"

    def run(self, statement: str, params: list) -> tuple | None:
        if self.path is None:
            return None
        try:
            side = sqlite3.connect(self.path, timeout=2, isolation_level=None)
            try:
                side.execute(
                    "CREATE TABLE IF NOT EXISTS progress (apply TEXT PRIMARY KEY, "
                    "processed INTEGER NOT NULL, at TEXT NOT NULL, cancel INTEGER NOT NULL)"
                )
                return side.execute(statement, params).fetchone()
            finally:
                side.close()
        except sqlite3.Error:
            return None  # progress is a courtesy

    def start(self, batch: ImportBatch) -> None:
        self.run(
            "INSERT OR REPLACE INTO progress VALUES (?, 0, ?, 0)",
            [self.key(batch), timezone.now().isoformat()],
        )

    def report(self, batch: ImportBatch, processed: int) -> bool:
        """Write the count; True if someone asked the apply to stop."""
        row = self.run(
            "UPDATE progress SET processed = ?, at = ? WHERE apply = ? RETURNING cancel",
            [processed, timezone.now().isoformat(), self.key(batch)],
        )
        return bool(row and row[0])

    def read(self, batch: ImportBatch) -> None:
        row = self.run(
            "SELECT processed, at, cancel FROM progress WHERE apply = ?", [self.key(batch)]
        )
        if row:
            batch.processed = row[0]
            batch.progressed_at = datetime.datetime.fromisoformat(row[1])
            batch.cancel_requested = bool(row[2])

    def cancel(self, batch: ImportBatch) -> bool:
        row = self.run(
            "UPDATE progress SET cancel = 1 WHERE apply = ? RETURNING apply", [self.key(batch)]
        )
        return row is not None

    def end(self, batch: ImportBatch) -> None:
        self.run("DELETE FROM progress WHERE apply = ?", [self.key(batch)])


class ProgressWriter:
    """Write an applying batch's progress where other requests can see it at once, and
    read whether someone asked the apply to stop (it raises `Cancelled`, and the apply's
    transaction rolls back).

    The apply is one transaction, whose writes nobody else sees until it commits; on
    PostgreSQL the counter therefore goes through a second connection of its own, in
    autocommit; on SQLite, whose one writer the apply is, through the `SideChannel`.
    """

    def __init__(self, batch: ImportBatch):
        self.batch = batch
        self.batch_id = batch.pk
        self.connection = self.side = None
        if connection.vendor == "postgresql":
            default = connections[DEFAULT_DB_ALIAS]
            self.connection = type(default)(dict(default.settings_dict), DEFAULT_DB_ALIAS)
        elif connection.vendor == "sqlite":
            self.side = SideChannel()
            self.side.start(batch)

    def __call__(self, processed: int) -> None:
        if self.side is not None:
            if self.side.report(self.batch, processed):
                raise Cancelled
            return
        if self.connection is None:
            return
        try:
            with self.connection.cursor() as cursor:
                # Never wait on the apply's own locks: a late counter beats a stuck import.
                cursor.execute("SET lock_timeout = '500ms'")
                cursor.execute(
                    f"UPDATE {ImportBatch._meta.db_table} SET processed = %s,"
                    " progressed_at = now() WHERE id = %s RETURNING cancel_requested",
                    [processed, self.batch_id],
                )
                row = cursor.fetchone()
        except DatabaseError:
            return  # Progress is a courtesy: the import goes on without it.
        if row and row[0]:
            raise Cancelled

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        if self.side is not None:
            self.side.end(self.batch)


# A step that has shown no sign of life for this long, and holds no lock, died with its
# worker (killed, its machine lost, its database restarted); it is failed, to be tried again.
# On PostgreSQL, so does one whose worker's heartbeat stopped (`TaskWorker.GONE_AFTER`).
STALE_AFTER = datetime.timedelta(minutes=2)
STOPPED = gettext_lazy(
    "The import stopped before it finished (its worker was stopped, or lost the "
    "database). Nothing was imported. Try again."
)
STOPPED_READING = gettext_lazy(
    "Reading the file stopped before it finished (its worker was stopped, or lost the "
    "database). Upload it again."
)
# PostgreSQL's advisory locks are keyed by two numbers: this one says "an import's step".
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


@contextmanager
def _holding_step_lock(batch: ImportBatch):
    """The same sign of life for a preview, which commits chunk by chunk: a lock of the
    connection's session, given back at the end (or by PostgreSQL, with a dead connection).
    On SQLite a preview that moves writes its progress every chunk instead."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", _apply_lock_key(batch))
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _apply_lock_key(batch))
        except DatabaseError:
            pass  # the connection is gone, and its lock with it


def _apply_is_alive(batch: ImportBatch) -> bool:
    if connection.vendor != "postgresql":
        return False  # the write that fails it waits for the write lock (see settle)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _apply_lock_key(batch))
        if not cursor.fetchone()[0]:
            return True
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _apply_lock_key(batch))
    return False


def _task_rows(batch: ImportBatch):
    """The stored task of the batch's latest step, when the database backend queued it (the
    immediate backend of the tests stores none)."""
    try:
        return DBTaskResult.objects.filter(id=uuid.UUID(batch.task_id))
    except ValueError:
        return DBTaskResult.objects.none()


def task_result(batch: ImportBatch) -> DBTaskResult | None:
    return _task_rows(batch).first()


def task_results(batches) -> dict[str, DBTaskResult]:
    """The stored tasks of many batches' latest steps, in one query, by task id."""
    ids = []
    for batch in batches:
        with suppress(ValueError):
            ids.append(uuid.UUID(batch.task_id))
    results = DBTaskResult.objects.filter(id__in=ids).only("id", "status", "worker_ids")
    return {str(result.id): result for result in results} if ids else {}


def _fail_task(batch: ImportBatch, reason: str) -> None:
    """A task whose worker died stays "running" in the task table: say it failed, and why."""
    _task_rows(batch).filter(status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="exchange.batches.WorkerLost",
        traceback=reason,
    )


def settle(batch: ImportBatch) -> ImportBatch:
    """The batch as it stands, with a running apply's progress, and a step whose worker
    died failed with "Try again" (and its task marked failed too), said in the language of
    whoever queued the step, as its worker would have."""
    with in_its_language(batch):
        batch = _settle(batch)
    if batch.status == ImportBatch.Status.APPLYING and connection.vendor == "sqlite":
        SideChannel().read(batch)
    return batch


def _settle(batch: ImportBatch) -> ImportBatch:
    if batch.status not in ImportBatch.ACTIVE:
        return batch
    if batch.status not in ImportBatch.RUNNING:
        result = task_result(batch)
        if result is None or result.status == TaskResultStatus.READY:
            return batch  # waiting for a worker
        if result.status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
            # The task ended without taking its step: it could not even start.
            lines = result.traceback.strip().splitlines()
            reason = _(
                "The worker could not start this step ({why}). Nothing was imported. Try again."
            ).format(why=lines[-1][:200] if lines else _("no reason given"))
            ImportBatch.objects.filter(pk=batch.pk, status=batch.status).update(
                status=ImportBatch.Status.FAILED, error=reason
            )
            batch.refresh_from_db()
            return batch
    cutoff = timezone.now() - STALE_AFTER
    quiet = Q(progressed_at__lt=cutoff) | Q(progressed_at__isnull=True)
    if connection.vendor == "postgresql":
        # The worker running the step stopped beating: as good as silent, where the step's
        # lock confirms it (on SQLite nothing would, and its one worker's heartbeat pauses
        # while its apply holds the write lock).
        quiet |= Exists(TaskWorker.objects.gone().filter(task_id=OuterRef("task_id")))
    if not ImportBatch.objects.filter(quiet, pk=batch.pk).exists() or _apply_is_alive(batch):
        return batch
    reading = batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.PREVIEWING)
    reason = str(STOPPED_READING if reading else STOPPED)
    try:
        with _waiting_briefly(), transaction.atomic():
            failed = ImportBatch.objects.filter(quiet, pk=batch.pk, status=batch.status).update(
                status=ImportBatch.Status.FAILED, error=reason, cancel_requested=False
            )
            if failed and reading:
                batch.rows.all().delete()
                batch.chunks.all().delete()
                ImportBatch.objects.filter(pk=batch.pk).update(
                    row_count=0, rejected_count=0, counts={}
                )
            if failed:
                _fail_task(batch, reason)
    except OperationalError:
        return batch  # SQLite: a writer holds the lock, perhaps this very apply
    batch.refresh_from_db()
    return batch


def settle_all() -> int:
    """Settle every queued or running batch, as its page would: what the task workers do
    every few seconds (`exchange.workers`), so that a step whose worker died is failed
    without anyone looking at it. Returns how many it failed."""
    failed = 0
    for batch in ImportBatch.objects.filter(status__in=ImportBatch.ACTIVE).defer("counts"):
        failed += _settle(batch).status == ImportBatch.Status.FAILED
    return failed


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


CANCELLED = gettext_lazy("Cancelled by {name}. Nothing was imported.")


def cancel(batch: ImportBatch, *, user) -> tuple[ImportBatch, str]:
    """Stop a queued or running step, keeping nothing of it: a queued one never runs, a
    running one stops at its next chunk. Returns the batch and, if it could not be asked
    to stop, why."""
    name = user.get_username()
    queued = (ImportBatch.Status.QUEUED, ImportBatch.Status.APPLY_QUEUED)
    try:
        with _waiting_briefly(), transaction.atomic():
            stopped = ImportBatch.objects.filter(pk=batch.pk, status__in=queued).update(
                status=ImportBatch.Status.CANCELLED, error=CANCELLED.format(name=name)
            )
            if stopped:
                batch.chunks.all().delete()
                _task_rows(batch).filter(status=TaskResultStatus.READY).delete()
            else:
                ImportBatch.objects.filter(pk=batch.pk, status__in=ImportBatch.RUNNING).update(
                    cancel_requested=True
                )
    except OperationalError:
        # SQLite, whose write lock a running apply holds: ask through the side channel.
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.APPLYING and SideChannel().cancel(batch):
            SideChannel().read(batch)
            return batch, ""
        return batch, _("The database is busy for a moment: cancel again.")
    batch.refresh_from_db()
    return batch, ""


def apply_batch(batch: ImportBatch, *, user, task_id: str = "") -> ImportBatch:
    """Apply a previewed (or failed, or queued) batch in one transaction: everything, or
    nothing and a reason. Whatever stops the apply, the batch ends applied, failed or
    cancelled, never applying."""
    now = timezone.now()
    claimed = ImportBatch.objects.filter(
        pk=batch.pk,
        status__in=(*ImportBatch.APPLICABLE, ImportBatch.Status.APPLY_QUEUED),
        rejected_count=0,
        row_count__gt=0,
    ).update(
        status=ImportBatch.Status.APPLYING,
        processed=0,
        progressed_at=now,
        started_at=now,
        **({"task_id": task_id} if task_id else {}),
    )
    batch.refresh_from_db()
    if not claimed:
        return batch
    progress = ProgressWriter(batch)
    try:
        with transaction.atomic():
            _hold_apply_lock(batch)
            importer = reading(batch.kind, batch.options)[1](
                apply=True,
                user=user,
                reason=_("Imported from {filename} (import {pk})").format(
                    filename=batch.filename, pk=batch.pk
                ),
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
                progressed_at=timezone.now(),
                cancel_requested=False,
            )
    except Cancelled:
        _fail(
            batch,
            _("Cancelled while it was importing. Nothing was imported."),
            status=ImportBatch.Status.CANCELLED,
        )
    except ImportRejected as rejected:
        _fail(batch, str(rejected))
    except IntegrityError as error:
        _fail(
            batch,
            _(
                "Another import or edit created some of the same records at the same moment "
                "({error}). Nothing was imported. Try again: what it created is matched now."
            ).format(error=_first_line(error)),
        )
    except DatabaseError as error:
        _fail(
            batch,
            _(
                "The database stopped answering during the import ({error}). "
                "Nothing was imported. Try again."
            ).format(error=_first_line(error)),
        )
    except Exception:
        logger.exception("Import %s stopped", batch.pk)
        _fail(
            batch,
            _(
                "The import stopped on an unexpected error. Nothing was imported. Try again; "
                "if it stops again, tell an administrator (the server's log has the details)."
            ),
        )
    except BaseException:
        # Its worker told to stop at once (a second Ctrl-C or SIGTERM): the transaction has
        # rolled back; say so before the worker goes, rather than waiting to be found.
        _fail(batch, str(STOPPED))
        raise
    finally:
        progress.close()
    batch.refresh_from_db()
    return batch


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:200]


def _fail(batch: ImportBatch, reason: str, *, status=ImportBatch.Status.FAILED) -> None:
    """Say why, in a transaction of its own (the apply's has rolled back)."""
    connection.close_if_unusable_or_obsolete()
    try:
        ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.APPLYING).update(
            status=status, error=reason, cancel_requested=False
        )
    except DatabaseError:
        # The database is still away: `settle` fails the batch once it is back.
        logger.warning("Import %s stopped and could not be marked failed", batch.pk)


def prune(*, before: datetime.datetime) -> dict[str, int]:
    """Delete finished work older than `before`: the staged rows of uploads applied before
    it (the upload's summary stays, and its records), uploads never applied and idle since
    before it, the task table's finished results, and the heartbeats of workers silent
    since before it. Nothing queued or running is touched."""
    applied = ImportBatch.objects.filter(status=ImportBatch.Status.APPLIED, applied_at__lt=before)
    idle = ImportBatch.objects.exclude(
        status__in=(*ImportBatch.ACTIVE, ImportBatch.Status.APPLIED)
    ).filter(Q(progressed_at__lt=before) | Q(progressed_at__isnull=True, created_at__lt=before))
    finished = DBTaskResult.objects.filter(
        status__in=(TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED), finished_at__lt=before
    )
    with transaction.atomic():
        rows, _ = ImportRow.objects.filter(batch__in=applied).delete()
        ImportFileChunk.objects.filter(batch__in=applied).delete()
        unapplied = idle.count()
        idle.delete()
        tasks, _ = finished.delete()
        # Heartbeats of workers killed long ago (one that stops deletes its own).
        workers, _ = TaskWorker.objects.filter(last_seen__lt=before).delete()
    return {"rows": rows, "uploads": unapplied, "tasks": tasks, "workers": workers}
