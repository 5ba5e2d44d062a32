"""A document's way in: fetched or uploaded, kept as a snapshot, read, previewed, saved as a
source; and a source fetched again to see whether its text changed since it was cited.

The web and the readers are `sources.fetching` and `sources.extraction`; this module keeps
what they bring (the snapshot, the preview's fields) and turns it into records."""

import datetime
import hashlib
import logging
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sources.extraction import Extracted, ExtractionError, extract, sniffed_format
from sources.fetching import FetchError, fetch
from sources.models import Outlet, Snapshot, Source, SourceFetch

logger = logging.getLogger(__name__)


class IntakeError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def keep_snapshot(
    content: bytes,
    *,
    content_type: str = "",
    url: str = "",
    filename: str = "",
    fetched_at: datetime.datetime | None = None,
    user=None,
) -> Snapshot:
    """Store the bytes through Django's storage, with their hash, size and type."""
    snapshot = Snapshot(
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        content_type=content_type[:100],
        url=url[:2000],
        filename=filename[:255],
        fetched_at=fetched_at or timezone.now(),
        created_by=user,
    )
    snapshot.file.save(snapshot.sha256, ContentFile(content), save=False)
    snapshot.save()
    return snapshot


def read(snapshot: Snapshot, content: bytes, *, charset: str = "") -> Extracted:
    extracted = extract(
        content,
        content_type=snapshot.content_type,
        charset=charset,
        url=snapshot.url,
        filename=snapshot.filename,
    )
    snapshot.text, snapshot.page_starts = extracted.body, extracted.page_starts
    snapshot.save(update_fields=["text", "page_starts"])
    return extracted


def fetched_snapshot(url: str, *, user=None) -> tuple[Snapshot, Extracted]:
    """Fetch `url`, keep what came as a snapshot, and read it. Raises `IntakeError`."""
    try:
        fetched = fetch(url)
    except FetchError as error:
        raise IntakeError(error.message) from None
    try:
        # Refuse what no reader takes before keeping it (an image, a ZIP).
        extracted = extract(
            fetched.content,
            content_type=fetched.content_type,
            charset=fetched.charset,
            url=fetched.final_url,
        )
    except ExtractionError as error:
        raise IntakeError(error.message) from None
    snapshot = keep_snapshot(
        fetched.content,
        content_type=fetched.content_type or _type_of(extracted),
        url=fetched.final_url,
        fetched_at=fetched.fetched_at,
        user=user,
    )
    snapshot.text, snapshot.page_starts = extracted.body, extracted.page_starts
    snapshot.save(update_fields=["text", "page_starts"])
    return snapshot, extracted


def uploaded_snapshot(content: bytes, *, filename: str, content_type: str, user=None) -> Snapshot:
    """Keep an uploaded file, once its first bytes show a reader takes it; the task reads
    it (a long PDF takes a while)."""
    try:
        kind = sniffed_format(content, content_type, filename)
    except ExtractionError as error:
        raise IntakeError(error.message) from None
    media = {"html": "text/html", "pdf": "application/pdf"}.get(kind, content_type or "text/plain")
    if kind == "text" and filename.lower().endswith((".md", ".markdown")):
        media = "text/markdown"
    return keep_snapshot(content, content_type=media, filename=filename, user=user)


def _type_of(extracted: Extracted) -> str:
    return {"html": "text/html", "pdf": "application/pdf"}.get(extracted.format, "text/plain")


def preview_fields(extracted: Extracted, *, url: str = "") -> dict:
    """The preview form's initial values, as JSON: what a researcher would enter."""
    page_url = extracted.canonical_url or url
    outlet = Outlet.objects.for_site(page_url) if page_url else None
    published = extracted.published
    return {
        "title": extracted.title[:500],
        "author": extracted.author,
        "site_name": extracted.site_name,
        "url": page_url,
        "language": extracted.language,
        "body": extracted.body,
        "published": published.isoformat() if published else "",
        "date_only": isinstance(published, datetime.date)
        and not isinstance(published, datetime.datetime),
        "outlet": outlet.pk if outlet else None,
        "new_outlet": "" if outlet else (extracted.site_name or "")[:200],
        "format": extracted.format,
        "page_starts": extracted.page_starts,
    }


def run_fetch(source_fetch: SourceFetch) -> SourceFetch:
    """The task's work for a fetch or an upload waiting in `source_fetch`."""
    SourceFetch.objects.filter(pk=source_fetch.pk).update(status=SourceFetch.Status.RUNNING)
    try:
        if source_fetch.purpose == SourceFetch.Purpose.RECHECK:
            outcome = recheck(source_fetch.source, user=source_fetch.owner)
            source_fetch.extracted = outcome
            source_fetch.snapshot_id = outcome.get("snapshot")
        elif source_fetch.snapshot_id:  # an upload: its bytes were kept when it came
            snapshot = source_fetch.snapshot
            with snapshot.file.open("rb") as file:
                content = file.read()
            source_fetch.extracted = preview_fields(read(snapshot, content))
        else:
            snapshot, extracted = fetched_snapshot(source_fetch.url, user=source_fetch.owner)
            source_fetch.snapshot = snapshot
            source_fetch.extracted = preview_fields(extracted, url=snapshot.url)
        source_fetch.status = SourceFetch.Status.READY
        source_fetch.error = ""
    except (IntakeError, ExtractionError) as error:
        source_fetch.status, source_fetch.error = SourceFetch.Status.FAILED, error.message
    except DatabaseError:
        raise
    except Exception as error:  # whatever else a document does, the page must say so
        logger.exception("Fetch %s failed", source_fetch.pk)
        source_fetch.status = SourceFetch.Status.FAILED
        source_fetch.error = _(
            "The document could not be read ({error}). Nothing was kept. "
            "Try again, or paste its text."
        ).format(error=error.__class__.__name__)
    source_fetch.save(update_fields=["status", "error", "extracted", "snapshot"])
    return source_fetch


def site_root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else ""


@transaction.atomic
def save_source(form, *, snapshot: Snapshot | None, page_starts: list[int] | None = None) -> Source:
    """Save the previewed source (the form holds what the researcher checked) and give it
    its snapshot; the PDF's page offsets hold only while the body is the one read. A new
    outlet gets the site's address as its homepage, so the site's next page finds it."""
    outlet = form.cleaned_data.get("outlet")
    address = form.cleaned_data.get("url") or (snapshot.url if snapshot is not None else "")
    if outlet is not None and outlet.pk is None and not outlet.homepage and address:
        outlet.homepage = site_root(address)
    source = form.save(commit=False)
    if snapshot is not None:
        source.retrieved_at = source.retrieved_at or snapshot.fetched_at
        if page_starts and source.body == snapshot.text:
            source.page_starts = page_starts
    form.save()
    if snapshot is not None:
        snapshot.source = source
        snapshot.save(update_fields=["source"])
        Source.objects.filter(pk=source.pk).update(snapshot=snapshot)
        source.snapshot = snapshot
    return source


@transaction.atomic
def recheck(source: Source, *, user=None) -> dict:
    """Fetch `source` again. When its text changed: a new snapshot, the source's body
    replaced by the new text (which re-anchors every citation, `claims.receivers`), and
    each quote not found any more is flagged changed since cited, its citation keeping
    the snapshot it was found in. A page gone (404, 410) is flagged on the source."""
    if not source.url:
        raise IntakeError(_("This source has no URL to fetch it again from."))
    try:
        fetched = fetch(source.url)
    except FetchError as error:
        if error.gone:
            Source.objects.filter(pk=source.pk, gone_since__isnull=True).update(
                gone_since=timezone.now(), gone_status=error.status
            )
            return {"outcome": "gone", "status": error.status, "message": error.message}
        raise IntakeError(error.message) from None
    Source.objects.filter(pk=source.pk).update(gone_since=None, gone_status=None)
    try:
        extracted = extract(
            fetched.content,
            content_type=fetched.content_type,
            charset=fetched.charset,
            url=fetched.final_url,
        )
    except ExtractionError as error:
        raise IntakeError(error.message) from None
    current = source.snapshot
    if current is not None and current.sha256 == hashlib.sha256(fetched.content).hexdigest():
        return {"outcome": "unchanged", "snapshot": current.pk}
    snapshot = keep_snapshot(
        fetched.content,
        content_type=fetched.content_type or _type_of(extracted),
        url=fetched.final_url,
        fetched_at=fetched.fetched_at,
        user=user,
    )
    snapshot.source, snapshot.text, snapshot.page_starts = (
        source,
        extracted.body,
        extracted.page_starts,
    )
    snapshot.save(update_fields=["source", "text", "page_starts"])
    if current is None or extracted.body == source.body:
        # The same text in new bytes (an advert changed), or the first snapshot of a source
        # entered by hand, whose text is the researcher's and stays: quotes found in it
        # stand in this snapshot.
        Source.objects.filter(pk=source.pk).update(snapshot=snapshot)
        source.snapshot = snapshot
        source.citations.exclude(verification__in=["not_found", "no_text"]).update(
            snapshot=snapshot
        )
        outcome = "first_snapshot" if current is None else "same_text"
        return {"outcome": outcome, "snapshot": snapshot.pk}
    source = Source.objects.select_for_update().get(pk=source.pk)
    source.snapshot = snapshot
    source.body = extracted.body
    source.page_starts = extracted.page_starts
    source.retrieved_at = fetched.fetched_at
    source.save()  # the body changed: every citation is anchored again (source_changed)
    changed = source.citations.filter(verification="not_found", snapshot__isnull=False)
    return {
        "outcome": "changed",
        "snapshot": snapshot.pk,
        "changed_since_cited": list(changed.values_list("pk", flat=True)),
    }
