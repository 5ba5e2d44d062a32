import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from sources.models import Source


class DismissedSuggestion(models.Model):
    """A suggestion of the quote assistant that a researcher turned down, so that it is not
    offered again. The hash of the words ties it to the text: if the source's body is
    edited and the span now holds other words, the dismissal no longer applies."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text_hash = models.CharField(max_length=64)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "claims_dismissedsuggestion"  # where the claims app kept it
        constraints = [
            models.UniqueConstraint(
                fields=["source", "start", "end", "text_hash"], name="dismissed_suggestion_once"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="dismissed_suggestion_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"Dismissed {self.start}–{self.end} in source #{self.source_id}"

    def get_absolute_url(self) -> str:
        return reverse("assistant:suggestion-list", args=[self.source_id])

    @staticmethod
    def hash_of(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
