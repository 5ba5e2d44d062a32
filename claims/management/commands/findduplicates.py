from django.core.management.base import BaseCommand

from claims.duplicates import find_all
from claims.models import PossibleDuplicate


class Command(BaseCommand):
    help = (
        "Look for possible duplicates among all claims, speakers and sources: for records "
        "that came in without being saved one by one (a bulk import, a generated newsroom). "
        "Saving a record looks for its own."
    )

    def add_arguments(self, parser):
        kinds = PossibleDuplicate.Kind.values
        parser.add_argument("--kind", choices=kinds, action="append", help="Only these kinds.")

    def handle(self, *args, kind=None, **options):
        for name in kind or PossibleDuplicate.Kind.values:
            found = find_all(name)
            self.stdout.write(f"{name}: {found} possible duplicate pairs")
