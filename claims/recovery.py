"""Bringing back deleted claims and sources together with what went with them.

What "deleted together" means: django-simple-history writes one "-" row for every deleted
record, stamped with the signed-in user and the moment of its `post_delete` signal.
Deleting a claim cascades to its citations and relations inside the same request, so their
"-" rows carry the same user and a `history_date` within a moment of the claim's own.
We take the rows of the same user within DELETION_WINDOW of the record's deletion. A
relation also comes back when it went with the *other* claim of its pair, once both are
back (restore order must not matter). Rows deleted on their own — by someone else, or at
another time — were a decision of their own and stay deleted.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from claims.models import Citation, Claim, ClaimRelation, Hop, Speaker
from sources.models import Outlet, Source

DELETION_WINDOW = timedelta(seconds=10)


class AlreadyRestored(ValidationError):
    """Someone brought the record back first, perhaps a moment ago: nothing left to do."""


@dataclass
class Restored:
    record: models.Model
    citations: int = 0
    relations: int = 0
    left_out: list[str] = field(default_factory=list)


def latest_deletions(model: type[models.Model]):
    """The "-" rows of records that are still deleted (nothing recorded after them)."""
    history = model.history.model
    later = history.objects.filter(
        id=models.OuterRef("id"), history_date__gt=models.OuterRef("history_date")
    )
    return (
        model.history.filter(history_type="-")
        .filter(~models.Exists(later))
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


def _deleted_with(model, deletion, **lookups):
    """Rows of `model` deleted by the same user at about the same time as `deletion`."""
    return latest_deletions(model).filter(
        history_user_id=deletion.history_user_id,
        history_date__gte=deletion.history_date - DELETION_WINDOW,
        history_date__lte=deletion.history_date + DELETION_WINDOW,
        **lookups,
    )


def _last_name(model, pk: int) -> str:
    last = model.history.filter(id=pk).order_by("-history_date").first()
    return str(getattr(last, "name", None) or f"#{pk}")


def _bring_back(deletion, reason: str) -> models.Model:
    record = deletion.instance
    record._change_reason = reason[:100]
    record.full_clean(validate_unique=False, validate_constraints=False)
    created = getattr(record, "created_at", None)
    with transaction.atomic():
        record.save(force_insert=True)
        if created is not None:
            # auto_now_add stamped the insert: the record was made when it was first made.
            type(record)._base_manager.filter(pk=record.pk).update(created_at=created)
            record.created_at = created
    return record


def _bring_back_first(deletion, reason: str) -> models.Model:
    """The restored record itself. Two restores at the same moment both find it deleted;
    the second insert then meets the first's row (its primary key): already done."""
    try:
        return _bring_back(deletion, reason)
    except IntegrityError:
        name = deletion.instance._meta.verbose_name
        raise AlreadyRestored(f"This {name} has already been restored.") from None


def _link_as_before(record: models.Model, deletion) -> None:
    """The "-" row is written after the many-to-many links are gone (topics, joint
    speakers): the version before it holds them."""
    before = (
        type(record)
        .history.filter(id=record.pk, history_date__lt=deletion.history_date)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if before is not None:
        record.link_as_in(before)


def _bring_back_or_say_why(row, reason: str, result: Restored, what: str) -> bool:
    """Restore one dependent row in a savepoint of its own; if it cannot come back (a
    constraint refuses it now), leave it out and say why, and restore the rest."""
    try:
        with transaction.atomic():
            _bring_back(row, reason)
    except (ValidationError, IntegrityError) as error:
        result.left_out.append(f"{what}: {error}")
        return False
    return True


def _restore_citations(rows, reason: str, result: Restored) -> None:
    """Restore relayed citations before the ones that relay them (`via` must exist)."""
    pending = list(rows)
    while pending:
        ready = [
            row
            for row in pending
            if row.via_id is None or Citation.objects.filter(pk=row.via_id).exists()
        ]
        if not ready:
            break
        for row in ready:
            pending.remove(row)
            if not Claim.objects.filter(pk=row.claim_id).exists():
                result.left_out.append(
                    f"the citation of claim #{row.claim_id}: that claim is deleted"
                )
                continue
            if not Source.objects.filter(pk=row.source_id).exists():
                result.left_out.append(
                    f"the citation from source #{row.source_id}: that source is deleted too"
                )
                continue
            if _bring_back_or_say_why(row, reason, result, f"the citation “{row.quote[:40]}”"):
                result.citations += 1
                # Its hops went with it.
                for hop in _deleted_with(Hop, row, citation_id=row.id).order_by("position"):
                    _bring_back_or_say_why(hop, reason, result, f"the hop “{hop.name[:40]}”")
    for row in pending:
        result.left_out.append(
            f"the citation “{row.quote[:40]}”: the citation it relays is deleted"
        )


def _check_restorable(model, pk: int, *, parent, parent_id: int) -> None:
    """Refuse a restore that is done already, or whose parent (a claim's speaker, a
    source's outlet) is deleted too, saying what to recover first."""
    name, parent_name = model._meta.verbose_name, parent._meta.verbose_name
    if model.objects.filter(pk=pk).exists():
        raise AlreadyRestored(f"This {name} has already been restored.")
    if not parent.objects.filter(pk=parent_id).exists():
        plural = parent._meta.verbose_name_plural
        raise ValidationError(
            _(
                "Its {parent_name} “{last_name}” has been deleted too. Recover the {parent_name} first (admin → {capitalize} → History → Recover deleted {plural}), then restore this {name}."
            ).format(
                parent_name=parent_name,
                last_name=_last_name(parent, parent_id),
                capitalize=plural.capitalize(),
                plural=plural,
                name=name,
            )
        )


@transaction.atomic
def restore_deleted_claim(deletion, *, reason: str) -> Restored:
    """Bring a deleted claim back with its topics, citations and relations."""
    pk = deletion.id
    _check_restorable(Claim, pk, parent=Speaker, parent_id=deletion.speaker_id)
    claim = _bring_back_first(deletion, reason)
    result = Restored(claim)
    _link_as_before(claim, deletion)

    _restore_citations(_deleted_with(Citation, deletion, claim_id=pk), reason, result)

    relations = latest_deletions(ClaimRelation).filter(
        models.Q(claim_id=pk) | models.Q(counter_id=pk)
    )
    for row in relations:
        other = row.counter_id if row.claim_id == pk else row.claim_id
        together = _deleted_with(ClaimRelation, deletion, history_id=row.history_id).exists()
        if not together:
            # Did it go with the other claim, which is back already?
            other_deletion = (
                Claim.history.filter(id=other, history_type="-").order_by("-history_date").first()
            )
            together = other_deletion is not None and (
                _deleted_with(ClaimRelation, other_deletion, history_id=row.history_id).exists()
            )
        if not together:
            continue
        if not Claim.objects.filter(pk=other).exists():
            result.left_out.append(
                f"its relation to claim #{other}: that claim is deleted too "
                "(restoring it later brings the relation back)"
            )
            continue
        if _bring_back_or_say_why(row, reason, result, f"its relation to claim #{other}"):
            result.relations += 1
    claim._change_reason = None
    return result


@transaction.atomic
def restore_deleted_source(deletion, *, reason: str) -> Restored:
    """Bring a deleted source back, with citations of it deleted in the same go."""
    pk = deletion.id
    _check_restorable(Source, pk, parent=Outlet, parent_id=deletion.outlet_id)
    source = _bring_back_first(deletion, reason)
    result = Restored(source)
    _restore_citations(_deleted_with(Citation, deletion, source_id=pk), reason, result)
    return result


def bring_back_deleted(model, pk: int, *, reason: str) -> models.Model:
    """One deleted record as it was, with its id, and its many-to-many links as the version
    before its deletion held them (a merge's undoing: it knows exactly which rows)."""
    deletion = latest_deletions(model).filter(id=pk).first()
    if deletion is None:
        if model.objects.filter(pk=pk).exists():
            raise AlreadyRestored(f"This {model._meta.verbose_name} is here already.")
        raise ValidationError(
            _("No deletion of {verbose_name} #{pk} is recorded.").format(
                verbose_name=model._meta.verbose_name, pk=pk
            )
        )
    record = _bring_back_first(deletion, reason)
    _link_as_before(record, deletion)
    record._change_reason = None
    return record
