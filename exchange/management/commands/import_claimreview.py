"""Import ClaimReview markup from the command line: a preview by default, `--apply` to keep
it (all reviews, or none)."""

import io
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exchange.claimreview_import import MAX_BYTES, ClaimReviewImporter, read_reviews
from exchange.imports import ImportFileError, ImportRejected
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
        importer_user = None
        if apply:
            if not user:
                raise CommandError("Say who imports with --user USERNAME; history records it.")
            try:
                importer_user = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user named “{user}”.") from None
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
        try:
            with binary, transaction.atomic():
                for result in importer.run(read_reviews(binary)):
                    for problem in result.problems:
                        self.stderr.write(f"Review {result.number}: {problem}")
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        except ImportRejected as rejected:
            raise CommandError(
                f"Nothing was imported: {len(rejected.problems)} problem(s) in the reviews above."
            ) from None
        verb = "Imported" if apply else "Preview (nothing written; --apply to import)"
        rejected = len({number for number, _ in importer.problems})
        self.stdout.write(f"{verb}: {importer.rows} reviews, {rejected} rejected.")
        for kind, count in importer.counts().items():
            self.stdout.write(f"  {kind}: {count['create']} new, {count['match']} matched")
        if rejected:
            raise CommandError(f"{rejected} review(s) rejected; nothing can be imported yet.")
