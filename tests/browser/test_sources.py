"""A researcher's day in the reader: paste an article, select a sentence, save it as a
claim for a speaker created on the spot, and do it again from the keyboard alone."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import Citation, Claim, Speaker
from sources.models import Source
from tests.browser.conftest import screenshot
from tests.factories import SourceFactory, SpeakerFactory

pytestmark = pytest.mark.browser

ARTICLE = (
    "Defence ministers met in Jakarta on Tuesday.\n\n"
    "The ministry said the talks were frank and useful. Officials declined to say more.\n\n"
    "A second round is planned for spring."
)

SELECT_TEXT = """
(text) => {
  const body = document.getElementById("source-body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}
"""


def english(message: str, **values) -> str:
    return message % values if values else message


def open_claim_form_from_selection(page, sentence: str, said=english) -> None:
    assert page.evaluate(SELECT_TEXT, sentence)
    add = page.get_by_role("button", name=said("Add claim from selection"))
    expect(add).to_be_enabled()
    add.click()
    heading = said("New claim from %(name)s", name="").strip()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def test_a_researcher_creates_a_source_by_pasting_an_article(
    researcher_page, page_errors, live_server
):
    page = researcher_page
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Add source").first.click()
    page.get_by_label("Title").fill("Ministers meet in Jakarta")
    page.get_by_label("…or a new outlet").fill("The Jakarta Example")
    page.get_by_label("Language").fill("en")
    page.get_by_label("Body").fill(ARTICLE)
    page.get_by_role("button", name="Add source").click()

    expect(page.get_by_role("heading", name="Ministers meet in Jakarta")).to_be_visible()
    expect(page.locator("#source-body")).to_have_text(ARTICLE)
    expect(page.get_by_role("status")).to_contain_text("added")
    source = Source.objects.get()
    assert (source.outlet.name, source.body) == ("The Jakarta Example", ARTICLE)
    assert page_errors == []


# The researcher's day in the reader, in English and in Indonesian: the browser's
# Accept-Language picks the interface, every word the test looks for is the catalogue's,
# and no console error or CSP violation is seen in either (page_errors).
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_selected_sentence_becomes_a_claim_for_a_speaker_created_inline(
    researcher_page, page_errors, live_server, language, said
):
    page = researcher_page
    source = SourceFactory(title="Jakarta talks", body=ARTICLE, language="en")
    antara = SourceFactory(title="Antara wire on the talks", outlet__name="Antara")
    sentence = "The ministry said the talks were frank and useful."
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)

    open_claim_form_from_selection(page, sentence, said)
    expect(page.get_by_label(said("Quote"), exact=True)).to_have_value(sentence)

    speaker = page.get_by_role("combobox", name=said("Speaker"))
    speaker.fill("Ministry of Defence of Indonesia")
    create = page.get_by_role(
        "option", name=said("Create speaker “%(query)s”", query="Ministry of Defence of Indonesia")
    )
    create.click()
    inline = page.get_by_role("group", name=said("New speaker"))
    expect(inline.get_by_label(said("Name"))).to_have_value("Ministry of Defence of Indonesia")
    inline.get_by_label(said("Kind")).select_option("organisation")
    inline.get_by_label(said("Description")).fill("Kementerian Pertahanan")
    inline.get_by_role("button", name=said("Save speaker")).click()

    expect(inline).to_have_count(0)
    expect(speaker).to_have_value("Ministry of Defence of Indonesia")
    created = Speaker.objects.get(name="Ministry of Defence of Indonesia")
    expect(page.locator("#claim-speaker-value")).to_have_value(str(created.pk))
    # the half-filled claim form is still there
    expect(page.get_by_label(said("Quote"), exact=True)).to_have_value(sentence)

    page.get_by_label(said("Kind"), exact=True).select_option("paraphrase")
    page.get_by_label(said("Relayed through (optional)")).fill("antara")
    page.get_by_role("button", name=said("Save claim")).click()

    highlight = page.locator("#source-body a.hl-verified")
    expect(highlight).to_have_text(sentence)
    expect(page.locator("#claim-panel")).to_contain_text(said("Claim saved:").rstrip(":"))
    claim = Claim.objects.get()
    citation = claim.citations.get(source=source)
    assert (claim.speaker, claim.kind) == (created, "paraphrase")
    assert citation.verification == Citation.Verification.VERIFIED
    assert ARTICLE[citation.anchor_start : citation.anchor_end] == sentence
    assert [hop.outlet for hop in citation.hops.all()] == [antara.outlet]  # a hop, no source
    # the page was never left: the selection toolbar and its text are the same page
    assert page.url == f"{live_server.url}{source.get_absolute_url()}"

    highlight.focus()
    expect(highlight).to_have_attribute("data-tip", f"{created.name}: {sentence}")
    highlight.click()
    page.wait_for_url(f"**{claim.get_absolute_url()}")
    assert page_errors == []


def test_the_speaker_autocomplete_works_from_the_keyboard_alone(
    researcher_page, page_errors, live_server
):
    page = researcher_page
    belousov = SpeakerFactory(
        name="Andrei Belousov", description="Minister of Defence of Russia", aliases="Menhan"
    )
    SpeakerFactory(name="Andrei Belousov", description="A namesake, painter")
    source = SourceFactory(body=ARTICLE, language="en")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    open_claim_form_from_selection(page, "Officials declined to say more.")

    page.get_by_label("Quote").focus()
    page.keyboard.press("Tab")
    speaker = page.get_by_role("combobox", name="Speaker")
    expect(speaker).to_be_focused()
    page.keyboard.type("menhan")
    option = page.get_by_role("option", name="Andrei Belousov Minister of Defence of Russia")
    expect(option).to_be_visible()
    expect(speaker).to_have_attribute("aria-expanded", "true")

    page.keyboard.press("ArrowDown")
    expect(speaker).to_have_attribute(
        "aria-activedescendant", f"claim-speaker-listbox-{belousov.pk}"
    )
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")

    expect(speaker).to_have_value("Andrei Belousov")
    expect(speaker).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#claim-speaker-value")).to_have_value(str(belousov.pk))
    assert Claim.objects.count() == 0  # Enter picked; it did not submit the form

    # Escape closes the list, a second Escape clears the choice
    page.keyboard.type("x")
    expect(speaker).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(speaker).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Escape")
    expect(speaker).to_have_value("")
    expect(page.locator("#claim-speaker-value")).to_have_value("")

    # pick again and save with the keyboard
    page.keyboard.type("Belousov")
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save claim").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#source-body a.hl")).to_have_text("Officials declined to say more.")
    assert Claim.objects.get().speaker == belousov
    assert page_errors == []


def test_a_reader_who_tries_to_add_a_source_sees_why_not(reader_page, page_errors, live_server):
    page = reader_page
    response = page.goto(f"{live_server.url}/sources/new/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot do that")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("only Researchers can")
    # the 403 is the page's own answer, not a console error of ours
    assert [error for error in page_errors if "403" not in error] == []


def test_the_sources_list_searches_as_you_type_and_keeps_the_url(
    reader_page, page_errors, live_server
):
    page = reader_page
    SourceFactory(title="Rusia dan China", language="id")
    SourceFactory(title="Weather report", language="en")
    page.goto(f"{live_server.url}/sources/")
    page.get_by_label("Search sources").fill("rusia")
    expect(page.locator("#results .item")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Rusia dan China")
    page.wait_for_url("**/sources/?q=rusia*")
    page.reload()
    expect(page.locator("#results .item")).to_have_count(1)
    expect(page.get_by_label("Search sources")).to_have_value("rusia")
    assert page_errors == []


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("width, height", [(1440, 900), (375, 812)])
def test_screenshot_of_the_reader(
    researcher_page, page_errors, live_server, width, height, language, said
):
    call_command("loaddemo", stdout=io.StringIO())
    # The Indonesian reader's files say so: reader-id-1440.png (README "Languages").
    name = "reader" if language == "en" else f"reader-{language}"
    page = researcher_page
    page.set_viewport_size({"width": width, "height": height})
    source = Source.objects.get(outlet__name="Kontan")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    expect(page.locator("#source-body a.hl").first).to_be_visible()
    assert page.locator("#source-body a.hl").count() >= 9
    # the body shown is the stored text, character for character
    assert page.locator("#source-body").text_content() == source.body
    screenshot(page, f"{name}-{width}")
    if width == 1440:
        open_claim_form_from_selection(page, "Sebelumnya, China menggelar latihan perang", said)
        page.get_by_role("combobox", name=said("Speaker")).fill("China")
        expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
        page.mouse.move(0, 0)
        screenshot(page, f"{name}-add-claim-{width}")
    assert page_errors == []


def test_an_htmx_write_by_a_reader_shows_the_reason_it_was_refused(
    reader_page, page_errors, live_server
):
    page = reader_page
    source = SourceFactory(title="Not yours to delete")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    page.evaluate(
        "(url) => htmx.ajax('POST', url, {target: '#main', swap: 'innerHTML'})",
        f"/sources/{source.pk}/delete/",
    )
    alert = page.locator("#htmx-alerts [role=alert]")
    expect(alert).to_contain_text("only Researchers can")
    expect(page.get_by_role("heading", name="Not yours to delete")).to_be_visible()
    alert.get_by_role("button", name="Dismiss").click()
    expect(alert).to_have_count(0)
    assert Source.objects.filter(pk=source.pk).exists()
    assert [error for error in page_errors if "403" not in error] == []


def test_without_javascript_a_claim_is_added_with_the_plain_form(browser, live_server, roles):
    from tests.browser.conftest import sign_in
    from tests.factories import UserFactory

    UserFactory(username="nora", researcher=True)
    speaker = SpeakerFactory(name="Andrei Belousov", aliases="Menhan Rusia")
    source = SourceFactory(title="Plain", body=ARTICLE, language="en")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, "nora")
        page.goto(f"{live_server.url}{source.get_absolute_url()}")
        expect(page.get_by_role("button", name="Add claim from selection")).to_be_hidden()
        page.get_by_role("link", name="Add claim").click()
        page.get_by_label("Quote").fill("Officials declined to say more.")
        page.get_by_label("Speaker", exact=True).fill("Menhan Rusia")
        page.get_by_label("Claim", exact=True).fill("Officials declined to say more.")
        page.get_by_role("button", name="Save claim").click()
        page.wait_for_url(f"**{source.get_absolute_url()}")
        expect(page.locator("#source-body a.hl-verified")).to_have_text(
            "Officials declined to say more."
        )
        assert Claim.objects.get().speaker == speaker
    finally:
        context.close()


@pytest.mark.parametrize("width, height", [(1440, 900), (375, 812)])
def test_screenshot_of_the_other_pages(researcher_page, page_errors, live_server, width, height):
    call_command("loaddemo", stdout=io.StringIO())
    page = researcher_page
    page.set_viewport_size({"width": width, "height": height})
    belousov = Speaker.objects.get(name="Andrei Belousov")
    us = Speaker.objects.get(name__icontains="United States")
    pages = {
        "home": "/",
        "sources": "/sources/",
        "source-form": "/sources/new/",
        "speaker": belousov.get_absolute_url(),
        "speaker-countered": us.get_absolute_url(),
        "speakers": "/speakers/",
    }
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        # nothing is wider than the window
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        screenshot(page, f"{name}-{width}")
    assert page_errors == []


def test_an_htmx_edit_conflict_409_is_swapped_in_place(researcher_page, page_errors, live_server):
    page = researcher_page
    source = SourceFactory(title="Original title", language="en")
    stale = source.version
    Source.objects.get(pk=source.pk).save()  # someone else saves meanwhile
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    page.evaluate(
        """([url, values]) => htmx.ajax('POST', url, {target: '#main', swap: 'innerHTML', values})""",
        [
            f"/sources/{source.pk}/edit/",
            {
                "title": "My unsaved title",
                "outlet": str(source.outlet_id),
                "kind": "article",
                "language": "en",
                "version": str(stale),
            },
        ],
    )
    expect(page.locator("#main .conflict")).to_contain_text("Someone else changed this")
    expect(page.get_by_label("Title")).to_have_value("My unsaved title")
    source.refresh_from_db()
    assert source.title == "Original title"
    assert [error for error in page_errors if "409" not in error] == []
