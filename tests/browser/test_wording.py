"""Wording across hops in real Chromium: a researcher adds the words Reuters and the
ministry's channel carried to the demo's relayed Belousov quote, and sees where
Reuters' wording differs from the one it relays."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import Claim, Hop
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MINISTRY = (
    "The military departments of Russia and China are united in their assessments of "
    "global processes and have a common understanding of what needs to be done in the "
    "current situation."
)
REUTERS = (
    "The military departments of Russia and China are united in their assessment of "
    "global processes, and they have a common understanding of what needs to be done in "
    "the current situation."
)


def add_words(page, hop: str, words: str, language: str) -> None:
    section = page.locator("#wording")
    section.get_by_role("link", name=f"Add its words ({hop})").click()
    form = section.locator("form.hop-form")
    form.get_by_label("Its words").fill(words)
    form.get_by_label("Language of these words").fill(language)
    form.get_by_role("button", name="Save words").click()
    expect(section.locator("form.hop-form")).to_have_count(0)


def test_a_researcher_sees_where_a_relay_changed_the_words(
    researcher_page, page_errors, live_server
):
    call_command("loaddemo", stdout=io.StringIO())
    claim = Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)
    page = researcher_page
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")

    steps = page.locator("#wording .wording")
    expect(steps.locator(".wording-head")).to_contain_text(
        ["Kontan", "Reuters", "Russian Ministry of Defence (Telegram)"]
    )
    add_words(page, "Russian Ministry of Defence (Telegram)", MINISTRY, "en")
    add_words(page, "Reuters", REUTERS, "en")

    kontan, reuters, ministry = steps.nth(0), steps.nth(1), steps.nth(2)
    # Reuters against the ministry's English, word by word.
    expect(reuters).to_have_class("wording wording-outlet wording-changed")
    expect(reuters.locator("ins")).to_have_text(["assessment", "they"])
    expect(reuters.locator("del")).to_have_text(["assessments"])
    expect(reuters.locator(".wording-flag")).to_have_text(
        "Wording changed Reuters adds 1 word, changes 1 word compared with "
        "Russian Ministry of Defence (Telegram)."
    )
    # Kontan's Indonesian beside Reuters' English, labelled, not compared.
    expect(kontan.locator(".wording-language")).to_have_text("Indonesian (id)")
    expect(kontan.locator(".wording-other-language")).to_have_text(
        "Relays Reuters, in English (en): shown beside, not compared."
    )
    expect(kontan.locator("ins")).to_have_count(0)
    expect(ministry.locator(".wording-text")).to_have_text(MINISTRY)
    # Side by side: the three steps in one row on a wide screen.
    tops = {round(steps.nth(n).bounding_box()["y"]) for n in range(3)}
    assert len(tops) == 1
    screenshot(page, "wording-across-hops")

    page.reload()
    expect(page.locator("#wording .wording-changed ins")).to_have_text(["assessment", "they"])
    assert Hop.objects.get(name="Reuters", citation__claim=claim).quote == REUTERS
    assert page_errors == []
