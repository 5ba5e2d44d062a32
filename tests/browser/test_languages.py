"""The interface in English or Bahasa Indonesia, in Chromium: the switcher in the header
by keyboard alone, the choice kept across pages and visits, and the words the scripts
show in the page's language."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from tests.browser.conftest import sign_in
from tests.browser.test_sources import ARTICLE, SELECT_TEXT
from tests.factories import ClaimFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.browser


def test_the_switcher_is_worked_by_keyboard_and_the_choice_is_remembered(
    page, page_errors, live_server, roles
):
    UserFactory(username="rita", researcher=True)
    sign_in(page, live_server, "rita")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switcher = page.get_by_label("Show the site in")
    switcher.focus()
    page.keyboard.press("End")  # the last language: Bahasa Indonesia
    expect(switcher).to_have_value("id")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Change language")).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page).to_have_url(f"{live_server.url}/")  # back where the choice was made
    expect(page.get_by_role("heading", name="Klaim terbaru")).to_be_visible()
    expect(page.get_by_role("button", name="Ganti bahasa")).to_be_visible()

    # Another page, and a later visit in the same browser: still Indonesian.
    page.get_by_role("navigation", name="Utama").get_by_role("link", name="Sumber").click()
    expect(page.get_by_role("heading", name="Sumber", exact=True)).to_be_visible()
    page.context.clear_cookies(name="sessionid")
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", name="Masuk ke Claimtrail")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "id")

    # And back to English from the login page, signed out.
    page.get_by_label("Tampilkan situs dalam").select_option("en")
    page.get_by_role("button", name="Ganti bahasa").click()
    expect(page.get_by_role("heading", name="Sign in to Claimtrail")).to_be_visible()
    assert page_errors == []


@pytest.mark.parametrize("language", ["id"])
def test_the_scripts_speak_the_pages_language(
    researcher_page, page_errors, live_server, language, said
):
    page = researcher_page
    source = SourceFactory(title="Jakarta talks", body=ARTICLE, language="en")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    hint = page.locator("#selection-hint")
    expect(hint).to_have_text("Pilih sebuah kalimat dalam teks untuk menambahkannya sebagai klaim.")
    assert page.evaluate(SELECT_TEXT, "Officials declined to say more.")
    expect(hint).to_have_text("31 karakter dipilih.")
    assert page_errors == []

    # A request that fails (the claim was deleted meanwhile) is explained in Indonesian.
    claim = ClaimFactory(text="A claim someone deletes meanwhile.")
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    Claim.objects.filter(pk=claim.pk).delete()
    page.locator("#claim-field-text").get_by_role("link", name=said("Edit")).click()
    alert = page.locator("#htmx-alerts [role=alert]")
    expect(alert).to_contain_text("Catatan itu sudah tidak ada.")
    expect(alert.get_by_role("button", name="Abaikan")).to_be_visible()
    # The browser reports the 404 itself; nothing else went wrong.
    assert [error for error in page_errors if "404" not in error] == []
