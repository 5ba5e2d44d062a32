"""Score the quote assistant against the hand-annotated articles in tests/data/assistant."""

from django.core.management.base import BaseCommand

from assistant.evaluation import evaluate, table


class Command(BaseCommand):
    help = "Print precision and recall of the quote assistant on the annotated articles."

    def handle(self, *args, **options) -> None:
        scores, total = evaluate()
        self.stdout.write(table(scores, total, verbose=options["verbosity"] > 1))
