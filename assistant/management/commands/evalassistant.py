"""Score the quote assistant against the hand-annotated articles in tests/data/assistant."""

from django.core.management.base import BaseCommand

from assistant.evaluation import evaluate, table


class Command(BaseCommand):
    help = (
        "Print the quote assistant's span precision, recall and F1 (exact, overlap and per "
        "statement), speaker and relay accuracy and pair recall, per language, on the tuning "
        "and the held-out articles, and the time to analyse a 20 000-word article."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(table(evaluate(), verbose=options["verbosity"] > 1))
