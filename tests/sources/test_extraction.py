"""Pages in five languages and four charsets, and PDFs, fetched from a real local server and
read as a researcher would enter them: the article's text without the site around it, the
title, the date (with its time when the page gives one), the language and the outlet."""

import datetime

import pytest

from sources.extraction import ExtractionError, extract, page_of
from sources.fetching import fetch
from sources.models import Outlet
from tests.sources.news_pages import BY_KEY, PAGES
from tests.sources.pdfs import encrypted, make_pdf
from tests.webserver import Page


def fetched_and_read(web, page):
    web.pages["/article"] = Page(page.content(), page.content_type())
    fetched = fetch(web.url("/article"))
    return extract(
        fetched.content,
        content_type=fetched.content_type,
        charset=fetched.charset,
        url=fetched.final_url,
    )


@pytest.mark.parametrize(
    "page", PAGES, ids=lambda page: f"{page.key}-{page.charset}-{page.declare}"
)
def test_a_news_page_is_read_as_a_researcher_would_enter_it(web, page):
    extracted = fetched_and_read(web, page)

    assert extracted.format == "html"
    assert extracted.body == "\n\n".join(page.paragraphs)
    for boilerplate in [*page.boilerplate, "Facebook", "WhatsApp", "Related"]:
        assert boilerplate not in extracted.body
    assert extracted.title == page.title
    assert extracted.author == page.author
    assert extracted.site_name == page.site_name
    assert extracted.canonical_url == page.url
    assert extracted.published == page.published
    assert extracted.language == page.language


def test_a_date_alone_stays_a_date(web):
    extracted = fetched_and_read(web, BY_KEY["lemonde"])

    assert type(extracted.published) is datetime.date
    assert extracted.published == datetime.date(2024, 10, 17)


def test_a_time_is_kept_with_its_offset(web):
    extracted = fetched_and_read(web, BY_KEY["kontan"])

    assert extracted.published.utcoffset() == datetime.timedelta(hours=7)
    assert extracted.published.astimezone(datetime.UTC) == datetime.datetime(
        2024, 10, 16, 14, 45, tzinfo=datetime.UTC
    )


def test_windows_1252_is_read_when_the_server_says_latin_1(web):
    page = BY_KEY["lemonde"]
    web.pages["/a"] = Page(page.content(), "text/html; charset=ISO-8859-1")
    fetched = fetch(web.url("/a"))

    extracted = extract(fetched.content, content_type=fetched.content_type, charset=fetched.charset)

    assert "l’aident" in extracted.body  # U+2019 is 0x92 in windows-1252, not in Latin-1


def test_an_undeclared_charset_is_guessed(web):
    page = BY_KEY["xinhua"]
    content = page.content().replace(b'<meta charset="gbk">', b"")
    web.pages["/a"] = Page(content, "text/html")
    fetched = fetch(web.url("/a"))

    extracted = extract(fetched.content, content_type=fetched.content_type, charset=fetched.charset)

    assert extracted.title == page.title


@pytest.mark.django_db
def test_the_outlet_is_matched_by_the_site_of_the_address():
    kontan = Outlet.objects.create(name="Kontan", homepage="https://www.kontan.co.id/")
    telegram = Outlet.objects.create(
        name="Russian MoD (Telegram)", homepage="https://t.me/mod_russia"
    )
    Outlet.objects.create(name="No homepage")

    assert Outlet.objects.for_site("https://kontan.co.id/news/x") == kontan
    assert Outlet.objects.for_site("https://internasional.kontan.co.id/news/x") == kontan
    assert Outlet.objects.for_site("https://t.me/mod_russia/4512") == telegram
    assert Outlet.objects.for_site("https://t.me/someone_else/1") is None
    assert Outlet.objects.for_site("https://www.reuters.com/world/") is None
    assert Outlet.objects.for_site("") is None


def statement_pdf() -> bytes:
    return make_pdf(
        [
            ["Statement of the Ministry of Commerce", "Trade with Russia is normal trade."],
            ["The ministry does not provide weapons to any party."],
            ["Normal trade must not be disrupted or restricted."],
        ],
        title="Statement on trade with Russia",
        author="Ministry of Commerce",
        created="D:20241016214500+07'00'",
    )


def test_a_pdf_is_read_page_by_page(web):
    web.pages["/statement.pdf"] = Page(statement_pdf(), "application/pdf")
    fetched = fetch(web.url("/statement.pdf"))

    extracted = extract(fetched.content, content_type=fetched.content_type)

    assert extracted.format == "pdf"
    assert extracted.title == "Statement on trade with Russia"
    assert extracted.author == "Ministry of Commerce"
    assert extracted.language == "en"
    assert extracted.published == datetime.datetime(
        2024, 10, 16, 21, 45, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    assert len(extracted.page_starts) == 3
    where = extracted.body.index("must not be disrupted")
    assert page_of(extracted.page_starts, where) == 3
    assert page_of(extracted.page_starts, extracted.body.index("weapons")) == 2
    assert page_of(extracted.page_starts, 0) == 1


def test_a_text_file_and_a_markdown_file_are_read():
    markdown = b"# Statement\n\nThe ministry denies the report.\r\n"
    text = ("Pernyataan resmi\n\n" + "\n\n".join(BY_KEY["kontan"].paragraphs)).encode()

    read_markdown = extract(markdown, content_type="", filename="statement.md")
    read_text = extract(text, content_type="text/plain", filename="pernyataan.txt")

    assert (read_markdown.title, read_markdown.body) == (
        "Statement",
        "# Statement\n\nThe ministry denies the report.",
    )
    assert read_text.title == "Pernyataan resmi"
    assert read_text.language == "id"


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\0" * 100


@pytest.mark.parametrize(
    ("content", "content_type", "filename", "words"),
    [
        (png(), "image/png", "", "PNG image"),
        (b"GIF89a" + b"\0" * 50, "", "", "GIF image"),
        (b"\0\1\2binary", "application/octet-stream", "", "not a web page, a PDF or a text file"),
        (b"PK\x03\x04" + b"\0" * 100, "application/pdf", "report.pdf", "ZIP archive"),
        (b"not a pdf at all", "application/pdf", "report.pdf", "is not one"),
        (lambda: statement_pdf()[:400], "application/pdf", "report.pdf", "damaged"),
        (lambda: encrypted(statement_pdf()), "application/pdf", "", "protected by a password"),
        (lambda: make_pdf([[]]), "application/pdf", "", "no text, only images"),
        (b"   ", "text/plain", "", "empty"),
        (
            b"<html><body>"
            + b"<div>" * 100_000
            + b"<p>deep</p>"
            + b"</div>" * 100_000
            + b"</body></html>",
            "text/html",
            "",
            "No article text",
        ),
        (
            b"<html><body><nav><a href='/'>Home</a></nav><h1>Sign in</h1><form>"
            b"<input name='user'><input type='password' name='p'><button>Log in</button>"
            b"</form><p>Subscribe to read the full story.</p></body></html>",
            "text/html",
            "",
            "sign-in form and no article",
        ),
    ],
    ids=[
        "image",
        "gif",
        "binary",
        "zip-named-pdf",
        "not-a-pdf",
        "damaged-pdf",
        "encrypted-pdf",
        "scanned-pdf",
        "empty",
        "nested-100000-deep",
        "login-wall",
    ],
)
def test_what_cannot_be_read_says_what_happened_and_what_to_do(
    content, content_type, filename, words
):
    content = content() if callable(content) else content

    with pytest.raises(ExtractionError, match=words):
        extract(content, content_type=content_type, filename=filename)


def test_a_pdf_over_the_page_limit_is_refused(settings):
    settings.CLAIMTRAIL_PDF_MAX_PAGES = 4
    pdf = make_pdf([[f"Page {number} of the report."] for number in range(1, 6)])

    with pytest.raises(ExtractionError, match="5 pages; a source may have at most 4"):
        extract(pdf, content_type="application/pdf")
