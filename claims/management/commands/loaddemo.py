"""Load the demo: the Kontan article of 16 October 2024 on Russia–China military ties,
entered as a careful researcher would. Safe to run again: it adds only what is missing."""

from django.core.management.base import BaseCommand

from claims.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo dataset (the Kontan article on Russia–China military ties)."

    def handle(self, *args, **options) -> None:
        counts = load_demo()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {summary}."))
