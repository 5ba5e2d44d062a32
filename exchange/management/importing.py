"""What the import commands share: who imports, and an importer run to its end with its
problems, its counts and an exit that says whether anything could be imported."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exchange.imports import ImportFileError, ImportRejected, PairImporter


def importing_user(*, apply: bool, username: str | None):
    """The user history names as the importer: needed to apply, not to preview."""
    if not apply:
        return None
    if not username:
        raise CommandError("Say who imports with --user USERNAME; history records it.")
    try:
        return get_user_model().objects.get_by_natural_key(username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named “{username}”.") from None


def run(
    command: BaseCommand, importer: PairImporter, rows: Iterable, binary, *, unit: str, one: str
) -> None:
    """Preview or apply `rows` in one transaction, each problem on stderr by its `one`
    ("Row 3: …"), then the counts; a CommandError (a non-zero exit) when anything was
    rejected or nothing was there to import."""
    try:
        with binary, transaction.atomic():
            for result in importer.run(rows):
                for problem in result.problems:
                    command.stderr.write(f"{one} {result.number}: {problem}")
    except ImportFileError as error:
        raise CommandError(str(error)) from None
    except ImportRejected as rejected:
        raise CommandError(
            f"Nothing was imported: {len(rejected.problems)} problem(s) in the {unit} above."
        ) from None
    verb = (
        "Imported" if importer.apply_requested else "Preview (nothing written; --apply to import)"
    )
    rejected = len({number for number, _ in importer.problems})
    command.stdout.write(f"{verb}: {importer.rows} {unit}, {rejected} rejected.")
    for kind, count in importer.counts().items():
        command.stdout.write(f"  {kind}: {count['create']} new, {count['match']} matched")
    if rejected or not importer.rows:
        raise CommandError(
            f"{rejected} of {importer.rows} {unit} rejected; nothing can be imported yet."
        )
