import os
import signal

import pytest
from playwright.sync_api import expect

from claims.models import ClaimRelation
from tests.exchange.test_import import csv_bytes, roles_after_flush, row  # noqa: F401
from tests.exchange.workers import start_worker_process
from tests.factories import ClaimFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("roles_after_flush")]


def test_a_researcher_previews_and_applies_an_import(
    researcher_page, live_server, page_errors, tmp_path
):
    page = researcher_page
    path = tmp_path / "pairs.csv"
    path.write_bytes(csv_bytes([row(counter_text=f"Answer {n}.") for n in range(3)]))
    page.goto(f"{live_server.url}/pairs/import/")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("3 rows, all importable.")).to_be_visible()
    assert ClaimRelation.objects.count() == 0
    page.get_by_role("button", name="Apply: import 3 rows").click()
    expect(page.get_by_text("All 3 rows were imported")).to_be_visible()
    assert ClaimRelation.objects.count() == 3
    assert page_errors == []


def test_a_bad_file_is_explained_in_the_page(researcher_page, live_server, page_errors, tmp_path):
    page = researcher_page
    path = tmp_path / "latin1.csv"
    path.write_bytes(csv_bytes([row(claim_text="Société")]).decode().encode("latin-1"))
    page.goto(f"{live_server.url}/pairs/import/")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("alert")).to_contain_text("not UTF-8")
    assert page_errors == []


def test_a_researcher_gives_a_verdict_in_place(researcher_page, live_server, page_errors):
    page = researcher_page
    # Published already (a verdict revised after publishing): the verdict is embedded at once.
    claim = ClaimFactory(text="</script><script>alert(1)</script>", status="published")
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.get_by_role("link", name="Give a verdict").click()
    page.get_by_label("Rating").select_option("false")
    page.get_by_label("Explanation").fill("Nobody said this.")
    page.get_by_role("button", name="Save verdict").click()
    expect(page.locator("#assessment")).to_contain_text("False")
    expect(page.locator("#assessment")).to_contain_text("Nobody said this.")
    assert page.url == f"{live_server.url}{claim.get_absolute_url()}"
    page.reload()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page_errors == []


@pytest.mark.task_queue
def test_an_import_runs_in_a_real_worker_while_the_page_follows_it(
    researcher_page, live_server, page_errors, tmp_path
):
    page = researcher_page
    path = tmp_path / "pairs.csv"
    path.write_bytes(csv_bytes([row(counter_text=f"Answer {n}.") for n in range(3)]))
    page.goto(f"{live_server.url}/pairs/import/")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("Waiting for a worker to read the file")).to_be_visible()
    worker = start_worker_process(worker_id="browser")
    try:
        # The page polls, and shows the preview's rows once the worker has read them.
        expect(page.get_by_text("3 rows, all importable.")).to_be_visible(timeout=60_000)
        page.get_by_role("button", name="Apply: import 3 rows").click()
        expect(page.get_by_text("All 3 rows were imported")).to_be_visible(timeout=60_000)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    assert ClaimRelation.objects.count() == 3
    page.goto(f"{live_server.url}/jobs/")
    expect(page.get_by_role("row", name="pairs.csv")).to_contain_text("Applied")
    assert page_errors == []
