"""Fetch every source with a URL again (or those named), and report what changed: a new
snapshot when the text changed, its citations anchored again and the quotes no longer in
it flagged changed since cited; pages gone (404, 410) named."""

from django.core.management.base import BaseCommand

from sources.intake import IntakeError, recheck
from sources.models import Source


class Command(BaseCommand):
    help = "Fetch sources again and flag quotes no longer in their text."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these sources.")

    def handle(self, *args, ids: list[int], **options):
        sources = Source.objects.exclude(url="").select_related("snapshot").order_by("pk")
        if ids:
            sources = sources.filter(pk__in=ids)
        counts: dict[str, int] = {}
        for source in sources.iterator():
            try:
                outcome = recheck(source)
            except IntakeError as error:
                outcome = {"outcome": "failed", "message": error.message}
            kind = outcome["outcome"]
            counts[kind] = counts.get(kind, 0) + 1
            line = f"{source.pk} {kind}"
            if kind == "changed":
                line += f": {len(outcome['changed_since_cited'])} quote(s) changed since cited"
            elif kind in {"gone", "failed"}:
                line += f": {outcome['message']}"
            self.stdout.write(line)
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
        self.stdout.write(summary or "No source has a URL to fetch again.")
