"""Import a claim-pairs CSV from the command line: a preview by default, `--apply` to keep it."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exchange.imports import ImportFileError, ImportRejected, PairImporter, read_rows


class Command(BaseCommand):
    help = (
        "Preview the import of a claim-pairs CSV (what would be created, matched or "
        "rejected, row by row); with --apply, import it in one transaction."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--apply", action="store_true", help="Import the rows (all of them, or none)."
        )
        parser.add_argument(
            "--user", help="Username recorded in the history as the importer (with --apply)."
        )

    def handle(self, *args, file: Path, apply: bool, user: str | None, **options) -> None:
        self.verbosity = options["verbosity"]
        importer_user = None
        if apply:
            if not user:
                raise CommandError("Say who imports with --user USERNAME; history records it.")
            try:
                importer_user = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user named “{user}”.") from None
        try:
            binary = file.open("rb")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        importer = PairImporter(
            apply=apply,
            user=importer_user,
            reason=f"Imported from {file.name} (import_pairs)",
            progress=self._progress if apply else None,
        )
        try:
            with binary, transaction.atomic():
                for result in importer.run(read_rows(binary)):
                    for problem in result.problems:
                        self.stderr.write(f"Row {result.number}: {problem}")
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        except ImportRejected as rejected:
            raise CommandError(
                f"Nothing was imported: {len(rejected.problems)} problem(s) in the rows above."
            ) from None
        verb = "Imported" if apply else "Preview (nothing written; --apply to import)"
        self.stdout.write(f"{verb}: {importer.rows} rows.")
        for kind, count in importer.counts().items():
            self.stdout.write(f"  {kind}: {count['create']} new, {count['match']} matched")
        if importer.problems:
            raise CommandError(
                f"{len({number for number, _ in importer.problems})} row(s) rejected; "
                "fix them and run again."
            )

    def _progress(self, rows: int) -> None:
        if self.verbosity > 1:
            self.stderr.write(f"{rows} rows…")
