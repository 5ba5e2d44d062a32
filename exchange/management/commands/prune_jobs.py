"""Delete finished work past its retention period; run it once a day (cron, a timer)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from exchange.batches import prune


class Command(BaseCommand):
    help = (
        "Delete what finished work leaves behind once it is older than the retention period: "
        "the staged rows of applied imports (their records stay), uploads never applied, and "
        "finished task results, heartbeats of workers long dead. Queued and running work is "
        "never touched."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CLAIMTRAIL_JOB_RETENTION_DAYS,
            help="Keep this many days (default: CLAIMTRAIL_JOB_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days: int, **options) -> None:
        if days < 0:
            raise CommandError("--days cannot be negative.")
        counts = prune(before=timezone.now() - datetime.timedelta(days=days))
        self.stdout.write(
            f"Deleted, older than {days} days: {counts['rows']} staged rows of applied "
            f"imports, {counts['uploads']} uploads never applied, {counts['tasks']} finished "
            f"tasks, {counts['workers']} task workers long silent."
        )
