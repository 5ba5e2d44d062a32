"""Hostile text entered by a researcher is shown as text everywhere, never run."""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import OutletFactory
from tests.trust.hostile import HOSTILE, RAW_MARKERS, hostile_records
from tests.trust.urlconf import app_urls, fill

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def links(html: str) -> list[dict]:
    parser = Links()
    parser.feed(html)
    return parser.links


def assert_inert(html: str, where: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, f"{marker!r} unescaped in {where}"


@pytest.fixture
def hostile(db):
    return hostile_records()


def text_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def read_pages(client):
    """(path, response, text) for every read URL; HTML pages only have `<`s in markup."""
    for url in app_urls():
        if url.kind in ("read", "research"):
            path = fill(url)
            response = client.get(path)
            if response.get("Content-Type", "").startswith("image/png"):
                continue  # a picture of the text (a map's PNG): nothing in it can run
            yield path, response, text_of(response)


def test_every_page_shows_hostile_text_as_text(hostile, staff_client):
    seen_hostile = []
    for path, response, body in read_pages(staff_client):
        assert response.status_code == 200, path
        if response["Content-Type"].startswith("text/html"):
            assert_inert(body, path)
            if "&lt;script&gt;alert(" in body:
                seen_hostile.append(path)
    # The hostile records are really on these pages (escaped), not just absent.
    urls = {url.name: url for url in app_urls()}
    for name in ["claims:claim-detail", "claims:speaker-detail", "sources:source-detail"]:
        assert fill(urls[name]) in seen_hostile, name


def test_every_link_to_somewhere_else_carries_noopener_noreferrer(hostile, staff_client):
    external = 0
    for path, response, body in read_pages(staff_client):
        if not response["Content-Type"].startswith("text/html"):
            continue
        for link in links(body):
            href = link.get("href") or ""
            assert not href.lower().startswith("javascript:"), (path, href)
            if re.match(r"https?://", href):
                external += 1
                assert {"noopener", "noreferrer"} <= set((link.get("rel") or "").split()), (
                    path,
                    href,
                )
    assert external >= 1


def test_the_admin_shows_hostile_text_as_text(hostile, staff_client):
    for record in hostile.values():
        meta = record._meta
        for view, args in [("changelist", []), ("change", [record.pk]), ("history", [record.pk])]:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)
            response = staff_client.get(url)
            assert response.status_code == 200, url
            assert_inert(response.content.decode(), url)
            for link in links(response.content.decode()):
                if re.match(r"https?://", link.get("href") or ""):
                    assert {"noopener", "noreferrer"} <= set(link.get("rel", "").split()), url


def test_autocomplete_shows_hostile_names_as_text(hostile, researcher_client):
    response = researcher_client.get(reverse("claims:speaker-autocomplete"), {"q": "Speaker"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Speaker &lt;script&gt;" in body
    assert_inert(body, "speaker autocomplete")


def test_csv_exports_keep_hostile_text_as_data(hostile, reader_client):
    for name in ["claims:pair-export", "claims:claim-export"]:
        response = reader_client.get(reverse(name))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        cells = [cell for row in rows for cell in row]
        assert any(f"Claim {HOSTILE}" in cell for cell in cells), name


def test_json_embedded_in_pages_cannot_close_its_script_tag(hostile, reader_client):
    for path, _response, body in read_pages(reader_client):
        for block in re.findall(
            r'<script[^>]*type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', body, re.S
        ):
            assert "<" not in block, path
            json.loads(block)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x.example/"]
)
def test_a_source_url_must_be_a_web_address(staff_client, url):
    outlet = OutletFactory()
    response = staff_client.post(
        reverse("admin:sources_source_add"),
        {
            "title": "A source",
            "outlet": outlet.pk,
            "kind": "article",
            "language": "en",
            "url": url,
            "citations-TOTAL_FORMS": 0,
            "citations-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    errors = re.search(r'id="id_url_error">(.*?)</ul>', response.content.decode(), re.S)
    assert errors is not None
    assert "Enter a valid URL." in errors[1] or "Enter a web address starting" in errors[1]
    assert not outlet.sources.exists()
