from django.db import connections, models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

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
    """Someone else saved this record after it was loaded for editing."""

    def __init__(self, current: "Record"):
        self.current = current
        super().__init__(f"{current._meta.verbose_name} was changed by someone else meanwhile.")


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
        with transaction.atomic(using=kwargs.get("using")):
            if expected_version is not None:
                manager = type(self)._base_manager
                claimed = manager.filter(pk=self.pk, version=expected_version).update(
                    version=expected_version + 1
                )
                if not claimed:
                    raise EditConflict(manager.get(pk=self.pk))
                self.version = expected_version + 1
            else:
                self.version += 1
            super().save(*args, **kwargs)


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
        return reverse("sources:source-detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember the body as loaded, to know on save whether anchors must be re-checked.
        instance._loaded_body = instance.__dict__.get("body")
        return instance

    def clean(self) -> None:
        if self.language:
            self.language = normalise_language_tag(self.language)
