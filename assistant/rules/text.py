"""The text itself: folding for comparison, words with offsets, paragraphs and sentences.

Every position is a character offset into the original body, so that what the assistant
suggests can be cut out of the body exactly and anchored as a citation.
"""

import re
from dataclasses import dataclass

from records.text import WORD, fold

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Words before a full stop that do not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "jr",
    "sr",
    "sra",
    "st",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "bpk",
    "ir",
    "h",
    "dll",
    "dsb",
    "tsb",
    "dra",
    "ee.uu",
    "uu",
    "ee",
}
_SENTENCE_END = ".!?…"
_ALWAYS_END = "。！？"
CLOSERS = "”\"’'»›」』)]"


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def folded(self) -> str:
        return fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def words(body: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(body) if end is None else end
    return [
        Word(match.start(), match.end(), match.group()) for match in WORD.finditer(body, start, end)
    ]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks of text between blank lines, trimmed."""
    spans, position = [], 0
    for brk in [*_PARAGRAPH_BREAK.finditer(body), None]:
        stop = brk.start() if brk else len(body)
        start, end = position, stop
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
        position = brk.end() if brk else len(body)
    return spans


@dataclass(frozen=True)
class Quote:
    """A pair of quotation marks: `start`/`end` include the marks, `inner_*` do not."""

    start: int
    end: int
    depth: int

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


_OPENERS = {
    "“": "”",
    "«": "»",
    "‹": "›",
    "„": "“”",
    "‚": "‘’",
    "「": "」",
    "『": "』",
    "‘": "’",
    '"': '"',
    "'": "'",
}
_OPENING_CONTEXT = " \t\n([{—–-/:" + "".join(_OPENERS)


def find_quotes(body: str, start: int, end: int) -> list[Quote]:
    """Every pair of quotation marks in body[start:end], nested ones with depth > 0.

    Straight quotes open after a space or an opening bracket and close elsewhere; a
    straight or curly apostrophe inside a word ("don't", "Xi's") is never a quote mark.
    """
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for index in range(start, end):
        char = body[index]
        before = body[index - 1] if index > start else " "
        after = body[index + 1] if index + 1 < end else " "
        if char in "'’" and before.isalnum() and after.isalnum():
            continue  # an apostrophe
        if stack and char in _OPENERS[stack[-1][0]]:
            opener = stack[-1][0]
            straight_reopen = opener == char and before in _OPENING_CONTEXT and not after.isspace()
            closes = not straight_reopen and not (char in "'’" and after.isalnum())
            if closes:
                _, opened_at = stack.pop()
                if index - opened_at > 1:
                    quotes.append(Quote(opened_at, index + 1, len(stack)))
                continue
        if char in _OPENERS:
            if char in "\"'" and (before not in _OPENING_CONTEXT or after.isspace()):
                continue
            if char == "'" and not after.isalnum():
                continue
            stack.append((char, index))
    return sorted(quotes, key=lambda quote: quote.start)


def top_level(quotes: list[Quote]) -> list[Quote]:
    return [quote for quote in quotes if quote.depth == 0]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def _is_abbreviation(body: str, stop: int, paragraph_start: int) -> bool:
    """Is the full stop at `stop` the end of an abbreviation or an initial?"""
    begin = stop
    while begin > paragraph_start and (body[begin - 1].isalpha() or body[begin - 1] == "."):
        begin -= 1
    token = body[begin:stop]
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return fold(token) in _ABBREVIATIONS


def sentences(body: str) -> list[Sentence]:
    """Split into sentences, never inside a quotation: a quoted passage of several
    sentences stays in the sentence that carries it."""
    result: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(body)):
        quoted = top_level(find_quotes(body, p_start, p_end))
        inside = [False] * (p_end - p_start)
        for quote in quoted:
            for offset in range(quote.start + 1 - p_start, quote.end - 1 - p_start):
                inside[offset] = True
        start = p_start
        index = p_start
        while index < p_end:
            char = body[index]
            boundary = None
            if not inside[index - p_start] and char in _ALWAYS_END:
                boundary = index + 1
            elif char in _SENTENCE_END and not _is_abbreviation(body, index, p_start):
                after = index + 1
                while after < p_end and body[after] in CLOSERS:
                    after += 1
                # Inside a quotation only a stop right before its closing mark counts.
                closes_quote = inside[index - p_start] and after > index + 1
                if (not inside[index - p_start] or closes_quote) and (
                    after == p_end
                    or (body[after].isspace() and _starts_sentence(body, after, p_end))
                ):
                    boundary = after
            if boundary is not None:
                result.append(Sentence(start, boundary, number))
                start = boundary
                while start < p_end and body[start].isspace():
                    start += 1
                index = start
                continue
            index += 1
        if start < p_end:
            result.append(Sentence(start, p_end, number))
    return result


def _starts_sentence(body: str, position: int, end: int) -> bool:
    while position < end and body[position].isspace():
        position += 1
    if position >= end:
        return True
    char = body[position]
    return char.isupper() or char.isdigit() or char in _OPENERS or char in "¿¡#("
