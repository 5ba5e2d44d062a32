"""Add a source from a web address or a file, as the Add source page does: fetched (or
read), kept as a snapshot, its text and metadata read, saved. Prints the new source's id
and URL."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sources.forms import PreviewForm
from sources.intake import (
    IntakeError,
    fetched_snapshot,
    preview_fields,
    read,
    save_source,
    uploaded_snapshot,
)
from sources.models import Outlet, Source


class Command(BaseCommand):
    help = "Add a source from a URL or a file (HTML, PDF, text, Markdown); print its id and URL."

    def add_arguments(self, parser):
        parser.add_argument("url_or_file")
        parser.add_argument(
            "--outlet",
            default="",
            help="The outlet's name (else matched by the site, or the site's name).",
        )
        parser.add_argument("--language", default="", help="BCP 47 tag (else detected).")
        parser.add_argument("--title", default="")

    def handle(self, *args, url_or_file: str, outlet: str, language: str, title: str, **options):
        try:
            with transaction.atomic():
                source = self._add(url_or_file, outlet=outlet, language=language, title=title)
        except IntakeError as error:
            raise CommandError(error.message) from None
        base = settings.CLAIMTRAIL_BASE_URL.rstrip("/")
        self.stdout.write(f"{source.pk} {base}{source.get_absolute_url()}")

    def _add(self, target: str, *, outlet: str, language: str, title: str) -> Source:
        if target.lower().startswith(("http://", "https://")):
            snapshot, extracted = fetched_snapshot(target)
            fields = preview_fields(extracted, url=snapshot.url)
        else:
            path = Path(target)
            if not path.is_file():
                raise CommandError(f"{target} is neither a web address nor a file.")
            content = path.read_bytes()
            if len(content) > settings.CLAIMTRAIL_FETCH_MAX_BYTES:
                raise CommandError(
                    f"{target} is larger than {settings.CLAIMTRAIL_FETCH_MAX_BYTES // 2**20} MB."
                )
            content_type = mimetypes.guess_type(path.name)[0] or ""
            snapshot = uploaded_snapshot(content, filename=path.name, content_type=content_type)
            try:
                fields = preview_fields(read(snapshot, content))
            except Exception as error:
                message = getattr(error, "message", str(error))
                raise IntakeError(message) from None
        initial = PreviewForm.initial_from(fields)
        if outlet:
            known = Outlet.objects.named(outlet)
            initial["outlet"], initial["new_outlet"] = (known.pk, "") if known else (None, outlet)
        if language:
            initial["language"] = language
        if title:
            initial["title"] = title
        if not initial["title"]:
            initial["title"] = snapshot.filename or snapshot.url or "Untitled"
        if not initial["outlet"] and not initial["new_outlet"]:
            raise CommandError("No outlet could be read from the document: give --outlet NAME.")
        data = {key: value for key, value in initial.items() if value not in (None, "")}
        if "published_at" in data:
            data["published_at"] = data["published_at"].isoformat()
        form = PreviewForm(data)
        if not form.is_valid():
            errors = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in form.errors.items()
            )
            raise CommandError(f"The source could not be saved: {errors}")
        try:
            return save_source(form, snapshot=snapshot, page_starts=fields.get("page_starts"))
        except ValidationError as error:
            raise CommandError(f"The source could not be saved: {error}") from None
