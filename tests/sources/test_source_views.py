from urllib.parse import urlencode

import pytest
from django.urls import reverse

from claims.models import Citation
from sources.models import Outlet, Source
from tests.factories import CitationFactory, ClaimFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
BODY = "Intro line.\n\nThe minister said the talks were substantive. Then he left."


def source_data(**overrides) -> dict:
    data = {
        "title": "Talks in Beijing",
        "outlet": "",
        "new_outlet": "",
        "kind": "article",
        "url": "https://news.example/talks",
        "published_at": "2024-10-16T21:45",
        "language": "en",
        "body": BODY,
        "archive_url": "",
        "notes": "",
    }
    return {**data, **overrides}


# --- who may do what -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, args",
    [
        ("sources:source-list", []),
        ("sources:source-create", []),
        ("sources:source-detail", [1]),
        ("sources:source-update", [1]),
        ("sources:source-delete", [1]),
    ],
)
def test_every_source_page_asks_an_anonymous_visitor_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_reader_reads_sources(reader_client):
    source = SourceFactory(body=BODY)
    assert reader_client.get(reverse("sources:source-list")).status_code == 200
    assert reader_client.get(source.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", ["sources:source-update", "sources:source-delete"])
def test_a_reader_who_tries_to_change_a_source_gets_a_403_that_says_why(
    reader_client, method, name
):
    source = SourceFactory(title="Kept")
    response = getattr(reader_client, method)(reverse(name, args=[source.pk]))
    assert response.status_code == 403
    assert "only Researchers can" in response.content.decode()
    source.refresh_from_db()
    assert source.title == "Kept"


def test_a_reader_cannot_add_a_source(reader_client):
    outlet = OutletFactory()
    response = reader_client.post(reverse("sources:source-create"), source_data(outlet=outlet.pk))
    assert response.status_code == 403
    assert not Source.objects.exists()


def test_an_htmx_403_is_a_fragment_with_the_reason(reader_client):
    source = SourceFactory()
    response = reader_client.post(reverse("sources:source-delete", args=[source.pk]), headers=HX)
    assert response.status_code == 403
    html = response.content.decode()
    assert "<html" not in html
    assert 'role="alert"' in html and "only Researchers can" in html


# --- list --------------------------------------------------------------------------------


def test_the_list_searches_and_filters_and_an_htmx_request_gets_only_the_results(
    reader_client,
):
    kontan = OutletFactory(name="Kontan")
    SourceFactory(title="Rusia dan China", outlet=kontan, language="id", kind="article")
    SourceFactory(title="Russia and China", language="en", kind="wire_report")
    SourceFactory(title="Unrelated", outlet=kontan, language="id")

    url = reverse("sources:source-list")
    full = reader_client.get(url, {"q": "china", "outlet": kontan.pk, "language": "id"})
    partial = reader_client.get(url, {"q": "china", "kind": "wire_report"}, headers=HX)

    assert "<html" in full.content.decode()
    assert [s.title for s in full.context["page"]] == ["Rusia dan China"]
    assert "<html" not in partial.content.decode()
    assert 'id="results"' in partial.content.decode()
    assert [s.title for s in partial.context["page"]] == ["Russia and China"]


def test_a_bad_filter_value_is_ignored_not_a_500(reader_client):
    SourceFactory(title="Anything")
    response = reader_client.get(
        reverse("sources:source-list"), {"outlet": "nope", "kind": "bogus", "page": "x"}
    )
    assert response.status_code == 200
    assert [s.title for s in response.context["page"]] == ["Anything"]


def test_the_list_is_paginated(reader_client):
    SourceFactory.create_batch(30)
    response = reader_client.get(reverse("sources:source-list"), {"page": 2})
    assert len(response.context["page"]) == 5
    assert "Page 2 of 2" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 40])
def test_the_list_costs_the_same_queries_whatever_the_number_of_sources(
    reader_client, django_assert_num_queries, rows
):
    SourceFactory.create_batch(rows)
    # session, user, count, page, outlets for the filter's select, permissions (2)
    with django_assert_num_queries(7):
        reader_client.get(reverse("sources:source-list"))


# --- create / edit / delete ------------------------------------------------------------------


def test_a_researcher_adds_a_source_with_a_new_outlet_and_lands_in_the_reader(
    researcher_client,
):
    response = researcher_client.post(
        reverse("sources:source-create"),
        source_data(new_outlet="The Daily Example", body=BODY.replace("\n", "\r\n")),
    )
    source = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == source.get_absolute_url()
    assert source.outlet.name == "The Daily Example"
    assert source.body == BODY  # CRLF from the textarea stored as LF
    assert source.history.first().history_user.username == "researcher"


def test_a_new_outlet_that_exists_already_is_reused(researcher_client):
    kontan = OutletFactory(name="Kontan")
    researcher_client.post(reverse("sources:source-create"), source_data(new_outlet="kontan"))
    assert Source.objects.get().outlet == kontan
    assert Outlet.objects.count() == 1


def test_invalid_input_re_renders_the_form_with_errors_and_keeps_it(researcher_client):
    response = researcher_client.post(
        reverse("sources:source-create"),
        source_data(title="", language="english", url="javascript:alert(1)", body="Kept text."),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"title", "outlet", "language", "url"} <= set(form.errors)
    assert "Kept text." in response.content.decode()
    assert not Source.objects.exists()


def test_a_researcher_edits_a_source_and_the_citations_are_checked_again(researcher_client):
    source = SourceFactory(body="Old words here.")
    claim = ClaimFactory(text="the talks were substantive")
    citation = CitationFactory(claim=claim, source=source, quote="the talks were substantive")
    assert citation.verification == Citation.Verification.NOT_FOUND

    response = researcher_client.post(
        reverse("sources:source-update", args=[source.pk]),
        source_data(outlet=source.outlet.pk, version=source.version),
    )

    assert response.status_code == 302
    citation.refresh_from_db()
    assert citation.verification == Citation.Verification.VERIFIED


def test_an_edit_over_someone_elses_save_is_refused_with_409_and_keeps_the_input(
    researcher_client,
):
    source = SourceFactory(title="Original")
    loaded_version = source.version
    Source.objects.get(pk=source.pk).save()  # someone else saves meanwhile

    response = researcher_client.post(
        reverse("sources:source-update", args=[source.pk]),
        source_data(title="My title", outlet=source.outlet.pk, version=loaded_version),
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this" in html
    assert 'value="My title"' in html
    source.refresh_from_db()
    assert source.title == "Original"


def test_the_edit_form_without_htmx_and_with_it_is_a_page(researcher_client):
    source = SourceFactory()
    for headers in ({}, HX):
        response = researcher_client.get(
            reverse("sources:source-update", args=[source.pk]), headers=headers
        )
        assert response.status_code == 200
        assert 'name="version"' in response.content.decode()


def test_deleting_an_uncited_source_says_nothing_else_goes_and_deletes_it(researcher_client):
    source = SourceFactory(title="Draft")
    url = reverse("sources:source-delete", args=[source.pk])
    page = researcher_client.get(url)
    assert "Nothing else is deleted" in page.content.decode()

    response = researcher_client.post(url)
    assert response.status_code == 302
    assert not Source.objects.exists()


def test_deleting_a_cited_source_is_refused_and_names_what_holds_it(researcher_client):
    source = SourceFactory(title="Cited")
    CitationFactory(source=source, claim=ClaimFactory(text="Holding claim"))
    url = reverse("sources:source-delete", args=[source.pk])

    page = researcher_client.get(url).content.decode()
    response = researcher_client.post(url)

    assert "cannot be deleted" in page
    assert "citation" in page
    assert 'type="submit"' not in page.split("cannot be deleted")[1]
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Source.objects.filter(pk=source.pk).exists()


# --- the reader --------------------------------------------------------------------------------


def test_the_reader_highlights_each_cited_quote_by_its_status(reader_client):
    source = SourceFactory(body=BODY)
    claim = ClaimFactory(text="Talks were substantive", speaker__name="The Minister")
    CitationFactory(claim=claim, source=source, quote="the talks were substantive")

    response = reader_client.get(source.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert (
        f'<a class="hl hl-verified" href="{claim.get_absolute_url()}" '
        'data-tip="The Minister: Talks were substantive"'
    ) in html
    assert ">the talks were substantive</a>. Then he left.</div>" in html
    assert response.context["cited_claims"] == [claim]


def test_the_reader_renders_the_body_text_unchanged_between_highlights(reader_client):
    source = SourceFactory(body="a <b> & c\n\nsecond  paragraph")
    CitationFactory(source=source, quote="& c")
    html = reader_client.get(source.get_absolute_url()).content.decode()
    segment = html.split("data-source-body>")[1].split("</div>")[0]
    assert segment.startswith("a &lt;b&gt; <a class=")
    assert segment.endswith(">&amp; c</a>\n\nsecond  paragraph")


def test_the_reader_fragment_for_htmx_has_no_page_around_it(reader_client):
    source = SourceFactory(body=BODY)
    response = reader_client.get(source.get_absolute_url(), headers=HX)
    html = response.content.decode()
    assert "<html" not in html and 'id="reader"' in html


def test_the_reader_offers_add_claim_to_researchers_only(reader_client, researcher, client):
    source = SourceFactory(body=BODY)
    as_reader = reader_client.get(source.get_absolute_url()).content.decode()
    client.force_login(researcher)
    as_researcher = client.get(source.get_absolute_url()).content.decode()
    add_url = reverse("claims:source-claim-create", args=[source.pk])
    assert add_url not in as_reader
    assert "Add claim from selection" in as_researcher and add_url in as_researcher


@pytest.mark.parametrize("highlights", [2, 25])
def test_the_reader_costs_the_same_queries_whatever_the_number_of_highlights(
    reader_client, django_assert_num_queries, highlights
):
    words = [f"<{n}>" for n in range(highlights)]
    source = SourceFactory(body=" ".join(words))
    for word in words:
        CitationFactory(source=source, quote=word, claim__text=word)
    # session, user, source+outlet, citations+claims+speakers, permissions (2), snapshots
    with django_assert_num_queries(7):
        response = reader_client.get(source.get_absolute_url())
    assert response.content.decode().count('<a class="hl hl-verified"') == highlights


def test_a_body_saved_through_admin_is_stored_with_lf_line_ends(staff_client):
    source = SourceFactory(body="old")
    data = {
        "title": source.title,
        "outlet": source.outlet.pk,
        "kind": "article",
        "language": "en",
        "body": "First line.\r\n\r\nSecond line.",
        "url": "",
        "archive_url": "",
        "notes": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "loaded_version": source.version,
    }
    response = staff_client.post(reverse("admin:sources_source_change", args=[source.pk]), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.body == "First line.\n\nSecond line."


def test_the_reader_and_the_speaker_page_link_to_their_history(reader_client):
    from tests.factories import SpeakerFactory

    source = SourceFactory()
    speaker = SpeakerFactory()
    assert reverse("sources:source-history", args=[source.pk]) in (
        reader_client.get(source.get_absolute_url()).content.decode()
    )
    assert reverse("claims:speaker-history", args=[speaker.pk]) in (
        reader_client.get(speaker.get_absolute_url()).content.decode()
    )


# --- A long report -----------------------------------------------------------------------


def post_as_a_browser(client, url: str, data: dict):
    """As a browser posts this form: percent-encoded, three bytes a byte outside ASCII."""
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


def test_a_source_text_past_djangos_default_limit_is_kept(researcher_client):
    # 800 000 characters of Russian: 4 MB as a browser posts it, past Django's 2.5 MB.
    body = "Министр сказал, что переговоры были содержательными. " * 15_000
    response = post_as_a_browser(
        researcher_client,
        reverse("sources:source-create"),
        source_data(body=body, new_outlet="Kommersant", url="https://news.example/long"),
    )
    assert response.status_code == 302
    assert Source.objects.get(url="https://news.example/long").body == body.strip()


def test_a_source_text_over_the_limit_gets_a_page_that_says_so_and_saves_nothing(
    researcher_client,
):
    body = "Too long. " * 1_100_000  # 11 MB
    response = post_as_a_browser(
        researcher_client,
        reverse("sources:source-create"),
        source_data(body=body, new_outlet="Nowhere", url="https://news.example/too-long"),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "larger than 10 MB" in html and "Nothing was saved." in html
    assert "<nav" in html or "<header" in html  # a page of the app, not a bare 400
    assert not Source.objects.filter(url="https://news.example/too-long").exists()
    assert not Outlet.objects.filter(name="Nowhere").exists()


def test_a_source_without_claims_says_so_in_a_sentence_and_its_search_says_what_it_reads(
    reader_client,
):
    source = SourceFactory(body=BODY)
    page = reader_client.get(source.get_absolute_url()).content.decode()
    assert '<p class="empty">No claims cited from this source yet.</p>' in page
    assert '<li class="empty">' not in page
    listing = reader_client.get(reverse("sources:source-list")).content.decode()
    # It searches titles and texts (SourceQuerySet.search), not outlets or addresses.
    assert 'placeholder="Words of the title or the text"' in listing
