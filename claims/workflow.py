"""A claim's way through a newsroom, from "to check" to "published": its statuses, the moves
allowed between them and the permission each move needs — the one table the claim page,
the queue and the ClaimReview feed all follow.

Researchers move claims along; only Editors publish, and unpublish (`claims.publish_claim`,
granted by claims 0022). Readers move nothing. A move is an edit of the claim like any
other: version-checked, and in its history with who made it, when and the note given.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CHANGE = "claims.change_claim"
PUBLISH = "claims.publish_claim"


class Status(models.TextChoices):
    TO_CHECK = "to_check", gettext_lazy("To check")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    IN_REVIEW = "in_review", gettext_lazy("In review")
    CHECKED = "checked", gettext_lazy("Checked")
    PUBLISHED = "published", gettext_lazy("Published")
    NOT_CHECKABLE = "not_checkable", gettext_lazy("Not checkable")
    DISMISSED = "dismissed", gettext_lazy("Dismissed")


# From each status: where it may go, and the permission that move needs.
MOVES: dict[str, dict[str, str]] = {
    Status.TO_CHECK: {
        Status.IN_PROGRESS: CHANGE,
        Status.NOT_CHECKABLE: CHANGE,
        Status.DISMISSED: CHANGE,
    },
    Status.IN_PROGRESS: {
        Status.IN_REVIEW: CHANGE,
        Status.TO_CHECK: CHANGE,
        Status.NOT_CHECKABLE: CHANGE,
        Status.DISMISSED: CHANGE,
    },
    Status.IN_REVIEW: {Status.CHECKED: CHANGE, Status.IN_PROGRESS: CHANGE},
    Status.CHECKED: {Status.PUBLISHED: PUBLISH, Status.IN_PROGRESS: CHANGE},
    Status.PUBLISHED: {Status.CHECKED: PUBLISH},  # unpublished: out of the feed again
    Status.NOT_CHECKABLE: {Status.TO_CHECK: CHANGE},
    Status.DISMISSED: {Status.TO_CHECK: CHANGE},
}
# How a move reads on its button, where the status's name alone would not say it.
VERBS = {
    (Status.TO_CHECK, Status.IN_PROGRESS): gettext_lazy("Start checking"),
    (Status.IN_PROGRESS, Status.IN_REVIEW): gettext_lazy("Send to review"),
    (Status.IN_REVIEW, Status.CHECKED): gettext_lazy("Mark as checked"),
    (Status.IN_REVIEW, Status.IN_PROGRESS): gettext_lazy("Send back"),
    (Status.CHECKED, Status.IN_PROGRESS): gettext_lazy("Reopen"),
    (Status.CHECKED, Status.PUBLISHED): gettext_lazy("Publish"),
    (Status.PUBLISHED, Status.CHECKED): gettext_lazy("Unpublish"),
    (Status.NOT_CHECKABLE, Status.TO_CHECK): gettext_lazy("Reopen"),
    (Status.DISMISSED, Status.TO_CHECK): gettext_lazy("Reopen"),
}
# Work still to be done: what the queue counts as open.
OPEN = (Status.TO_CHECK, Status.IN_PROGRESS, Status.IN_REVIEW)


def is_overdue(status: str, due_on: datetime.date | None) -> bool:
    """Open work past its due date (a checked or dismissed claim is never late)."""
    return status in OPEN and due_on is not None and due_on < timezone.localdate()


def overdue() -> Q:
    """`is_overdue` as a filter of claims."""
    return Q(status__in=OPEN, due_on__lt=timezone.localdate())


@dataclass(frozen=True)
class Move:
    to: str
    label: str
    publishes: bool  # publishing or unpublishing: the feed changes


def moves_for(status: str, user) -> list[Move]:
    """The moves `user` may make from `status`, in the table's order."""
    return [
        Move(to, VERBS.get((status, to), Status(to).label), permission == PUBLISH)
        for to, permission in MOVES.get(status, {}).items()
        if user.has_perm(permission)
    ]


def check_move(status: str, to: str, user) -> None:
    """Refuse a move the table does not have (ValidationError) or the user may not make
    (PermissionDenied), saying why."""
    if to not in MOVES.get(status, {}):
        raise ValidationError(
            _("A claim that is “{label}” cannot become “{value}”.").format(
                label=Status(status).label, value=Status(to).label if to in Status.values else to
            )
        )
    if not user.has_perm(MOVES[status][to]):
        raise PermissionDenied(
            "Only Editors publish and unpublish."
            if MOVES[status][to] == PUBLISH
            else "You can read and export, but not change records: only Researchers can."
        )
