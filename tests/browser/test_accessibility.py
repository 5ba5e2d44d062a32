"""An axe-core audit of every page of the app, with the demo data: no serious or critical
violation (tests/browser/axe.py)."""

import io

import pytest
from django.core.management import call_command

from tests.browser.axe import violations
from tests.trust.test_browser_security import app_pages, staff_page  # noqa: F401  (a fixture)
from tests.trust.urlconf import delete_some, duplicate_some

pytestmark = pytest.mark.browser


def test_no_page_has_a_serious_or_critical_accessibility_violation(
    staff_page,  # noqa: F811
    page_errors,
    live_server,
):
    call_command("loaddemo", stdout=io.StringIO())
    delete_some()
    duplicate_some()
    found, audited = [], 0
    for path in app_pages():
        if path.endswith(".csv"):
            continue
        probe = staff_page.request.get(f"{live_server.url}{path}")
        if "<html" not in probe.text().lower():
            continue
        staff_page.goto(f"{live_server.url}{path}")
        staff_page.wait_for_load_state("networkidle")
        found += [f"{path}: {line}" for line in violations(staff_page)]
        audited += 1
    assert audited >= 30
    assert found == [], "\n".join(found)
