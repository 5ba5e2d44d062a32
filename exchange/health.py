"""What `/healthz` reports: whether the database answers, whether every migration this
code knows is applied, and how many task workers have been heard from lately. A proxy
takes an app server out when the first two fail; workers missing only degrade the app
(imports wait), which another app server would not change."""

import functools
import logging

from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from exchange.models import TaskWorker

logger = logging.getLogger(__name__)


@functools.cache
def known_migrations() -> tuple[tuple[tuple[str, str], tuple], ...]:
    """The migrations of this code, read from disk once per process (they cannot change
    under it): each key with the keys it replaces, if it is a squashed one."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return tuple((key, tuple(graph.nodes[key].replaces)) for key in sorted(graph.nodes))


def unapplied_migrations() -> int:
    """How many of this code's migrations the database has not recorded (one query)."""
    applied = set(MigrationRecorder(connection).migration_qs.values_list("app", "name"))
    return count_unapplied(known_migrations(), applied)


def count_unapplied(known, applied: set[tuple[str, str]]) -> int:
    """A squashed migration counts as applied when the ones it replaces are (Django records
    those, when it applies one)."""
    return sum(
        key not in applied and not (replaces and applied.issuperset(replaces))
        for key, replaces in known
    )


def report() -> dict:
    """The health of this app server and what it depends on, in three queries: `healthy`
    (the database answers, nothing unapplied) and `degraded` (healthy, but no worker seen)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The details (an address, a user name) are for the log, not for anyone asking.
        logger.exception("Health check: the database did not answer")
        return {
            "status": "unavailable",
            "healthy": False,
            "degraded": False,
            "database": "unavailable",
            "migrations": None,
            "workers": None,
        }
    try:
        unapplied = unapplied_migrations()
    except DatabaseError:
        logger.exception("Health check: the migrations could not be read")
        unapplied = len(known_migrations())  # never migrated, as far as can be told
    try:
        workers = TaskWorker.objects.seen().count()
    except DatabaseError:
        workers = 0  # its table is made by a migration that is not applied
    healthy = unapplied == 0
    degraded = healthy and not workers
    return {
        "status": "degraded" if degraded else "ok" if healthy else "unavailable",
        "healthy": healthy,
        "degraded": degraded,
        "database": "ok",
        "migrations": {"unapplied": unapplied},
        "workers": {
            "seen": workers,
            "within_seconds": int(TaskWorker.GONE_AFTER.total_seconds()),
        },
    }
