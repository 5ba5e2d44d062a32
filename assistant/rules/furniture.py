"""Page furniture: the parts of a pasted page that nobody said — headlines, bylines,
captions, "also read" teasers, credits, share and follow links — left out before reading."""

import re

from assistant.rules.lexicon import EN, Language
from records.text import WORD, fold

_STOPS = ".!?…。！？"
_CLOSERS = '”"»’』」)）'
_LINK = re.compile(r"https?://|www\.|@\w{2,}|#\w{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CREDIT = re.compile(r"^[(（]\s*[^()（）]{1,24}\s*[)）]$")
# A headline or a teaser is short; a sentence that someone said is rarely this short and
# without its full stop.
_SHORT_WORDS = 14
_SHORT_CJK = 32
_HEADLINE_WORDS = 24
# A time stamp ("13:05", "3:14 PM", "10.15 WIB") in a short paragraph near the top: the
# byline and date line under a headline and its standfirst.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
_STAMP_WORDS = 20
_HEADER_PARAGRAPHS = 4
_BYLINE_WORDS = 6
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BYLINE = re.compile(r"(?:By|Por|Par|Oleh|От|Автор)\s", re.IGNORECASE)


def is_furniture(text: str, language: Language, *, first: bool) -> bool:
    """Is this paragraph page furniture? `first`: it opens the text (a headline)."""
    folded = fold(text[:40])
    ended = _ends_sentence(text.rstrip())
    size, chinese = _size(text)
    short = _SHORT_CJK if chinese else _SHORT_WORDS
    for opening in (*language.furniture, *EN.furniture):
        if folded.startswith(opening) and (
            len(folded) == len(opening)
            or folded[len(opening)] in ":|/-–—"
            # "Источник в Минсельхозе утверждает, …", "Photo shows …": a sentence of the
            # text may open with the word a caption or a credit opens with.
            or (not folded[len(opening)].isalnum() and (not ended or size < short))
        ):
            return True
    if _CREDIT.match(text.strip()) or "©" in text or text.count("|") >= 2:
        return True
    if _LINK.search(text) and len(WORD.findall(_LINK.sub("", text))) < _SHORT_WORDS:
        return True
    if first and not ended and size <= (_SHORT_CJK if chinese else _HEADLINE_WORDS):
        return True
    return not ended and size < short and not any(mark in text for mark in '"“«„「')


def _size(text: str) -> tuple[int, bool]:
    """How long a paragraph is: its characters when it is mostly Chinese (True), else its
    words."""
    cjk = len(_CJK.findall(text))
    if cjk * 2 > len(text):
        return cjk, True
    return len(WORD.findall(text)), False


def _ends_sentence(text: str) -> bool:
    """Does a paragraph end as a sentence does: a full stop, perhaps inside a closing
    quotation mark? A headline may end in a quotation; it has no full stop in it."""
    stripped = text.rstrip(_CLOSERS)
    return stripped[-1:] in _STOPS or (stripped != text and stripped[-1:] in ",")


def header_end(texts: list[str]) -> int:
    """How many paragraphs open the page above its byline and time stamp (a headline, a
    standfirst): none of them is a statement. 0 when no time stamp stands near the top."""
    for number, text in enumerate(texts[: _HEADER_PARAGRAPHS + 1]):
        size, chinese = _size(text)
        limit = _SHORT_CJK if chinese else _STAMP_WORDS
        if not size or size > limit or _ends_sentence(text.rstrip()):
            continue
        # A time stamp, or a byline or a date alone ("By Al Jazeera Staff", "Published On
        # 3 Dec 2026"), which a headline's few words carry only by chance.
        if _CLOCK.search(text) or (
            not chinese and size <= _BYLINE_WORDS and (_YEAR.search(text) or _BYLINE.match(text))
        ):
            return number
    return 0
