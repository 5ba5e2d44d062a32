from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from config.links import record_url
from sources.search import Fold, clean_query, fold, text_search, tsquery_text
from sources.signals import body_changed
from sources.validators import (
    normalise_language_tag,
    validate_country_code,
    validate_language_tag,
    validate_web_url,
)


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
                    f"the {model_field.verbose_name} this version names (#{value}) has "
                    "been deleted since: recover it first."
                )
        self.full_clean(exclude=sorted(bookkeeping))
        self._change_reason = f"Restored #{version.history_id}: {reason}"[:100]
        try:
            self.save(expected_version=expected_version)
            for m2m_field in version._history_m2m_fields:
                target = m2m_field.remote_field.model
                wanted = getattr(version, m2m_field.name).values_list(
                    m2m_field.m2m_reverse_field_name(), flat=True
                )
                getattr(self, m2m_field.name).set(target._base_manager.filter(pk__in=list(wanted)))
        finally:
            del self._change_reason

    def deletion_impact(self) -> DeletionImpact:
        """Ask Django's deletion collector, without deleting, what a delete would do."""
        collector = Collector(using=router.db_for_write(type(self)), origin=self)
        try:
            collector.collect([self])
        except ProtectedError as refused:
            return DeletionImpact(holders=list(refused.protected_objects))
        except RestrictedError as refused:
            return DeletionImpact(holders=list(refused.restricted_objects))
        cascaded = {}
        for model, instances in collector.data.items():
            others = [instance for instance in instances if instance != self]
            if others:
                cascaded[str(model._meta.verbose_name_plural)] = len(others)
        for queryset in collector.fast_deletes:
            if count := queryset.count():
                name = str(queryset.model._meta.verbose_name_plural)
                cascaded[name] = cascaded.get(name, 0) + count
        return DeletionImpact(cascaded=cascaded)


class Outlet(Record):
    """Who publishes: a newspaper, a wire agency, a government channel, an account."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", "Newspaper or magazine"
        WIRE_AGENCY = "wire_agency", "Wire agency"
        BROADCASTER = "broadcaster", "Broadcaster"
        GOVERNMENT = "government", "Government channel"
        SOCIAL_ACCOUNT = "social_account", "Social-media account"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.NEWSPAPER)
    homepage = WebURLField(max_length=500, blank=True)
    country = models.CharField(
        max_length=2, blank=True, validators=[validate_country_code], help_text="ISO 3166 code"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="outlet_name_unique",
                violation_error_message="An outlet with this name already exists.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("sources:source-list") + f"?outlet={self.pk}"


class SourceQuerySet(models.QuerySet):
    def search(self, query: str):
        """Sources whose title or text match `query`; see `ClaimQuerySet.search`."""
        query = clean_query(query)
        if not query:
            return self
        if connections[self.db].vendor != "postgresql":
            sources = self.alias(title_folded=Fold("title"), body_folded=Fold("body"))
            for word in fold(query).split():
                sources = sources.filter(
                    models.Q(title_folded__contains=word) | models.Q(body_folded__contains=word)
                )
            return sources
        if not tsquery_text(query):
            return self.none()
        matches, rank = text_search("search_vector", query)
        return self.alias(search_rank=rank).filter(matches).order_by("-search_rank", "-pk")

    def for_list(self):
        return self.select_related("outlet").defer("body", "notes")

    def filter_by(
        self, *, q: str = "", outlet: "Outlet | None" = None, kind: str = "", language: str = ""
    ):
        """The sources list's filters; an empty value means "any"."""
        sources = self.search(q)
        if outlet is not None:
            sources = sources.filter(outlet=outlet)
        if kind:
            sources = sources.filter(kind=kind)
        if language:
            sources = sources.filter(language__iexact=language)
        return sources


@dataclass
class Segment:
    """A run of a source's body: plain text, or text covered by one or more highlights."""

    text: str
    start: int
    highlights: list[Any] = field(default_factory=list)  # innermost (latest started) last


def segment_text(text: str, spans: Iterable[Any]) -> list[Segment]:
    """Split `text` into runs at every start and end of the spans, in one pass.

    A span is anything with `anchor_start` and `anchor_end` (character offsets into the
    text); spans without both are skipped, spans reaching past the end are clipped.
    Overlapping spans are allowed: each run carries every span that covers it. Cost is
    O((n + k) log k) for k spans, whatever the length of the text.
    """
    events: list[tuple[int, int, int, Any]] = []  # (offset, 0 = end / 1 = start, order, span)
    for order, span in enumerate(spans):
        start, end = span.anchor_start, span.anchor_end
        if start is None or end is None:
            continue
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end <= start:
            continue
        events.append((start, 1, order, span))
        events.append((end, 0, order, span))
    events.sort(key=lambda event: event[:3])

    segments: list[Segment] = []
    active: dict[int, Any] = {}  # insertion order = start order
    position = 0
    for offset, is_start, order, span in events:
        if offset > position:
            segments.append(Segment(text[position:offset], position, list(active.values())))
            position = offset
        if is_start:
            active[order] = span
        else:
            active.pop(order, None)
    if position < len(text):
        segments.append(Segment(text[position:], position, []))
    return segments


class Source(Record):
    """One document: an article, a wire report, a statement, a post, a transcript."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        WIRE_REPORT = "wire_report", "Wire report"
        OFFICIAL_STATEMENT = "official_statement", "Official statement"
        SOCIAL_POST = "social_post", "Social-media post"
        TRANSCRIPT = "transcript", "Transcript"
        VIDEO = "video", "Video"
        OTHER = "other", "Other"

    title = models.CharField(max_length=500)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ARTICLE)
    url = WebURLField("URL", max_length=2000, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    language = models.CharField(
        max_length=35, validators=[validate_language_tag], help_text="BCP 47 tag: id, en, ru, zh"
    )
    body = models.TextField(
        blank=True,
        help_text="The full text as published. Quotes are anchored and verified against it.",
    )
    archive_url = WebURLField("archive URL", max_length=2000, blank=True)
    retrieved_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["outlet", "-published_at"], name="source_outlet_published"),
            # The list's order, whole: deep pages walk it instead of sorting every source.
            models.Index(fields=["published_at", "id"], name="source_published_id"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~models.Q(url=""),
                name="source_url_unique",
                violation_error_message="A source with this URL already exists.",
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="source_title_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.outlet.name})" if self.outlet_id else self.title

    def save(self, *args, **kwargs) -> None:
        body_was_changed = not self._state.adding and self.body != getattr(
            self, "_loaded_body", self.body
        )
        super().save(*args, **kwargs)
        self._loaded_body = self.body
        if body_was_changed:
            body_changed.send(sender=type(self), source=self)

    def get_absolute_url(self) -> str:
        return record_url("sources:source-detail", self.pk)

    def segments(self, highlights: Iterable[Any]) -> list[Segment]:
        """The body as plain and highlighted runs, for the reader view."""
        return segment_text(self.body, highlights)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # Remember the body as loaded, to know on save whether anchors must be re-checked.
        instance._loaded_body = instance.__dict__.get("body")
        return instance

    def clean(self) -> None:
        if self.language:
            self.language = normalise_language_tag(self.language)
        # Browsers post textareas (admin's too) with CRLF; the reader shows LF only, and a
        # selection's offsets count what it shows.
        self.body = self.body.replace("\r\n", "\n")
