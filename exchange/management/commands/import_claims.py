"""Import any CSV of claims from the command line, through a column mapping: a preview by
default, `--apply` to keep it (all rows, or none)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.management.importing import importing_user, run
from exchange.models import ImportMapping
from exchange.table_import import (
    FIELDS,
    ClaimsImporter,
    mapping_problems,
    parse_columns,
    parse_labels,
    read_table,
)


class Command(BaseCommand):
    help = (
        "Preview the import of a CSV of claims (one claim a row, a counter-claim if mapped) "
        "read through a column mapping: a saved one (--mapping NAME) or one given here "
        f"(--columns FIELD=COLUMN,…; fields: {', '.join(FIELDS)}); with --apply, import it in "
        "one transaction."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--mapping", help="The name of a saved mapping.")
        which.add_argument("--columns", help="FIELD=COLUMN,… e.g. text=statement,speaker=speaker")
        parser.add_argument(
            "--labels",
            default="",
            help="LABEL=RATING,… e.g. pants-fire=false,barely-true=misleading",
        )
        parser.add_argument("--save-as", help="Save the --columns and --labels under this name.")
        parser.add_argument("--apply", action="store_true", help="Import the rows (all, or none).")
        parser.add_argument("--user", help="Username recorded in the history (with --apply).")

    def handle(self, *args, file: Path, apply: bool, user: str | None, **options) -> None:
        importer_user = importing_user(apply=apply, username=user)
        try:
            labels = parse_labels(options["labels"])
            if options["mapping"]:
                saved = ImportMapping.objects.filter(name=options["mapping"]).first()
                if saved is None:
                    names = ", ".join(ImportMapping.objects.values_list("name", flat=True))
                    raise CommandError(
                        f"No saved mapping named “{options['mapping']}” (saved: {names or 'none'})."
                    )
                columns, labels = saved.columns, {**saved.labels, **labels}
            else:
                columns = parse_columns(options["columns"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        if problems := mapping_problems(columns):
            raise CommandError(f"The mapping cannot make claims: {'; '.join(problems)}.")
        if options["save_as"]:
            ImportMapping.objects.update_or_create(
                name=options["save_as"][:100], defaults={"columns": columns, "labels": labels}
            )
        try:
            binary = file.open("rb")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        importer = ClaimsImporter(
            apply=apply,
            user=importer_user,
            columns=columns,
            labels=labels,
            reason=f"Imported from {file.name} (import_claims)",
        )
        run(self, importer, read_table(binary, columns), binary, unit="rows", one="Row")
