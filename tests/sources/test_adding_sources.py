"""Adding a source from a web address or a file, through the pages (the task runs where it
is queued): the preview, the save with its snapshot, what bad input says, fetching again,
and `manage.py addsource`."""

import datetime
import hashlib
import html
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from claims.models import Citation
from sources.models import Outlet, Snapshot, Source, SourceFetch
from tests.factories import ClaimFactory, UserFactory
from tests.sources.news_pages import BY_KEY
from tests.sources.pdfs import make_pdf
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def serve(web, page, path="/article"):
    web.pages[path] = Page(page.content(), page.content_type())
    return web.url(path)


def fetch_through_the_page(client, url):
    response = client.post(reverse("sources:fetch-create"), {"from": "url", "url": url})
    assert response.status_code == 302
    return SourceFetch.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[-1]))


def preview_data(response) -> dict:
    """The preview form as the browser would send it untouched."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if name == "published_at":
            day, time = field.widget.decompress(value) if value else (None, None)
            data["published_at_0"] = day.isoformat() if day else ""
            data["published_at_1"] = time.strftime("%H:%M") if time else ""
        elif value is not None:
            data[name] = value
    return data


def test_the_add_page_offers_a_url_an_upload_and_paste(researcher_client):
    for way, marker in [
        ("url", 'id="fetch-form"'),
        ("upload", 'id="upload-form"'),
        ("paste", 'name="body"'),
    ]:
        response = researcher_client.get(reverse("sources:source-create") + f"?from={way}")
        assert response.status_code == 200
        assert marker in response.text
        assert "From a URL" in response.text and "Upload a file" in response.text


def test_a_url_is_fetched_previewed_and_saved_with_its_snapshot(researcher_client, web):
    kontan = Outlet.objects.create(name="Kontan", homepage="https://www.kontan.co.id/")
    page = BY_KEY["kontan"]
    source_fetch = fetch_through_the_page(researcher_client, serve(web, page))
    assert source_fetch.status == SourceFetch.Status.READY
    assert Source.objects.count() == 0  # nothing saved before the researcher says so

    preview = researcher_client.get(source_fetch.get_absolute_url())
    assert preview.status_code == 200
    assert preview.context["form"]["title"].value() == page.title
    assert preview.context["form"]["outlet"].value() == kontan.pk
    assert "&lt;nav class=&quot;main-nav&quot;&gt;" in preview.text  # the original, as text
    assert '<nav class="main-nav">' not in preview.text

    data = preview_data(preview)
    assert (data["published_at_0"], data["published_at_1"]) == ("2024-10-16", "14:45")
    response = researcher_client.post(source_fetch.get_absolute_url(), data)

    source = Source.objects.get()
    assert response.status_code == 302 and response.url == source.get_absolute_url()
    assert source.title == page.title
    assert source.outlet == kontan
    assert source.language == "id"
    assert source.url == page.url
    assert source.published_at == datetime.datetime(2024, 10, 16, 14, 45, tzinfo=datetime.UTC)
    assert not source.published_date_only
    assert source.body == "\n\n".join(page.paragraphs)
    snapshot = source.snapshot
    assert snapshot.source == source
    assert snapshot.sha256 == hashlib.sha256(page.content()).hexdigest()
    assert snapshot.size == len(page.content())
    assert snapshot.content_type == "text/html"
    assert snapshot.url == web.url("/article")
    with snapshot.file.open("rb") as file:
        assert file.read() == page.content()
    assert source.retrieved_at == snapshot.fetched_at


def test_a_date_alone_is_saved_as_a_date(researcher_client, web):
    page = BY_KEY["lemonde"]
    source_fetch = fetch_through_the_page(researcher_client, serve(web, page))
    data = preview_data(researcher_client.get(source_fetch.get_absolute_url()))
    assert (data["published_at_0"], data["published_at_1"]) == ("2024-10-17", "")
    assert data["new_outlet"] == "Le Quotidien"

    researcher_client.post(source_fetch.get_absolute_url(), data)

    source = Source.objects.get()
    assert source.published_date_only
    assert source.published == datetime.date(2024, 10, 17)
    assert source.outlet.name == "Le Quotidien"
    detail = researcher_client.get(source.get_absolute_url())
    assert '<time datetime="2024-10-17">17 Oct 2024</time>' in detail.text
    edit = researcher_client.get(reverse("sources:source-update", args=[source.pk]))
    assert 'name="published_at_0" value="2024-10-17"' in edit.text
    assert 'name="published_at_1"' in edit.text and 'name="published_at_1" value' not in edit.text


def test_a_date_typed_by_hand_stays_a_date_and_a_time_makes_it_a_moment(researcher_client):
    outlet = Outlet.objects.create(name="Kontan")
    base = {"title": "A", "outlet": outlet.pk, "kind": "article", "language": "id"}

    researcher_client.post(
        reverse("sources:source-create"),
        {**base, "published_at_0": "2024-10-16", "published_at_1": ""},
    )
    researcher_client.post(
        reverse("sources:source-create"),
        {**base, "title": "B", "published_at_0": "2024-10-16", "published_at_1": "14:45"},
    )

    by_title = {source.title: source for source in Source.objects.all()}
    assert by_title["A"].published == datetime.date(2024, 10, 16)
    assert by_title["B"].published == datetime.datetime(2024, 10, 16, 14, 45, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda web: ("/x", Page(b"oops", status=500)), "failed on the site's side"),
        (lambda web: ("/x", Page(status=302, headers={"Location": "/x"})), "redirects in a loop"),
        (lambda web: ("/x", Page(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")), "PNG image"),
        (lambda web: ("/x", Page(b"PK\x03\x04" + b"\0" * 64, "application/pdf")), "ZIP archive"),
        (lambda web: ("/x", Page(b"x" * (3 * 2**20), "text/html")), "larger than 2 MB"),
    ],
    ids=["500", "redirect-loop", "image", "zip-as-pdf", "too-large"],
)
def test_a_bad_fetch_says_what_happened_and_saves_nothing(
    researcher_client, web, settings, setup, words
):
    settings.CLAIMTRAIL_FETCH_MAX_BYTES = 2 * 2**20
    path, page = setup(web)
    web.pages[path] = page

    source_fetch = fetch_through_the_page(researcher_client, web.url(path))
    response = researcher_client.get(source_fetch.get_absolute_url())

    assert response.status_code == 200
    assert source_fetch.status == SourceFetch.Status.FAILED
    assert words in html.unescape(response.text)
    assert "Nothing was saved" in response.text
    assert Source.objects.count() == 0
    assert Snapshot.objects.count() == 0


def test_a_private_address_is_refused_on_the_page(researcher_client, web, settings):
    settings.CLAIMTRAIL_FETCH_ALLOW_HOSTS = []
    web.pages["/a"] = Page(b"<p>internal</p>")

    source_fetch = fetch_through_the_page(researcher_client, web.url("/a"))
    response = researcher_client.get(source_fetch.get_absolute_url())

    assert "fetches only from the public web" in html.unescape(response.text)
    assert web.requests == []
    assert Source.objects.count() == 0


def test_a_url_that_is_no_web_address_is_refused_in_the_form(researcher_client):
    response = researcher_client.post(
        reverse("sources:fetch-create"), {"from": "url", "url": "file:///etc/passwd"}
    )

    assert response.status_code == 200
    assert "starting with https://" in response.text
    assert SourceFetch.objects.count() == 0


def test_a_pdf_upload_is_read_and_a_citation_locator_says_its_page(researcher_client):
    pdf = make_pdf(
        [
            ["Statement of the Ministry of Commerce on trade with Russia."],
            ["The ministry does not provide weapons to any party."],
            ["Normal trade must not be disrupted or restricted."],
        ],
        title="Statement on trade",
    )
    upload = io.BytesIO(pdf)
    upload.name = "statement.pdf"
    response = researcher_client.post(
        reverse("sources:fetch-create"), {"from": "upload", "file": upload}
    )
    source_fetch = SourceFetch.objects.get()
    assert response.url == source_fetch.get_absolute_url()

    preview = researcher_client.get(source_fetch.get_absolute_url())
    data = preview_data(preview)
    assert data["title"] == "Statement on trade"
    data["new_outlet"] = "Ministry of Commerce of China"
    researcher_client.post(source_fetch.get_absolute_url(), data)

    source = Source.objects.get()
    assert source.snapshot.content_type == "application/pdf"
    assert source.snapshot.filename == "statement.pdf"
    assert len(source.page_starts) == 3
    citation = Citation.of(source=source, quote="Normal trade must not be disrupted or restricted.")
    citation.claim = ClaimFactory()
    citation.full_clean()
    citation.save()
    assert citation.verification == "verified"
    assert citation.locator == "p. 3"
    assert citation.snapshot == source.snapshot


def test_an_upload_no_reader_takes_is_refused_in_the_form(researcher_client):
    upload = io.BytesIO(b"PK\x03\x04" + b"\0" * 100)
    upload.name = "report.pdf"

    response = researcher_client.post(
        reverse("sources:fetch-create"), {"from": "upload", "file": upload}
    )

    assert response.status_code == 200
    assert "ZIP archive" in response.text
    assert (SourceFetch.objects.count(), Snapshot.objects.count()) == (0, 0)


def test_a_fetch_is_its_owners(researcher_client, web):
    source_fetch = fetch_through_the_page(researcher_client, serve(web, BY_KEY["tass"]))
    other = UserFactory(username="other", researcher=True)
    client = Client()
    client.force_login(other)

    assert client.get(source_fetch.get_absolute_url()).status_code == 404


def test_a_snapshot_downloads_for_signed_in_users_only(researcher_client, reader, web):
    page = BY_KEY["nikkei"]
    source_fetch = fetch_through_the_page(researcher_client, serve(web, page))
    snapshot = source_fetch.snapshot
    client = Client()

    anonymous = client.get(snapshot.get_absolute_url())
    assert anonymous.status_code == 302 and "login" in anonymous.url
    client.force_login(reader)
    response = client.get(snapshot.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == page.content()
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


def cited_source(researcher_client, web, paragraphs):
    """A source added from the local server, with one citation per paragraph."""
    page = BY_KEY["kontan"]
    page = type(page)(**{**page.__dict__, "paragraphs": paragraphs})
    source_fetch = fetch_through_the_page(researcher_client, serve(web, page))
    data = preview_data(researcher_client.get(source_fetch.get_absolute_url()))
    data["url"] = web.url("/article")
    researcher_client.post(source_fetch.get_absolute_url(), data)
    source = Source.objects.get()
    citations = []
    for paragraph in paragraphs:
        citation = Citation.of(source=source, quote=paragraph)
        citation.claim = ClaimFactory()
        citation.save()
        citations.append(citation)
    return page, source, citations


def test_fetching_again_flags_quotes_no_longer_in_the_text(researcher_client, web):
    paragraphs = BY_KEY["kontan"].paragraphs
    page, source, (kept, edited, *_) = cited_source(researcher_client, web, paragraphs)
    first = source.snapshot
    assert kept.snapshot == first and edited.snapshot == first
    changed = [paragraphs[0], "China membantah semua tuduhan itu.", *paragraphs[2:]]
    web.pages["/article"] = Page(
        type(page)(**{**page.__dict__, "paragraphs": changed}).content(), page.content_type()
    )

    response = researcher_client.post(reverse("sources:source-recheck", args=[source.pk]))

    source_fetch = SourceFetch.objects.get(purpose="recheck")
    assert response.url == source_fetch.get_absolute_url()
    assert source_fetch.extracted["outcome"] == "changed"
    source.refresh_from_db()
    kept.refresh_from_db()
    edited.refresh_from_db()
    assert source.snapshot != first
    assert source.body == "\n\n".join(changed)
    assert list(source.snapshots.order_by("pk")) == [first, source.snapshot]
    assert (kept.verification, kept.snapshot) == ("verified", source.snapshot)
    assert (edited.verification, edited.snapshot) == ("not_found", first)  # the proof
    assert edited.changed_since_cited and not kept.changed_since_cited
    assert source_fetch.extracted["changed_since_cited"] == [edited.pk]
    outcome = researcher_client.get(source_fetch.get_absolute_url())
    assert "1 quote no longer in the text is flagged" in outcome.text
    reader = researcher_client.get(source.get_absolute_url())
    assert "changed since cited" in reader.text
    assert (
        f'id="snapshot-{first.pk}"' in reader.text
        and f'id="snapshot-{source.snapshot.pk}"' in reader.text
    )


def test_fetching_again_an_unchanged_page_keeps_no_new_snapshot(researcher_client, web):
    _, source, _ = cited_source(researcher_client, web, BY_KEY["kontan"].paragraphs)

    out = io.StringIO()
    call_command("recheck_sources", stdout=out)

    assert f"{source.pk} unchanged" in out.getvalue()
    assert source.snapshots.count() == 1


def test_a_page_gone_is_flagged(researcher_client, web):
    _, source, (citation, *_) = cited_source(researcher_client, web, BY_KEY["kontan"].paragraphs)
    web.pages["/article"] = Page(b"<h1>Gone</h1>", status=410)

    out = io.StringIO()
    call_command("recheck_sources", str(source.pk), stdout=out)

    assert f"{source.pk} gone" in out.getvalue()
    source.refresh_from_db()
    citation.refresh_from_db()
    assert source.gone_status == 410 and source.gone_since is not None
    assert citation.verification == "verified"  # the text we hold is what it said
    assert (
        "The page is gone: it answered 410" in researcher_client.get(source.get_absolute_url()).text
    )


def test_addsource_adds_a_page_and_prints_its_id_and_url(web, settings):
    settings.CLAIMTRAIL_BASE_URL = "https://claims.example.org"
    url = serve(web, BY_KEY["xinhua"])
    out = io.StringIO()

    call_command("addsource", url, "--outlet", "Xinhua", stdout=out)

    source = Source.objects.get()
    assert (
        out.getvalue().strip()
        == f"{source.pk} https://claims.example.org{source.get_absolute_url()}"
    )
    assert (source.outlet.name, source.language, source.title) == (
        "Xinhua",
        "zh",
        BY_KEY["xinhua"].title,
    )
    assert source.snapshot.sha256 == hashlib.sha256(BY_KEY["xinhua"].content()).hexdigest()


def test_addsource_reads_a_file_with_the_language_given(tmp_path):
    path = tmp_path / "pernyataan.md"
    path.write_text("# Pernyataan\n\n" + "\n\n".join(BY_KEY["kontan"].paragraphs))
    out = io.StringIO()

    call_command("addsource", str(path), "--outlet", "Kementerian", "--language", "ms", stdout=out)

    source = Source.objects.get()
    assert (source.title, source.language, source.outlet.name) == (
        "Pernyataan",
        "ms",
        "Kementerian",
    )
    assert source.snapshot.content_type == "text/markdown"


def test_addsource_says_what_went_wrong(web, settings):
    settings.CLAIMTRAIL_FETCH_ALLOW_HOSTS = []

    with pytest.raises(CommandError, match="fetches only from the public web"):
        call_command("addsource", web.url("/a"), "--outlet", "X", stdout=io.StringIO())
    assert Source.objects.count() == 0
    assert Snapshot.objects.count() == 0


def test_a_new_outlet_gets_the_sites_homepage_and_the_sites_next_page_finds_it(
    researcher_client, web
):
    page = BY_KEY["tass"]
    source_fetch = fetch_through_the_page(researcher_client, serve(web, page))
    data = preview_data(researcher_client.get(source_fetch.get_absolute_url()))
    assert (data.get("outlet"), data["new_outlet"]) == (None, "Новости Дня")
    researcher_client.post(source_fetch.get_absolute_url(), data)
    outlet = Outlet.objects.get(name="Новости Дня")
    assert outlet.homepage == "https://novosti.example.ru/"

    second = type(page)(**{**page.__dict__, "url": "https://novosti.example.ru/politika/2"})
    next_fetch = fetch_through_the_page(researcher_client, serve(web, second, "/second"))

    assert next_fetch.extracted["outlet"] == outlet.pk
    assert next_fetch.extracted["new_outlet"] == ""


def test_the_fetching_page_is_polled_until_the_fetch_is_done(researcher_client, researcher):
    waiting = SourceFetch.objects.create(owner=researcher, url="https://news.example/a")
    headers = {"HX-Request": "true", "HX-Target": "fetch-progress"}

    polled = researcher_client.get(waiting.get_absolute_url(), headers=headers)
    assert polled.status_code == 200
    assert "Waiting for a task worker" in polled.text
    assert 'hx-trigger="load delay:1s"' in polled.text
    assert "<html" not in polled.text  # the fragment alone

    SourceFetch.objects.filter(pk=waiting.pk).update(status="failed", error="It broke.")
    done = researcher_client.get(waiting.get_absolute_url(), headers=headers)
    assert done.headers.get("HX-Refresh") == "true"
    page = researcher_client.get(waiting.get_absolute_url())
    assert (
        "It broke." in page.text
        and "hx-trigger" not in page.text.split("fetch-progress", 1)[1][:200]
    )
