"""What a document that was never saved leaves behind, deleted once it is past the
retention period: its fetch (a preview nobody saved, or a refusal) and the snapshot kept
only for that preview, with its file. A saved source's snapshots are its proof and stay."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef

from sources.models import Snapshot, SourceFetch


def prune_unsaved(*, before: datetime.datetime) -> dict[str, int]:
    """Delete fetches to add a source that ended unsaved before `before`, and snapshots of no
    source, fetched before it, that no remaining fetch shows. {"fetches": n, "snapshots": n}"""
    unsaved = SourceFetch.objects.filter(
        purpose=SourceFetch.Purpose.ADD,
        status__in=(SourceFetch.Status.READY, SourceFetch.Status.FAILED),
        created_at__lt=before,
    )
    with transaction.atomic():
        fetches, _ = unsaved.delete()
        orphans = Snapshot.objects.filter(source__isnull=True, fetched_at__lt=before).exclude(
            Exists(SourceFetch.objects.filter(snapshot=OuterRef("pk")))
        )
        # Names only: a snapshot row also holds the whole text read from it.
        files = list(orphans.exclude(file="").values_list("file", flat=True))
        snapshots, _ = orphans.delete()
        # The files go once the rows are gone for good: a rolled-back delete keeps both.
        storage = Snapshot._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return {"fetches": fetches, "snapshots": snapshots}
