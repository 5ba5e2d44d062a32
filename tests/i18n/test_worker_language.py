"""What a task worker writes (an import's refusal, a fetch's), in the language of whoever
queued the work: a worker has no request, and its own language is the settings' English."""

import pytest
from django.urls import reverse
from django.utils import translation

from exchange.models import ImportBatch
from exchange.tasks import preview_import
from sources.models import SourceFetch
from sources.tasks import read_source
from tests.exchange.test_import import csv_bytes, row, upload
from tests.webserver import Page

pytestmark = [pytest.mark.django_db, pytest.mark.task_queue]

INDONESIAN = {"accept-language": "id"}


def run_as_a_worker(settings, task, *args) -> None:
    """Run a queued task the way a worker does: outside any request, in English."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    translation.deactivate()
    task.enqueue(*args)


def test_an_import_refused_by_the_worker_says_so_in_its_owners_language(
    researcher_client, settings
):
    rows = [row(counter_text=f"Jawaban {n}.") for n in range(40)]
    rows.append(row(claim_text="Bita \x00 tersembunyi.", counter_text="Terakhir."))
    upload(researcher_client, csv_bytes(rows), headers=INDONESIAN)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.QUEUED and batch.language == "id"

    run_as_a_worker(settings, preview_import, batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.REFUSED
    assert batch.error.startswith("Ini bukan berkas teks CSV")
    assert "NUL" in batch.error


def test_an_import_queued_in_english_is_refused_in_english(researcher_client, settings):
    rows = [row(counter_text=f"Answer {n}.") for n in range(40)]
    rows.append(row(claim_text="Hidden \x00 byte.", counter_text="Last."))
    upload(researcher_client, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    with translation.override("id"):  # whatever the worker's thread was left in
        settings.TASKS = {
            "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
        }
        preview_import.enqueue(batch.pk)
    batch.refresh_from_db()
    assert batch.error.startswith("This is not a CSV text file")


def test_a_fetch_refused_by_the_worker_says_so_in_the_language_of_who_asked(
    researcher_client, web, settings
):
    web.pages["/foto"] = Page(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
    researcher_client.post(
        reverse("sources:fetch-create"),
        {"from": "url", "url": web.url("/foto")},
        headers=INDONESIAN,
    )
    source_fetch = SourceFetch.objects.get()
    assert source_fetch.status == SourceFetch.Status.QUEUED and source_fetch.language == "id"

    run_as_a_worker(settings, read_source, source_fetch.pk)
    source_fetch.refresh_from_db()
    assert source_fetch.status == SourceFetch.Status.FAILED
    assert source_fetch.error.startswith("Ini gambar PNG, bukan halaman web"), source_fetch.error


def test_the_rows_problems_are_written_in_the_owners_language(researcher_client, settings):
    upload(researcher_client, csv_bytes([row(claim_text="")]), headers=INDONESIAN)
    batch = ImportBatch.objects.get()

    run_as_a_worker(settings, preview_import, batch.pk)
    [staged] = batch.rows.all()
    assert "teks klaim kosong" in staged.problems
    page = researcher_client.get(batch.get_absolute_url(), headers=INDONESIAN).content.decode()
    assert "teks klaim kosong" in page and "text is empty" not in page


def test_the_api_refuses_in_the_language_it_is_asked_in(client):
    response = client.get(
        "/api/claims/", headers={"authorization": "Bearer ct_nothing", **INDONESIAN}
    )
    assert response.status_code == 401
    assert (
        response.json()["detail"]
        == "Token ini tidak sah: sudah dicabut, atau tidak pernah diterbitkan."
    )
    english = client.get("/api/claims/", headers={"authorization": "Bearer ct_nothing"})
    assert english.json()["detail"] == "This token is not valid: it was revoked, or never issued."
