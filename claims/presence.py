"""Who is editing what, for a team working on the same claims at once: an edit form opened
marks its user as editing that field for a while, so that everyone else's claim page can
say so ("dewi is editing the translation"); saving ends it. The page asks every few
seconds (htmx polling): no server process beyond the app's own, on SQLite too."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

# An edit form left open longer than this no longer counts as someone editing.
EDITING_FOR = datetime.timedelta(minutes=2)


class Editing(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=50)
    since = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "claim"], name="editing_one_field_a_claim")
        ]

    def __str__(self) -> str:
        return f"{self.user} editing {self.field} of #{self.claim_id}"


def started(user, claim, field: str) -> None:
    Editing.objects.update_or_create(
        user=user, claim=claim, defaults={"field": field, "since": timezone.now()}
    )


def stopped(user, claim) -> None:
    Editing.objects.filter(user=user, claim=claim).delete()


def others_editing(claim, user) -> list[Editing]:
    """Everyone but `user` with an edit form of `claim` open lately, first come first."""
    recent = timezone.now() - EDITING_FOR
    return list(
        Editing.objects.filter(claim=claim, since__gte=recent)
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )
