import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections, models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from records.dates import validate_datetime_in_range, within_range
from records.links import record_url
from records.models import Record, WebURLField
from records.search import Fold, clean_query, text_search, tsquery_text
from records.text import fold
from records.validators import (
    normalise_language_tag,
    validate_country_code,
    validate_language_tag,
)
from sources.extraction import page_of
from sources.identity import site_domain, site_host, text_key, url_key
from sources.signals import outlet_renamed, source_changed


class OutletQuerySet(models.QuerySet):
    def named(self, name: str) -> "Outlet | None":
        """The outlet of this name, case, accents and spacing aside (`records.text.fold`).
        A newsroom knows a few hundred outlets: they are compared in Python, where the one
        fold is."""
        wanted = fold(name)
        if not wanted:
            return None
        exact = self.filter(name__iexact=name.strip()).order_by("pk").first()
        if exact is not None:
            return exact
        return next(
            (outlet for outlet in self.order_by("pk").iterator() if fold(outlet.name) == wanted),
            None,
        )

    def for_site(self, url: str) -> "Outlet | None":
        """The outlet whose homepage is on the site of `url`: one whose homepage is a
        part of the site holding the address (t.me/mod_russia for a post of that channel),
        else the same host (mirrors aside, `sources.identity.site_host`), else the same
        registered domain (internasional.kontan.co.id is Kontan's kontan.co.id)."""
        host, domain = site_host(url), site_domain(url)
        if not host:
            return None
        path = urlsplit(url.strip()).path.rstrip("/") + "/"
        best, best_rank = None, 0
        for outlet in self.exclude(homepage="").order_by("pk").iterator():
            homepage_path = urlsplit(outlet.homepage).path.rstrip("/") + "/"
            if homepage_path != "/":
                rank = (
                    3
                    if site_host(outlet.homepage) == host and path.startswith(homepage_path)
                    else 0
                )
            elif site_host(outlet.homepage) == host:
                rank = 2
            else:
                rank = 1 if site_domain(outlet.homepage) == domain else 0
            if rank > best_rank:
                best, best_rank = outlet, rank
        return best


class Outlet(Record):
    """Who publishes: a newspaper, a wire agency, a government channel, an account."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("Newspaper or magazine")
        WIRE_AGENCY = "wire_agency", _("Wire agency")
        BROADCASTER = "broadcaster", _("Broadcaster")
        GOVERNMENT = "government", _("Government channel")
        SOCIAL_ACCOUNT = "social_account", _("Social-media account")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, verbose_name=_("name"))
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.NEWSPAPER, verbose_name=_("kind")
    )
    homepage = WebURLField(max_length=500, blank=True, verbose_name=_("homepage"))
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text=_("ISO 3166 code"),
        verbose_name=_("country"),
    )

    history = HistoricalRecords()
    objects = OutletQuerySet.as_manager()

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="outlet_name_unique",
                violation_error_message=_("An outlet with this name already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("sources:source-list") + f"?outlet={self.pk}"

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_name = instance.__dict__.get("name")
        return instance

    def save(self, *args, **kwargs) -> None:
        loaded = getattr(self, "_loaded_name", None)
        super().save(*args, **kwargs)
        self._loaded_name = self.name
        if loaded is not None and loaded != self.name:
            outlet_renamed.send(sender=type(self), outlet=self)


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
        ARTICLE = "article", _("Article")
        WIRE_REPORT = "wire_report", _("Wire report")
        OFFICIAL_STATEMENT = "official_statement", _("Official statement")
        SOCIAL_POST = "social_post", _("Social-media post")
        TRANSCRIPT = "transcript", _("Transcript")
        VIDEO = "video", _("Video")
        OTHER = "other", _("Other")

    title = models.CharField(max_length=500, verbose_name=_("title"))
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        related_name="sources",
        verbose_name=_("outlet"),
    )
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.ARTICLE, verbose_name=_("kind")
    )
    url = WebURLField(_("URL"), max_length=2000, blank=True, db_index=True)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_datetime_in_range],
        verbose_name=_("published at"),
    )
    language = models.CharField(
        max_length=35,
        validators=[validate_language_tag],
        help_text=_("BCP 47 tag: id, en, ru, zh"),
        verbose_name=_("language"),
    )
    body = models.TextField(
        blank=True,
        help_text=_("The full text as published. Quotes are anchored and verified against it."),
        verbose_name=_("body"),
    )
    archive_url = WebURLField(_("archive URL"), max_length=2000, blank=True)
    # A date alone is a date: the page said the day, not the hour. `published_at` then
    # holds that day at 00:00 UTC, to sort by, and no page shows the hour.
    published_date_only = models.BooleanField(default=False, editable=False)
    retrieved_at = models.DateTimeField(
        null=True,
        blank=True,
        validators=[validate_datetime_in_range],
        verbose_name=_("retrieved at"),
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    # The snapshot the body was read from, the latest fetch (citations anchored now are
    # anchored in it).
    snapshot = models.ForeignKey(
        "Snapshot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # When a fetch again found the page gone (404, 410), and what it answered.
    gone_since = models.DateTimeField(null=True, blank=True, editable=False)
    gone_status = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    # Where each page of a PDF starts in the body, so a passage's locator says "p. 3".
    page_starts = models.JSONField(default=list, blank=True, editable=False)
    # Derived on save (sources.identity), to find the same document entered twice.
    url_key = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    text_key = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    history = HistoricalRecords(
        excluded_fields=["url_key", "text_key", "page_starts", "gone_since", "gone_status"]
    )
    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
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
                violation_error_message=_("A source with this URL already exists."),
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="source_title_not_empty"),
            within_range("published_at", name="source_published_in_range"),
            within_range("retrieved_at", name="source_retrieved_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.outlet.name})" if self.outlet_id else self.title

    # What others depend on (see `source_changed`), as loaded from the database.
    WATCHED = {"body": "body", "published_at": "published_at", "outlet": "outlet_id"}

    def refresh_keys(self) -> None:
        self.url_key, self.text_key = url_key(self.url), text_key(self.body)

    def save(self, *args, **kwargs) -> None:
        loaded = getattr(self, "_loaded", None)
        self.refresh_keys()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "url_key", "text_key"}
        super().save(*args, **kwargs)
        changed = {
            name
            for name, attname in self.WATCHED.items()
            if loaded is not None
            and attname in loaded
            and loaded[attname] != getattr(self, attname)
        }
        self._loaded = {attname: getattr(self, attname) for attname in self.WATCHED.values()}
        if changed:
            source_changed.send(sender=type(self), source=self, changed=changed)

    def get_absolute_url(self) -> str:
        return record_url("sources:source-detail", self.pk)

    @property
    def published(self) -> "datetime.date | datetime.datetime | None":
        """What the source says of its publication: a date when only the day is known,
        else the moment."""
        if self.published_at is None:
            return None
        return self.published_at.date() if self.published_date_only else self.published_at

    @published.setter
    def published(self, value: "datetime.date | datetime.datetime | None") -> None:
        """A date stays a date (kept as that day at 00:00 UTC, to sort by); a moment stays
        a moment."""
        if isinstance(value, datetime.datetime) or value is None:
            self.published_at, self.published_date_only = value, False
        else:
            self.published_at = datetime.datetime.combine(value, datetime.time.min, datetime.UTC)
            self.published_date_only = True

    def locator_at(self, offset: int | None) -> str:
        """The page a passage at `offset` of the body stands on, for a PDF: "p. 3"."""
        page = page_of(self.page_starts, offset) if offset is not None else None
        return f"p. {page}" if page else ""

    def segments(self, highlights: Iterable[Any]) -> list[Segment]:
        """The body as plain and highlighted runs, for the reader view."""
        return segment_text(self.body, highlights)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # Remember what others depend on as loaded, to tell them on save what changed.
        instance._loaded = {
            attname: instance.__dict__[attname]
            for attname in cls.WATCHED.values()
            if attname in instance.__dict__
        }
        return instance

    def clean(self) -> None:
        if self.language:
            self.language = normalise_language_tag(self.language)
        # Browsers post textareas (admin's too) with CRLF; the reader shows LF only, and a
        # selection's offsets count what it shows.
        self.body = self.body.replace("\r\n", "\n")


def snapshot_path(snapshot: "Snapshot", filename: str) -> str:
    """Where a snapshot's bytes are stored: by day, named by their hash (never by what a
    site or an upload calls them)."""
    day = snapshot.fetched_at or timezone.now()
    return f"snapshots/{day:%Y/%m/%d}/{snapshot.sha256}"


class Snapshot(models.Model):
    """The bytes of a page or a file as they were fetched or uploaded, with their hash:
    what a source said when it was cited. A source has one per fetch; a citation names
    the one it was anchored in. Kept through Django's storage (a folder under var/ by
    default)."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, null=True, blank=True, related_name="snapshots"
    )
    file = models.FileField(upload_to=snapshot_path, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100, blank=True)
    url = models.URLField(
        _("URL"),
        max_length=2000,
        blank=True,
        help_text=_("Where it was fetched from (after redirects)."),
    )
    filename = models.CharField(
        max_length=255, blank=True, help_text=_("The uploaded file's name.")
    )
    fetched_at = models.DateTimeField(default=timezone.now)
    # The text read from these bytes then, and where each PDF page starts in it.
    text = models.TextField(blank=True)
    page_starts = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-fetched_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.fetched_at:%Y-%m-%d %H:%M} UTC · {self.sha256[:12]}"

    def get_absolute_url(self) -> str:
        return reverse("sources:snapshot-download", args=[self.pk])

    @property
    def download_name(self) -> str:
        extension = {
            "text/html": "html",
            "application/xhtml+xml": "html",
            "application/pdf": "pdf",
            "text/markdown": "md",
        }.get(self.content_type, "txt")
        return f"snapshot-{self.pk}-{self.fetched_at:%Y%m%dT%H%M%SZ}.{extension}"


class SourceFetch(models.Model):
    """A document on its way in, or a source being fetched again: queued, read by a task
    (`sources.tasks`), then previewed and saved, or refused with the reason."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be fetched")
        RUNNING = "running", _("Fetching")
        READY = "ready", _("Ready to check")
        FAILED = "failed", _("Failed, nothing kept")
        SAVED = "saved", _("Saved")

    class Purpose(models.TextChoices):
        ADD = "add", _("Add a source")
        RECHECK = "recheck", _("Fetch a source again")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    purpose = models.CharField(max_length=10, choices=Purpose, default=Purpose.ADD)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    error = models.TextField(blank=True)
    snapshot = models.ForeignKey(
        Snapshot, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The interface language of whoever asked for the fetch: the task, which has no
    # request, writes its refusal in it (`sources.tasks`).
    language = models.CharField(max_length=10, blank=True, default="")
    # What was read: the preview's fields (sources.intake.Extracted as JSON); for a
    # recheck, what it found.
    extracted = models.JSONField(default=dict, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.url or self.filename or f"fetch {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("sources:fetch-detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status not in {self.Status.QUEUED, self.Status.RUNNING}
