"""The text itself: words with offsets, paragraphs, quotations and sentences.

Every position is a character offset into the original body, so that what the assistant
suggests can be cut out of the body exactly and anchored as a citation. Everything here is
one pass over the text (sentences by `sentencex`, a maintained segmenter for some 300
languages), so a long article costs in proportion to its length.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import sentencex

from records.quotes import OPENS, Quote, find_quotes, top_level
from records.text import WORD, fold

# Marks that set a name off, as around «Говорит Москва» or „Polarnye linii“ (not a quotation).
NAME_OPENINGS = ("«", "„", "“")

# A line ending in one of these ends its paragraph even when the next goes on in lower case.
_LINE_ENDS = '.!?…。！？:：;”"»)]）】'


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    """`records.text.fold`, remembered: an article repeats its words."""
    return fold(text)


# An elided article before a word: "l'AFP", "L'ONG Droits Sahel", "d'Amnesty".
_ELIDED = re.compile(r"^[LlDd][’']\s*(?=\w)")


def without_elision(text: str) -> str:
    """The text without the elided article it opens with, if any: "l'AFP" is "AFP"."""
    return _ELIDED.sub("", text, count=1)


def is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @cached_property
    def folded(self) -> str:
        return _folded(self.text)

    @cached_property
    def bare(self) -> str:
        """Folded, without an elided article: "l'économiste" is "economiste"."""
        return _folded(without_elision(self.text))

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = self.text.replace("-", "")
        return len(letters) > 1 and letters.isupper()


def words(body: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(body) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(body, start, end)]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed: a line of text, or lines run together
    when the text was wrapped (see `_wrapped`)."""
    spans = []
    position = 0
    length = len(body)
    while position < length:
        stop = body.find("\n", position)
        stop = length if stop == -1 else stop
        start, end = position, stop
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            if spans and _wrapped(body, spans[-1][1], start):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        position = stop + 1
    return spans


def _wrapped(body: str, previous_end: int, start: int) -> bool:
    """Is the line at `start` the same paragraph as the one before, wrapped? Yes when the
    line before stops mid-sentence on a single line break and this one goes on in lower case."""
    gap = body[previous_end:start]
    return (
        gap.count("\n") == 1 and body[previous_end - 1] not in _LINE_ENDS and body[start].islower()
    )


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Spans:
    """Sorted, non-overlapping spans, for asking what covers a position in log time."""

    spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [start for start, _ in self.spans]

    def covering(self, position: int) -> tuple[int, int] | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and self.spans[index][0] <= position < self.spans[index][1]:
            return self.spans[index]
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start in [start, end)."""
        return self.spans[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def _segments(language: str, text: str) -> list[int]:
    """Offsets in `text` where sentencex ends a sentence."""
    ends, position = [], 0
    for segment in sentencex.segment(language, text):
        position += len(segment)
        ends.append(position)
    if position != len(text):  # the segmenter changed the text: keep it whole
        return [len(text)]
    return ends


def sentences(body: str, language: str = "en", quotes: list[Quote] | None = None) -> list[Sentence]:
    """The sentences of each paragraph, as sentencex splits them, never inside a
    quotation: a quoted passage of several sentences stays in the sentence that carries it.
    `quotes` are the body's top-level quotations (found when not given)."""
    if quotes is None:
        quotes = [q for p in paragraphs(body) for q in top_level(find_quotes(body, *p))]
    inside = Spans([(q.inner_start, q.inner_end) for q in quotes])
    result: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(body)):
        start = p_start
        for offset in _segments(language, body[p_start:p_end]):
            boundary = p_start + offset
            quoted = inside.covering(boundary - 1)
            if boundary < p_end and quoted is not None and quoted[1] > boundary:
                continue  # within a quotation: the sentence goes on
            # An opening quotation mark the segmenter left at the end goes with what it opens.
            next_start = p_start + offset
            while boundary > start and (
                body[boundary - 1].isspace()
                or body[boundary - 1] in OPENS
                or (body[boundary - 1] in "\"'" and body[boundary - 2 : boundary - 1].isspace())
            ):
                boundary -= 1
                if not body[boundary].isspace():
                    next_start = boundary
            if boundary > start:
                result.append(Sentence(start, boundary, number))
            start = next_start
            while start < p_end and body[start].isspace():
                start += 1
        if start < p_end:
            result.append(Sentence(start, p_end, number))
    return result
