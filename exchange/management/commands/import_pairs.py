"""Import a claim-pairs CSV from the command line: a preview by default, `--apply` to keep it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.imports import PairImporter, read_rows
from exchange.management.importing import importing_user, run


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
        importer_user = importing_user(apply=apply, username=user)
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
        run(self, importer, read_rows(binary), binary, unit="rows", one="Row")

    def _progress(self, rows: int) -> None:
        if self.verbosity > 1:
            self.stderr.write(f"{rows} rows…")
