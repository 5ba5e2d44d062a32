"""What every researcher-edited record shares: a version that guards each save against
someone else's newer one, timestamps, restoring an earlier version, and what a delete would
take with it. No concrete models live here."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.utils.translation import gettext as _

from records.validators import validate_web_url


class WebURLField(models.URLField):
    """A web address: http or https only, and "https://" assumed when a scheme is left out."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class EditConflict(Exception):
    """Someone else saved (or deleted) this record after it was loaded for editing.

    `current` is the record as stored now, or None when it has been deleted meanwhile.
    """

    def __init__(self, current: "Record | None", model: "type[Record] | None" = None):
        self.current = current
        model = model or type(current)
        what = "deleted" if current is None else "changed"
        super().__init__(f"{model._meta.verbose_name} was {what} by someone else meanwhile.")


@dataclass(frozen=True)
class DeletionImpact:
    """What deleting a record would do: what it would take with it, what refuses it."""

    cascaded: dict[str, int] = field(default_factory=dict)  # verbose name plural → count
    holders: Sequence[models.Model] = ()  # records that hold this one (PROTECT/RESTRICT)

    @property
    def allowed(self) -> bool:
        return not self.holders

    @property
    def described_holders(self) -> list[tuple[str, models.Model]]:
        return [(str(holder._meta.verbose_name), holder) for holder in self.holders]


class Record(models.Model):
    """Fields every researcher-edited record carries.

    `version` goes up by one on every save. An edit form carries the version it was loaded
    from and saves with `expected_version`: the save then first moves the stored version on
    only if it is still the one expected (a guarded UPDATE, which also takes the row's write
    lock), all in one transaction, so of two people saving the same version exactly one wins
    and the other gets EditConflict, never a silent overwrite.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, expected_version: int | None = None, **kwargs) -> None:
        if self._state.adding:
            super().save(*args, **kwargs)
            return
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        manager = type(self)._base_manager.db_manager(kwargs.get("using"))
        with transaction.atomic(using=kwargs.get("using")):
            if expected_version is not None:
                claimed = manager.filter(pk=self.pk, version=expected_version).update(
                    version=expected_version + 1
                )
                if not claimed:
                    raise EditConflict(manager.filter(pk=self.pk).first(), type(self))
                self.version = expected_version + 1
            else:
                # Not an edit of a loaded form (re-anchoring, an import, an admin inline): move
                # the version on from the one stored, under the row's lock, not from this
                # possibly stale copy, so that a form loaded before this save is refused.
                stored = (
                    manager.select_for_update()
                    .filter(pk=self.pk)
                    .values_list("version", flat=True)
                    .first()
                )
                self.version = (stored if stored is not None else self.version) + 1
            super().save(*args, **kwargs)

    @transaction.atomic
    def restore_version(self, version, *, reason: str, expected_version: int) -> None:
        """Make this record what it was in `version` (one of its own historical records),
        saved as a new version whose history says why.

        Checked like any edit (`full_clean`: a speaker or source deleted since, a pair now
        taken, a quote no longer in the text are refused with the reason) and guarded like
        any edit: someone else's newer save raises EditConflict.
        """
        if version.instance_type is not type(self) or version.id != self.pk:
            raise ValueError("A record can only go back to one of its own versions.")
        bookkeeping = {"version", "created_at", "updated_at"}
        for model_field in self._meta.concrete_fields:
            if model_field.primary_key or not model_field.editable:
                continue
            if model_field.name not in bookkeeping:
                setattr(self, model_field.attname, getattr(version, model_field.attname))
        for model_field in self._meta.concrete_fields:
            value = getattr(self, model_field.attname)
            target = model_field.related_model
            if value is not None and target and not target._base_manager.filter(pk=value).exists():
                raise ValidationError(
                    _(
                        "the {verbose_name} this version names (#{value}) has been deleted since: recover it first."
                    ).format(verbose_name=model_field.verbose_name, value=value)
                )
        self.full_clean(exclude=sorted(bookkeeping))
        self._change_reason = f"Restored #{version.history_id}: {reason}"[:100]
        try:
            self.save(expected_version=expected_version)
            self.link_as_in(version)
        finally:
            del self._change_reason

    def link_as_in(self, version) -> None:
        """Give this record the many-to-many links (topics, joint speakers…) that
        `version`, one of its historical records, held."""
        for m2m_field in getattr(version, "_history_m2m_fields", ()):
            target = m2m_field.remote_field.model
            wanted = getattr(version, m2m_field.name).values_list(
                m2m_field.m2m_reverse_field_name(), flat=True
            )
            getattr(self, m2m_field.name).set(target._base_manager.filter(pk__in=list(wanted)))

    def deletion_impact(self) -> DeletionImpact:
        """What a delete would do, as admin's delete confirmation works it out (without
        deleting): the records it would take with it, or those that refuse it."""
        collector = NestedObjects(using=router.db_for_write(type(self)))
        collector.collect([self])
        if collector.protected:
            return DeletionImpact(holders=sorted(collector.protected, key=lambda held: held.pk))
        cascaded = {}
        for model, instances in collector.model_objs.items():
            if others := len(instances - {self}):
                cascaded[str(model._meta.verbose_name_plural)] = others
        return DeletionImpact(cascaded=cascaded)
