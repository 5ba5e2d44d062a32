"""An uploaded file on its way in: its rows wait in the database between preview and apply."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from exchange.columns import column_for


class ImportStatus(models.TextChoices):
    REFUSED = "refused", "File refused"
    PREVIEWED = "previewed", "Previewed"
    APPLYING = "applying", "Applying"
    APPLIED = "applied", "Applied"
    FAILED = "failed", "Failed, nothing imported"


class ImportBatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An upload is its owner's business (administrators see all)."""
        return self if user.is_superuser else self.filter(owner=user)


class ImportBatch(models.Model):
    """One uploaded claim-pairs CSV on its way in: its rows wait here (as `ImportRow`s)
    between preview and apply, so that any app server can serve the next step."""

    Status = ImportStatus

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status, default=Status.PREVIEWED)
    error = models.TextField(blank=True, help_text="Why the file or the apply was refused.")
    row_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # What the preview (or, once applied, the apply) found: {"speaker": {"create": 3, ...}}.
    counts = models.JSONField(default=dict, blank=True)
    # Rows handled so far by the running apply; written through a second connection.
    processed = models.PositiveIntegerField(default=0)
    # The apply's last sign of life: when it started, then each chunk's progress.
    progressed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        db_table = "claims_importbatch"  # where the claims app kept it before exchange existed
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values),
                name="importbatch_status_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("claims:pair-import-detail", args=[self.pk])

    # An apply may start from these; a failed one is tried again from its staged rows.
    APPLICABLE = (ImportStatus.PREVIEWED, ImportStatus.FAILED)

    @property
    def can_apply(self) -> bool:
        return self.status in self.APPLICABLE and self.rejected_count == 0 and self.row_count > 0

    @property
    def can_delete(self) -> bool:
        """Anything but a running apply; an applied upload's records stay."""
        return self.status != self.Status.APPLYING

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.row_count) if self.row_count else 0


class ImportRow(models.Model):
    """One data row of an uploaded file, kept as its cells by column name, with what the
    preview decided for it."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField(help_text="Line of the file, counting the header as 1.")
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
        for side, label in (("claim", "Claim"), ("counter", "Counter-claim")):
            parts = [
                f"{part} {self.VERDICTS[self.actions[f'{side}.{part}']]}"
                for part in ("speaker", "claim", "outlet", "source", "citation")
                if f"{side}.{part}" in self.actions
            ]
            if parts:
                lines.append((label, " · ".join(parts)))
        if "relation" in self.actions:
            lines.append(("Relation", self.VERDICTS[self.actions["relation"]]))
        return lines

    def side(self, side: str) -> tuple[str, str]:
        """(speaker name, text) of one side, as the file gives them."""
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
