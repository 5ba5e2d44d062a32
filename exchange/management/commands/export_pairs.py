"""Write the claim-pairs CSV to a file or to standard output, for exports too large to
download comfortably. The filters are the Pairs page's, by the same names."""

import argparse
import codecs
import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.filters import PairFilterForm
from claims.models import ClaimRelation
from exchange.export import stream_pairs_csv


class Command(BaseCommand):
    help = "Export claim pairs as CSV (the columns of /pairs/export.csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", help="File to write; standard output if omitted.")
        parser.add_argument(
            "--bom",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Start with a UTF-8 byte-order mark, for Excel (default: yes).",
        )
        parser.add_argument(
            "--base-url",
            default=settings.CLAIMTRAIL_BASE_URL,
            help="Prefix of the claim URLs (default: settings.CLAIMTRAIL_BASE_URL).",
        )
        filters = parser.add_argument_group("filters, as on the Pairs page")
        filters.add_argument("--q", help="Search text, translation, speaker and quotes.")
        filters.add_argument("--speaker", help="Speaker id.")
        filters.add_argument(
            "--made-for", help="Speaker id of a body: its claims and its spokespeople's."
        )
        filters.add_argument("--topic", help="Topic slug.")
        filters.add_argument("--kind", help="Claim kind: direct_quote or paraphrase.")
        filters.add_argument("--language", help="Claim language tag.")
        filters.add_argument("--verification", help="Quote check of any citation.")
        filters.add_argument("--relation-kind", help="denies, disputes, supports…")
        filters.add_argument("--has-counter", choices=["true", "false"])

    def handle(self, *args, **options) -> None:
        names = PairFilterForm.base_fields
        data = {name: options[name] for name in names if options.get(name) is not None}
        form = PairFilterForm(data)
        if not form.is_valid():
            problems = "; ".join(
                f"--{name.replace('_', '-')}: {' '.join(errors)}"
                for name, errors in form.errors.items()
            )
            raise CommandError(f"Invalid filter: {problems}")
        pairs = ClaimRelation.objects.filter_by(**form.filter_values())
        chunks = stream_pairs_csv(pairs, bom=options["bom"], base_url=options["base_url"])
        if options["output"]:
            try:
                with open(options["output"], "wb") as output:
                    for chunk in chunks:
                        output.write(chunk)
            except OSError as error:
                raise CommandError(f"Cannot write {options['output']}: {error}") from error
            return
        self._write_to_stdout(chunks)

    def _write_to_stdout(self, chunks) -> None:
        stream = self.stdout._out
        binary = getattr(stream, "buffer", None)
        if binary is not None:
            try:
                for chunk in chunks:
                    binary.write(chunk)
                binary.flush()
            except BrokenPipeError:
                # The reader stopped early (`| head`): not an error of ours. Point stdout at
                # /dev/null so that the interpreter's final flush does not complain.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        # A text stream (as in tests): decode incrementally, so that a character cut
        # between two chunks comes out whole.
        decoder = codecs.getincrementaldecoder("utf-8")()
        for chunk in chunks:
            stream.write(decoder.decode(chunk))
        stream.write(decoder.decode(b"", final=True))
