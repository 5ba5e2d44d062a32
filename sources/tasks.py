"""Fetching and reading sources, as Django tasks: a task worker (`manage.py db_worker`)
runs them, never a request. The pages only queue the work and show how far it is."""

import logging

from django.db import DatabaseError
from django.tasks import task
from django.utils.translation import gettext_lazy

from records import languages
from sources.intake import run_fetch
from sources.models import SourceFetch

logger = logging.getLogger(__name__)


@task
def read_source(fetch_id: int) -> dict:
    """Read a fetch's document, saying what went wrong in the language of whoever asked."""
    source_fetch = (
        SourceFetch.objects.select_related("snapshot", "source", "owner")
        .filter(pk=fetch_id)
        .first()
    )
    if source_fetch is None:
        return {"fetch": fetch_id, "status": "deleted"}
    with languages.written_in(source_fetch.language):
        source_fetch = run_fetch(source_fetch)
    return {"fetch": fetch_id, "status": source_fetch.status}


COULD_NOT_QUEUE = gettext_lazy(
    "The fetch could not be queued ({error}). Nothing was kept. Try again."
)


def queue_fetch(source_fetch: SourceFetch) -> SourceFetch:
    """Queue the fetch, remembering the language of the request that queued it."""
    SourceFetch.objects.filter(pk=source_fetch.pk).update(language=languages.current())
    try:
        result = read_source.enqueue(source_fetch.pk)
    except DatabaseError as error:
        logger.exception("Fetch %s could not be queued", source_fetch.pk)
        SourceFetch.objects.filter(pk=source_fetch.pk).update(
            status=SourceFetch.Status.FAILED, error=COULD_NOT_QUEUE.format(error=error)
        )
    else:
        SourceFetch.objects.filter(pk=source_fetch.pk).update(task_id=str(result.id))
    source_fetch.refresh_from_db()
    return source_fetch
