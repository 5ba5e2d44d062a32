"""An uploaded file on its way in: its rows wait in the database between preview and apply."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exchange.columns import column_for


class ImportStatus(models.TextChoices):
    MAPPING = "mapping", _("Waiting for its columns")
    QUEUED = "queued", _("Waiting to be read")
    PREVIEWING = "previewing", _("Reading")
    REFUSED = "refused", _("File refused")
    PREVIEWED = "previewed", _("Previewed")
    APPLY_QUEUED = "apply_queued", _("Waiting to be imported")
    APPLYING = "applying", _("Applying")
    APPLIED = "applied", _("Applied")
    FAILED = "failed", _("Failed, nothing imported")
    CANCELLED = "cancelled", _("Cancelled, nothing imported")


class ImportBatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An upload is its owner's business (administrators see all)."""
        return self if user.is_staff or user.is_superuser else self.filter(owner=user)

    def for_jobs(self, user):
        """The Jobs page: one's own uploads, or everyone's for administrators, newest first,
        without their file or rows."""
        return self.visible_to(user).select_related("owner").defer("counts")


class ImportKind(models.TextChoices):
    PAIRS = "pairs", _("Claim-pairs CSV")
    CLAIMREVIEW = "claimreview", _("ClaimReview JSON-LD")
    CLAIMS = "claims", _("CSV of claims")


class ImportBatch(models.Model):
    """One uploaded file on its way in (a claim-pairs CSV, or ClaimReview markup): its rows
    (a CSV's rows, or the reviews) wait here as `ImportRow`s between preview and apply, so
    that any app server can serve the next step."""

    Status = ImportStatus
    Kind = ImportKind

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    filename = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PAIRS)
    # How a CSV of claims is read: {"columns": {field: column}, "labels": {label: rating}},
    # fixed when its preview is queued, so that its apply reads it the same way.
    options = models.JSONField(default=dict, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status, default=Status.PREVIEWED)
    error = models.TextField(blank=True, help_text=_("Why the file or the apply was refused."))
    # The interface language of whoever queued the latest step: the worker, which has no
    # request, writes the refusals and the rows' problems in it (`exchange.tasks`).
    language = models.CharField(max_length=10, blank=True, default="")
    row_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # What the preview (or, once applied, the apply) found: {"speaker": {"create": 3, ...}}.
    counts = models.JSONField(default=dict, blank=True)
    # Rows handled so far by the running preview or apply (an apply writes it through a
    # second connection); bytes of the file read so far by the preview.
    processed = models.PositiveIntegerField(default=0)
    bytes_read = models.PositiveBigIntegerField(default=0)
    # The running step's last sign of life: when it was queued or started, then each chunk.
    progressed_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    # The task (django-tasks-db's result id) of the latest preview or apply, and how many
    # applies were started: a second one is a retry.
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    cancel_requested = models.BooleanField(default=False)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        db_table = "claims_importbatch"  # where the claims app kept it before exchange existed
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values),
                name="importbatch_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ImportKind.values), name="importbatch_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("claims:pair-import-detail", args=[self.pk])

    # An apply may start from these; a failed or cancelled one is tried again from its
    # staged rows (a preview that did not finish leaves none: row_count stays 0).
    APPLICABLE = (ImportStatus.PREVIEWED, ImportStatus.FAILED, ImportStatus.CANCELLED)
    # A step waiting for a worker, or running in one.
    ACTIVE = (
        ImportStatus.QUEUED,
        ImportStatus.PREVIEWING,
        ImportStatus.APPLY_QUEUED,
        ImportStatus.APPLYING,
    )
    RUNNING = (ImportStatus.PREVIEWING, ImportStatus.APPLYING)

    @property
    def unit(self) -> str:
        """What the file's rows are, for its page."""
        return _("reviews") if self.kind == ImportKind.CLAIMREVIEW else _("rows")

    @property
    def needs_columns(self) -> bool:
        return self.status == ImportStatus.MAPPING

    @property
    def can_apply(self) -> bool:
        return self.status in self.APPLICABLE and self.rejected_count == 0 and self.row_count > 0

    @property
    def can_delete(self) -> bool:
        """Anything but a step queued or running (cancel it first); an applied upload's
        records stay."""
        return self.status not in self.ACTIVE

    @property
    def can_cancel(self) -> bool:
        return self.status in self.ACTIVE and not self.cancel_requested

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    # Past this, a queued step says that no worker seems to be running.
    WAIT_HINT_AFTER = datetime.timedelta(seconds=30)

    @property
    def waits_long(self) -> bool:
        queued = (ImportStatus.QUEUED, ImportStatus.APPLY_QUEUED)
        return bool(
            self.status in queued
            and self.progressed_at
            and timezone.now() - self.progressed_at > self.WAIT_HINT_AFTER
        )

    @property
    def step(self) -> str:
        """Which of the two steps the batch is at, or last ran."""
        before_apply = (ImportStatus.QUEUED, ImportStatus.PREVIEWING, ImportStatus.REFUSED)
        return "preview" if self.status in before_apply or not self.attempts else "apply"

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.PREVIEWING:
            return int(100 * self.bytes_read / self.size) if self.size else 0
        return int(100 * self.processed / self.row_count) if self.row_count else 0

    @property
    def rate(self) -> float | None:
        """Rows a second since the running step started, once it has done some."""
        if not (self.is_running and self.processed and self.started_at and self.progressed_at):
            return None
        seconds = (self.progressed_at - self.started_at).total_seconds()
        return self.processed / seconds if seconds > 0 else None

    @property
    def seconds_left(self) -> int | None:
        """At the rate so far: rows left for an apply, the share of the file left for a
        preview (which does not know its rows until it has read them all)."""
        rate = self.rate
        if rate is None:
            return None
        if self.status == ImportStatus.PREVIEWING:
            if not self.bytes_read:
                return None
            rows_left = self.processed * (self.size - self.bytes_read) / self.bytes_read
        else:
            rows_left = max(self.row_count - self.processed, 0)
        return round(rows_left / rate)


class ImportMapping(models.Model):
    """A named column mapping for CSVs of claims, saved for the next file of its kind:
    which column holds which field, and what each verdict label means."""

    name = models.CharField(max_length=100, unique=True)
    columns = models.JSONField(default=dict)
    labels = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("claims:claim-import") + f"?mapping={self.pk}"


class ImportFileChunk(models.Model):
    """An uploaded file waiting to be read by a worker, in pieces of a megabyte, kept in the
    database so that a worker on any machine can read it. Deleted once read."""

    SIZE = 2**20

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["batch", "number"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "number"], name="importfilechunk_once")
        ]

    def __str__(self) -> str:
        return f"Piece {self.number} of {self.batch}"

    def get_absolute_url(self) -> str:
        return self.batch.get_absolute_url()


class ImportRow(models.Model):
    """One data row of an uploaded file, kept as its cells by column name, with what the
    preview decided for it."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField(help_text=_("Line of the file, counting the header as 1."))
    cells = models.JSONField(default=dict)
    problems = models.JSONField(default=list, blank=True)
    actions = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "claims_importrow"
        ordering = ["batch", "number"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "number"], name="importrow_once_per_line")
        ]

    def __str__(self) -> str:
        return f"Row {self.number}"

    VERDICTS = {"create": "new", "match": "existing", "new": "new (an earlier row's)"}

    def outcome(self) -> list[tuple[str, str]]:
        """What the preview decided, side by side, in words: [("claim", "speaker existing ·
        claim new · …"), ("relation", "new")]."""
        lines = []
        # A review's further appearances are sides of their own ("appearance 2", …).
        sides = {"claim": "Claim", "counter": "Counter-claim"} | {
            key.split(".")[0]: key.split(".")[0].capitalize()
            for key in self.actions
            if key.startswith("appearance ")
        }
        for side, label in sides.items():
            parts = [
                f"{part} {self.VERDICTS[self.actions[f'{side}.{part}']]}"
                for part in ("speaker", "claim", "outlet", "source", "citation")
                if f"{side}.{part}" in self.actions
            ]
            if parts:
                lines.append((label, " · ".join(parts)))
        for part, label in (("relation", "Relation"), ("assessment", "Verdict")):
            if part in self.actions:
                lines.append((label, self.VERDICTS[self.actions[part]]))
        return lines

    def side(self, side: str) -> tuple[str, str]:
        """(speaker name, text) of one side, as the file gives them (a CSV of claims: in the
        columns its mapping names)."""
        if self.batch.kind == ImportKind.CLAIMS:
            columns = self.batch.options.get("columns", {})
            prefix = "" if side == "claim" else "counter_"
            return (
                self.cells.get(columns.get(f"{prefix}speaker", ""), ""),
                self.cells.get(columns.get(f"{prefix}text", ""), ""),
            )
        return (
            self.cells.get(column_for(f"{side}.speaker_name"), ""),
            self.cells.get(column_for(f"{side}.text"), ""),
        )

    @property
    def claim_side(self) -> tuple[str, str]:
        return self.side("claim")

    @property
    def counter_side(self) -> tuple[str, str]:
        return self.side("counter")

    @property
    def verdict(self) -> tuple[str, str]:
        """(reviewer, rating) of a review, as its markup gives them."""
        label = self.cells.get("rating_label") or self.cells.get("rating_value") or ""
        return (self.cells.get("reviewer", ""), str(label))


class TaskWorkerQuerySet(models.QuerySet):
    def seen(self):
        """Workers whose heartbeat is recent: they are running."""
        return self.filter(last_seen__gte=timezone.now() - TaskWorker.GONE_AFTER)

    def gone(self):
        """Workers whose heartbeat stopped without a goodbye: killed, or their machine lost."""
        return self.filter(last_seen__lt=timezone.now() - TaskWorker.GONE_AFTER)


class TaskWorker(models.Model):
    """A task worker's heartbeat (django-tasks-db keeps none): each `manage.py db_worker`
    writes its row every few seconds, with the task it is running, and deletes it when it
    stops. A row whose heartbeat stopped is a worker that died."""

    BEAT_EVERY = datetime.timedelta(seconds=2)
    # Several beats missed: a busy database or a long pause of the process is not death.
    GONE_AFTER = datetime.timedelta(seconds=15)

    worker_id = models.CharField(max_length=64, unique=True)
    # The task it is running (django-tasks-db's result id), empty while it waits for one.
    task_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField()

    objects = TaskWorkerQuerySet.as_manager()

    class Meta:
        ordering = ["worker_id"]

    def __str__(self) -> str:
        return self.worker_id

    def get_absolute_url(self) -> str:
        return reverse("claims:job-list")
