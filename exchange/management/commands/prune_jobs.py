"""Delete finished work past its retention period; run it once a day (cron, a timer)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from exchange.batches import prune
from sources.pruning import prune_unsaved


class Command(BaseCommand):
    help = (
        "Delete what finished work leaves behind once it is older than the retention period: "
        "the staged rows of applied imports (their records stay), uploads never applied, and "
        "finished task results, heartbeats of workers long dead, and documents fetched or "
        "uploaded but never saved as a source (with their snapshots). Queued and running work "
        "is never touched."
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
        before = timezone.now() - datetime.timedelta(days=days)
        counts = prune(before=before) | prune_unsaved(before=before)
        self.stdout.write(
            f"Deleted, older than {days} days: {counts['rows']} staged rows of applied "
            f"imports, {counts['uploads']} uploads never applied, {counts['tasks']} finished "
            f"tasks, {counts['workers']} task workers long silent, {counts['fetches']} "
            f"documents never saved as a source and {counts['snapshots']} snapshots of them."
        )
