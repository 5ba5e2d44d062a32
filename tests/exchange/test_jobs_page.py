"""What people see of long work: the progress of a running step (rows done, rate, time
left), polling while it runs and the result page when it is done, and the Jobs page (one's
own, everyone's for administrators)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from exchange.models import ImportBatch
from exchange.templatetags.jobs import duration
from tests.exchange.test_import_batches import previewed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = ImportBatch.Status


def running(batch: ImportBatch, status: str, *, seconds: int, **fields) -> ImportBatch:
    now = timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=status,
        started_at=now - datetime.timedelta(seconds=seconds),
        progressed_at=now,
        **fields,
    )
    batch.refresh_from_db()
    return batch


def test_a_reading_preview_shows_rows_rate_and_time_left(researcher_client, researcher):
    # 100 rows in 10 s, a quarter of the file: 300 rows to go at 10 rows a second.
    batch = running(
        previewed(researcher),
        Status.PREVIEWING,
        seconds=10,
        processed=100,
        bytes_read=1000,
        size=4000,
    )
    assert (batch.rate, batch.seconds_left, batch.percent) == (10.0, 30, 25)
    fragment = researcher_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert html.lstrip().startswith('<div id="import-progress"')
    assert 'hx-trigger="load delay:1s"' in html
    assert "Reading: 100 rows so far, 25% of the file · 10 rows/s · about 30 s left." in html


def test_an_applying_import_shows_rows_rate_and_time_left(researcher_client, researcher):
    batch = running(
        previewed(researcher), Status.APPLYING, seconds=20, processed=200, row_count=1000
    )
    assert (batch.rate, batch.seconds_left, batch.percent) == (10.0, 80, 20)
    html = researcher_client.get(batch.get_absolute_url()).content.decode()
    assert "Importing: 200 of 1000 rows (20%) · 10 rows/s · about 1 min 20 s left." in html
    assert "Cancel</button>" in html


def test_the_poll_reloads_the_page_once_the_step_is_done(researcher_client, researcher):
    batch = running(previewed(researcher), Status.APPLYING, seconds=5, processed=1)
    headers = {"HX-Request": "true", "HX-Target": "import-progress"}
    assert researcher_client.get(batch.get_absolute_url(), headers=headers).status_code == 200
    ImportBatch.objects.filter(pk=batch.pk).update(status=Status.APPLIED)
    done = researcher_client.get(batch.get_absolute_url(), headers=headers)
    assert done.status_code == 200 and done["HX-Refresh"] == "true"
    page = researcher_client.get(batch.get_absolute_url()).content.decode()
    assert "hx-trigger" not in page.split('id="import-progress"')[1].split(">")[0]


def test_a_step_no_worker_took_says_so(researcher_client, researcher):
    batch = previewed(researcher)
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=Status.APPLY_QUEUED, progressed_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    html = researcher_client.get(batch.get_absolute_url()).content.decode()
    assert "Waiting for a worker to import 3 rows." in html
    assert "No task worker has taken it yet: all of them are busy, or none is running" in html
    assert ImportBatch.objects.get(pk=batch.pk).status == Status.APPLY_QUEUED


def test_jobs_page_shows_ones_own_jobs_and_administrators_everyones(client, researcher):
    mine = running(previewed(researcher, name="mine.csv"), Status.PREVIEWING, seconds=4)
    other = UserFactory(username="other", researcher=True)
    previewed(other, name="theirs.csv")
    client.force_login(researcher)

    page = client.get(reverse("claims:job-list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "mine.csv" in html and "theirs.csv" not in html
    assert f'href="{mine.get_absolute_url()}"' in html
    assert 'hx-trigger="load delay:2s"' in html, "it polls while a job runs"
    assert reverse("claims:pair-import-cancel", args=[mine.pk]) in html
    fragment = client.get(reverse("claims:job-list"), headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="job-table"')

    client.force_login(UserFactory(username="admin", staff=True))
    html = client.get(reverse("claims:job-list")).content.decode()
    assert "mine.csv" in html and "theirs.csv" in html and ">other<" in html
    assert client.get(mine.get_absolute_url()).status_code == 200


def test_jobs_page_stops_polling_when_nothing_runs(reader_client):
    html = reader_client.get(reverse("claims:job-list")).content.decode()
    assert "No jobs yet." in html
    assert "hx-trigger" not in html.split('id="job-table"')[1].split(">")[0]


def test_jobs_page_query_count_does_not_grow_with_jobs(
    researcher_client, researcher, django_assert_num_queries
):
    for count in (2, 12):
        while ImportBatch.objects.count() < count:
            previewed(researcher, name=f"{ImportBatch.objects.count()}.csv")
        with django_assert_num_queries(4):
            researcher_client.get(reverse("claims:job-list"))


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(None, ""), (0, "0 s"), (59, "59 s"), (60, "1 min"), (200, "3 min 20 s"), (7500, "2 h 5 min")],
)
def test_time_left_reads_at_a_glance(seconds, words):
    assert duration(seconds) == words
