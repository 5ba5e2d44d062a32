"""Import ClaimReview markup from the command line: a preview by default, `--apply` to keep
it (all reviews, or none)."""

import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.claimreview_import import MAX_BYTES, ClaimReviewImporter, read_reviews
from exchange.management.importing import importing_user, run
from sources.fetching import FetchError, fetch


class Command(BaseCommand):
    help = (
        "Preview the import of ClaimReview markup (a .jsonld/.json file, a DataFeed, an HTML "
        "page that embeds it, Google Fact Check Tools JSON, or a page's http(s) address): "
        "what would be created, matched or rejected, review by review; with --apply, import "
        "it in one transaction."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="A file, or the http(s) address of a page.")
        parser.add_argument(
            "--apply", action="store_true", help="Import the reviews (all of them, or none)."
        )
        parser.add_argument(
            "--user", help="Username recorded in the history as the importer (with --apply)."
        )

    def handle(self, *args, file: str, apply: bool, user: str | None, **options) -> None:
        importer_user = importing_user(apply=apply, username=user)
        if file.startswith(("http://", "https://")):
            try:
                binary, name = io.BytesIO(fetch(file, max_bytes=MAX_BYTES).content), file
            except FetchError as error:
                raise CommandError(error.message) from None
        else:
            try:
                with Path(file).open("rb") as opened:
                    binary, name = io.BytesIO(opened.read(MAX_BYTES + 1)), Path(file).name
            except OSError as error:
                raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        importer = ClaimReviewImporter(
            apply=apply, user=importer_user, reason=f"Imported from {name} (import_claimreview)"
        )
        run(self, importer, read_reviews(binary), binary, unit="reviews", one="Review")
