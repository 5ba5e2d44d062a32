"""django-tasks-db's `db_worker`, with a heartbeat: the same command, options and worker,
and beside it a thread that writes the worker's `TaskWorker` row (which `/healthz` counts)
and fails the steps of workers that died (`exchange.workers`). It takes the place of the
library's own because `exchange` comes before `django_tasks_db` in INSTALLED_APPS."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from exchange.workers import Heartbeat


class Command(db_worker.Command):
    help = db_worker.Command.help + ", with a heartbeat that /healthz reads"

    def handle(self, *args, **options) -> None:
        # With --reload the first process only restarts the second, which runs the worker.
        runs_worker = (
            not options["reload"]
            or options["batch"]
            or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        )
        if not runs_worker:
            return super().handle(*args, **options)
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stop()
