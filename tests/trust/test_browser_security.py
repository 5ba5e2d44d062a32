"""In real Chromium: no page breaks the Content Security Policy, and hostile text never runs.

`page_errors` (tests/browser/conftest.py) records console errors — Chromium reports every
CSP violation there, and the fixture adds a `securitypolicyviolation` listener — uncaught
exceptions and dialogs (an `alert()` that ran).
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from claims.models import Citation, Claim, ClaimRelation, Speaker, Topic
from sources.models import Outlet, Source
from tests.browser.conftest import (  # noqa: F401  (fixtures, used by name)
    browser_context_args,
    browser_type_launch_args,
    page_errors,
    sign_in,
)
from tests.factories import UserFactory
from tests.trust.hostile import hostile_records
from tests.trust.urlconf import app_urls, delete_some, fill

pytestmark = pytest.mark.browser

ADMIN_MODELS = [Claim, Citation, ClaimRelation, Speaker, Topic, Source, Outlet]


def admin_pages() -> list[str]:
    pages = [reverse("admin:index")]
    for model in ADMIN_MODELS:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        first = model.objects.order_by("pk").first()
        pages += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        if first is not None:
            pages += [
                reverse(f"{prefix}_change", args=[first.pk]),
                reverse(f"{prefix}_history", args=[first.pk]),
                reverse(
                    f"{prefix}_simple_history",
                    args=[first.pk, first.history.earliest().history_id],
                ),
            ]
    return pages


def app_pages() -> list[str]:
    """Every page a browser can open: reads, and the forms of writes that answer GET."""
    client = Client()
    client.force_login(UserFactory(username="probe", staff=True))
    pages = []
    for url in app_urls():
        if url.kind in {"read", "research", "write"}:
            path = fill(url)
            if client.get(path).status_code != 405:
                pages.append(path)
    return pages


def visit_all(page, live_server, paths, errors: list[str]) -> list[str]:
    """Open each full page (not fragments, such as autocomplete answers, nor CSV files);
    label the errors each one caused with its path."""
    visited = []
    for path in paths:
        before = len(errors)
        if path.endswith(".csv"):
            continue
        # A fragment opened on its own has no <head>, so the browser would ask for
        # /favicon.ico: fetch it without navigating first.
        probe = page.request.get(f"{live_server.url}{path}")
        if "<html" not in probe.text().lower():
            continue
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, (path, response.status)
        page.wait_for_load_state("load")
        errors[before:] = [f"{path}: {error}" for error in errors[before:]]
        visited.append(path)
    return visited


@pytest.fixture
def staff_page(page, page_errors, live_server, transactional_db):  # noqa: F811
    UserFactory(username="sam", staff=True)
    sign_in(page, live_server, "sam")
    return page


def test_no_page_breaks_the_csp_and_no_hostile_text_runs(staff_page, page_errors, live_server):  # noqa: F811
    """One walk over every page of the app and the admin pages we use, with the demo
    data and records whose every text field carries a script, an onerror image, a
    javascript: URL and right-to-left/zero-width characters."""
    call_command("loaddemo", stdout=io.StringIO())
    delete_some()
    hostile = hostile_records()
    paths = [
        *app_pages(),
        *admin_pages(),
        reverse("admin:claims_claim_change", args=[hostile["claim"].pk]),
        reverse("admin:claims_speaker_change", args=[hostile["speaker"].pk]),
        reverse("admin:sources_source_change", args=[hostile["source"].pk]),
        reverse("claims:claim-detail", args=[hostile["claim"].pk]),
        reverse("claims:speaker-detail", args=[hostile["speaker"].pk]),
        reverse("sources:source-detail", args=[hostile["source"].pk]),
        reverse("claims:claim-list") + "?q=script",
    ]

    visited = visit_all(staff_page, live_server, paths, page_errors)

    assert len(visited) >= 40
    assert page_errors == [], "\n".join(page_errors)
    # The hostile text is on the page, as text.
    staff_page.goto(f"{live_server.url}{hostile['claim'].get_absolute_url()}")
    assert '<script>alert("xss")</script>' in staff_page.locator("main").inner_text()
    assert page_errors == []
