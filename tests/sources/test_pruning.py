"""A document fetched or uploaded but never saved as a source is deleted with its snapshot
(rows and file) once past the retention period (`prune_jobs`); a saved source's snapshots,
work still under way and anything newer stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from sources.intake import keep_snapshot
from sources.models import Snapshot, SourceFetch
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db
Status, Purpose = SourceFetch.Status, SourceFetch.Purpose


def fetch(days: int, status: str, *, purpose=Purpose.ADD, snapshot=True, source=None):
    then = timezone.now() - datetime.timedelta(days=days)
    kept = (
        keep_snapshot(f"{days} {status} {purpose}".encode(), fetched_at=then) if snapshot else None
    )
    if kept and source:
        kept.source = source
        kept.save()
    made = SourceFetch.objects.create(
        purpose=purpose, status=status, snapshot=kept, source=source, url="https://example.org/"
    )
    SourceFetch.objects.filter(pk=made.pk).update(created_at=then)
    return made


def test_unsaved_documents_past_the_retention_period_go_with_their_snapshots(
    django_capture_on_commit_callbacks,
):
    abandoned_preview = fetch(40, Status.READY)
    refused = fetch(40, Status.FAILED, snapshot=False)
    recent_preview = fetch(5, Status.READY)
    saved = fetch(40, Status.SAVED, source=SourceFactory())
    still_queued = fetch(40, Status.QUEUED, snapshot=False)
    failed_recheck = fetch(40, Status.FAILED, purpose=Purpose.RECHECK, source=saved.source)
    storage = Snapshot._meta.get_field("file").storage
    abandoned_file = abandoned_preview.snapshot.file.name
    assert storage.exists(abandoned_file)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("prune_jobs", stdout=out)

    assert "2 documents never saved as a source and 1 snapshots of them." in out.getvalue()
    assert set(SourceFetch.objects.values_list("pk", flat=True)) == {
        recent_preview.pk,
        saved.pk,
        still_queued.pk,
        failed_recheck.pk,
    }
    assert not SourceFetch.objects.filter(pk__in=[abandoned_preview.pk, refused.pk]).exists()
    assert set(Snapshot.objects.values_list("pk", flat=True)) == {
        recent_preview.snapshot_id,
        saved.snapshot_id,
        failed_recheck.snapshot_id,
    }
    assert not storage.exists(abandoned_file), "the file goes with its row"
    assert storage.exists(saved.snapshot.file.name)
