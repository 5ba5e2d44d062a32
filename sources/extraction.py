"""A document's text and what a researcher enters about it, read from its bytes: an HTML
page (trafilatura for the article's text and metadata, htmldate for its date), a PDF
(pypdf, page by page, so that a citation's locator can say "p. 3"), a plain-text or
Markdown file. Nothing here touches the database but the outlet look-up.

What cannot be read is an `ExtractionError` whose message says what happened and what to
do; nothing else escapes (a page nested too deep for lxml, a damaged PDF)."""

import datetime
import io
import json
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree
from lxml import html as lxml_html

from records.validators import normalise_language_tag
from sources.decoding import decode

logger = logging.getLogger(__name__)

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A body shorter than this, beside a password field, is a sign-in page, not an article.
LOGIN_WALL_CHARS = 400
# What language detection reads: enough to tell, little enough to stay quick.
DETECT_CHARS = 5000


class ExtractionError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Extracted:
    """What was read from a document, for the preview's fields."""

    format: str  # "html", "pdf", "text"
    body: str
    title: str = ""
    author: str = ""
    site_name: str = ""
    published: datetime.date | datetime.datetime | None = None
    canonical_url: str = ""
    language: str = ""  # a suggestion: declared by the page, or detected
    page_starts: list[int] = field(default_factory=list)  # a PDF's pages, offsets in `body`


def sniffed_format(content: bytes, content_type: str, filename: str = "") -> str:
    """ "html", "pdf" or "text", from the bytes first (a ZIP named .pdf is a ZIP), then the
    declared type, then the file's name; an `ExtractionError` for anything else."""
    head = content[:1024].lstrip()
    name = filename.lower()
    if not content.strip():
        raise ExtractionError(
            _("The file is empty. Choose the saved page, the PDF or the text file.")
        )
    if head.startswith(b"%PDF-") or content[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        raise ExtractionError(
            _(
                "This is a ZIP archive (an Office document or an EPUB, say), not a PDF, a page or "
                "a text file. Save it as PDF or copy its text, then upload or paste that."
            )
        )
    for magic, kind in (
        (b"\x89PNG", gettext_lazy("a PNG image")),
        (b"\xff\xd8\xff", gettext_lazy("a JPEG image")),
        (b"GIF8", gettext_lazy("a GIF image")),
        (b"RIFF", gettext_lazy("an image or a media file")),
        (b"\x1f\x8b", gettext_lazy("a gzip archive")),
    ):
        if head.startswith(magic):
            raise ExtractionError(_not_text(str(kind)))
    if content_type.startswith(("image/", "video/", "audio/")):
        kinds = {"image": _("an image"), "video": _("a video"), "audio": _("a sound file")}
        kind = kinds[content_type.split("/")[0]]
        raise ExtractionError(_not_text(f"{kind} ({content_type})"))
    if content_type in PDF_TYPES or name.endswith(".pdf"):
        raise ExtractionError(
            _(
                "The file is called a PDF but is not one (it does not start as a PDF does). It "
                "may be damaged: download it again, or paste its text."
            )
        )
    if content_type in HTML_TYPES or name.endswith(HTML_SUFFIXES):
        return "html"
    if content_type in TEXT_TYPES or name.endswith(TEXT_SUFFIXES):
        return "text"
    if re.match(rb"(\xef\xbb\xbf)?\s*<(!doctype html|html|head|body|meta)", content[:512], re.I):
        return "html"
    if not content_type and b"\0" not in content[:4096]:
        return "text"
    raise ExtractionError(
        _not_text(
            _("a file of type {content_type}").format(content_type=content_type)
            if content_type
            else _("a file of an unknown type")
        )
    )


def _not_text(what: str) -> str:
    return _(
        "This is {what}, not a web page, a PDF or a text file. Claimtrail keeps the text a "
        "source prints: give the article's page, or paste its text."
    ).format(what=what)


def extract(
    content: bytes, *, content_type: str = "", charset: str = "", url: str = "", filename: str = ""
) -> Extracted:
    kind = sniffed_format(content, content_type, filename)
    try:
        if kind == "pdf":
            extracted = extract_pdf(content)
        elif kind == "html":
            extracted = extract_html(decode(content, charset)[0], url=url)
        else:
            extracted = extract_text(decode(content, charset, html=False)[0], filename=filename)
    except ExtractionError:
        raise
    except (RecursionError, MemoryError, ValueError, etree.LxmlError) as error:
        logger.warning("A document could not be read: %r", error)
        raise ExtractionError(
            _(
                "The document could not be read: it is built in a way no reader takes ({name__}). Open it in your browser and paste its text."
            ).format(name__=error.__class__.__name__)
        ) from None
    # The detector reads the text itself; a page's own `lang` is often its template's.
    extracted.language = detected_language(extracted.body) or extracted.language
    return extracted


# -- HTML ---------------------------------------------------------------------------------

_PUBLISHED_KEYS = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "DC.date.issued"),
)


def extract_html(text: str, *, url: str = "") -> Extracted:
    from trafilatura import bare_extraction

    tree = _parse(text)
    document = bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    body = _paragraphs(document.text if document is not None else "")
    if len(body) < LOGIN_WALL_CHARS and _has_password_field(text):
        raise ExtractionError(
            _(
                "The page shows a sign-in form and no article: the site wants a sign-in or a "
                "subscription. Open it in your browser, signed in, save the page (Ctrl+S) and "
                "upload the file, or paste the article's text."
            )
        )
    if not body:
        raise ExtractionError(
            _(
                "No article text was found on the page (it may be built by scripts, or be a "
                "list of links). Open it in your browser and paste the article's text."
            )
        )
    published = None
    if document is not None and document.date:
        day = datetime.date.fromisoformat(document.date[:10])
        published = _moment_on(day, text) or day
    return Extracted(
        format="html",
        body=body,
        title=(document.title or "").strip(),
        author=(document.author or "").strip(),
        site_name=(document.sitename or "").strip(),
        published=published,
        canonical_url=(document.url or "").strip(),
        language=_declared_language(text),
    )


def _parse(text: str):
    """The page as an lxml tree. libxml2 stops a tree at 256 levels unless told otherwise,
    which keeps a page nested 100 000 deep from costing more than its size."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with an encoding line
    parser = lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True)
    tree = lxml_html.document_fromstring(text or "<html></html>", parser=parser)
    if tree is None:
        raise ExtractionError(_("The page is empty. Check the address, or paste the text."))
    return tree


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)


def _has_password_field(text: str) -> bool:
    return bool(re.search(r"<input[^>]+type\s*=\s*[\"']?password", text, re.I))


def _declared_language(text: str) -> str:
    match = re.search(
        r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", text[:5000]
    )
    return normalise_language_tag(match.group(1)) if match else ""


def _moment_on(day: datetime.date, text: str) -> datetime.datetime | None:
    """The time of day the page gives for its publication, when it gives one for `day`
    (htmldate finds the day; it writes a time only as 00:00, which pages rarely mean)."""
    for candidate in _published_candidates(text):
        try:
            moment = datetime.datetime.fromisoformat(candidate.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if "T" not in candidate and " " not in candidate.strip():
            continue  # a date alone
        if moment.tzinfo is None:
            continue  # a time in no known zone would be a guess
        if moment.date() == day:
            return moment
    return None


def _published_candidates(text: str):
    head = text[:200_000]
    for attribute, key in _PUBLISHED_KEYS:
        pattern = rf"<meta[^>]+{attribute}\s*=\s*[\"']{re.escape(key)}[\"'][^>]*>"
        for tag in re.findall(pattern, head, re.I):
            content = re.search(r"content\s*=\s*[\"']([^\"']+)", tag, re.I)
            if content:
                yield content.group(1)
    for block in re.findall(
        r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", head, re.I | re.S
    ):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                yield item["datePublished"]
    yield from re.findall(r"<time[^>]+datetime\s*=\s*[\"']([^\"']+)", head, re.I)


# -- PDF ----------------------------------------------------------------------------------


def extract_pdf(content: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(
                _(
                    "The PDF is protected by a password. Open it, save a copy without the "
                    "password (or print it to PDF), and upload that."
                )
            )
        count = len(reader.pages)
        if count > settings.CLAIMTRAIL_PDF_MAX_PAGES:
            raise ExtractionError(
                _(
                    "The PDF has {count} pages; a source may have at most {CLAIMTRAIL_PDF_MAX_PAGES}. Save the pages you cite as a PDF of their own and upload that."
                ).format(count=count, CLAIMTRAIL_PDF_MAX_PAGES=settings.CLAIMTRAIL_PDF_MAX_PAGES)
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except ExtractionError:
        raise
    except (PdfReadError, PyPdfError, KeyError, TypeError, AttributeError, ValueError) as error:
        if "encrypt" in str(error).lower() or "crypt" in error.__class__.__name__.lower():
            raise ExtractionError(
                _(
                    "The PDF is encrypted in a way that cannot be opened here. Open it, save a "
                    "copy without protection (or print it to PDF), and upload that."
                )
            ) from None
        raise ExtractionError(
            _(
                "The PDF is damaged and cannot be read ({name__}). Download it again, or paste its text."
            ).format(name__=error.__class__.__name__)
        ) from None
    body, starts = "", []
    for text in pages:
        if body:
            body += "\n\n"
        starts.append(len(body))
        body += _pdf_paragraphs(text)
    if not body.strip():
        raise ExtractionError(
            _(
                "The PDF holds no text, only images of pages (a scan). Run it through text "
                "recognition (OCR) first, or paste its text."
            )
        )
    title = author = ""
    published = None
    if info is not None:
        title = str(info.title or "").strip()
        author = str(info.author or "").strip()
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        if created is not None:
            published = created.date() if created.tzinfo is None else created
    return Extracted(
        format="pdf", body=body, title=title, author=author, published=published, page_starts=starts
    )


def _pdf_paragraphs(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))


def page_of(page_starts: list[int], offset: int) -> int | None:
    """The page (from 1) that character `offset` of a PDF's text stands on."""
    if not page_starts:
        return None
    page = 0
    for number, start in enumerate(page_starts):
        if start <= offset:
            page = number
    return page + 1


# -- Plain text and Markdown ---------------------------------------------------------------


def extract_text(text: str, *, filename: str = "") -> Extracted:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ExtractionError(_("The file holds no text. Choose another, or paste the text."))
    title = ""
    first = text.split("\n", 1)[0].strip()
    if first.startswith("#"):
        title = first.lstrip("#").strip()
    elif len(first) <= 200:
        title = first
    return Extracted(format="text", body=text, title=title)


# -- Language -----------------------------------------------------------------------------


def detected_language(text: str) -> str:
    """The language the text is in, as a suggestion (py3langid, offline), or "" when the
    detector is not sure."""
    sample = text[:DETECT_CHARS]
    if len(sample.strip()) < 20:
        return ""
    language, probability = _identifier().classify(sample)
    return normalise_language_tag(language) if probability >= 0.5 else ""


_IDENTIFIER = None


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _IDENTIFIER
