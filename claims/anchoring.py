"""Find a quote in a source's text, W3C Web Annotation style.

A quote is anchored by its exact text plus a little context before and after it
(TextQuoteSelector) and by character offsets (TextPositionSelector). We look for an exact
match first, then for a match that forgives differences a copy-and-paste or a retyping
introduces: runs of whitespace, the many quotation marks and the many dashes.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

CONTEXT_LENGTH = 32

# Every quotation mark folds to a straight one, every dash and minus to a hyphen.
_QUOTE_FOLDS = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»〝〞＂「」『』", '"'),
        **dict.fromkeys("‘’‚‛‹›′＇`´", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        "\u00a0": " ",
    }
)
_WHITESPACE = re.compile(r"\s+")


class Match(StrEnum):
    EXACT = "exact"
    NORMALISED = "normalised"


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    prefix: str
    suffix: str
    match: Match


class AmbiguousQuote(Exception):
    """The quote stands more than once and nothing says which occurrence is meant."""

    def __init__(self, occurrences: int):
        self.occurrences = occurrences
        super().__init__(f"The quote occurs {occurrences} times in the source text.")


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes and whitespace; return the folded text and, for each of its
    characters, the offset of the character in `text` it came from."""
    folded: list[str] = []
    origins: list[int] = []
    in_space = False
    for index, char in enumerate(text.translate(_QUOTE_FOLDS)):
        if char.isspace():
            if in_space or not folded:
                continue
            in_space = True
            folded.append(" ")
        else:
            in_space = False
            folded.append(char)
        origins.append(index)
    while folded and folded[-1] == " ":
        folded.pop()
        origins.pop()
    return "".join(folded), origins


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Every start of `needle` in `haystack`, overlapping ones included, in time linear in
    the two lengths.

    Searching afresh one character past each occurrence compares the whole quote again at
    every step: a quote made of a repeated pattern ("a a a …") in a text of that pattern
    stands at every period of it, and that was quadratic. Within such a run the next
    occurrence is one period on exactly when the text goes on with the quote's last period;
    once the run ends, none can start before the quote's end less one period (Fine and
    Wilf: an overlap by more than one period would continue the run).
    """
    found = []
    start = haystack.find(needle)
    if start == -1:
        return found
    length, period = len(needle), _shortest_period(needle)
    tail = needle[length - period :]
    while start != -1:
        found.append(start)
        while haystack.startswith(tail, start + length):
            start += period
            found.append(start)
        start = haystack.find(needle, start + length - period + 1)
    return found


def _shortest_period(text: str) -> int:
    """The smallest p with text[i] == text[i + p] throughout (Knuth–Morris–Pratt's border
    table, in one pass)."""
    border = [0] * len(text)
    matched = 0
    for index in range(1, len(text)):
        while matched and text[index] != text[matched]:
            matched = border[matched - 1]
        if text[index] == text[matched]:
            matched += 1
        border[index] = matched
    return len(text) - border[-1]


def _context_score(body: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the given context agree with the text around a match."""
    score = 0
    if prefix:
        before = body[max(0, start - len(prefix)) : start]
        score += _agreeing(before[::-1], prefix[::-1])
    if suffix:
        score += _agreeing(body[end : end + len(suffix)], suffix)
    return score


def _agreeing(text: str, wanted: str) -> int:
    """Characters equal at the same place; the usual answer, all of them, in one comparison
    (a quote that stands hundreds of thousands of times mostly has its context whole)."""
    if text == wanted[: len(text)]:
        return len(text)
    return sum(1 for a, b in zip(text, wanted, strict=False) if a == b)


def _pick(
    body: str, spans: list[tuple[int, int]], prefix: str, suffix: str, near: int | None
) -> tuple[int, int]:
    if len(spans) == 1:
        return spans[0]
    if prefix or suffix:
        scores = [_context_score(body, s, e, prefix, suffix) for s, e in spans]
        best = max(scores)
        tied = [span for span, score in zip(spans, scores, strict=True) if score == best]
    else:
        tied = spans  # nothing tells them apart but the position
    if len(tied) == 1:
        return tied[0]
    if near is not None:
        # The context does not decide; the remembered position does (W3C: position hint).
        return min(tied, key=lambda span: abs(span[0] - near))
    raise AmbiguousQuote(len(spans))


def anchor_quote(
    body: str, quote: str, *, prefix: str = "", suffix: str = "", near: int | None = None
) -> Anchor | None:
    """Anchor `quote` in `body`, or return None when it is not there.

    `prefix` and `suffix` (the text just before and after the quote) choose between several
    occurrences; `near` (a remembered start offset) breaks a tie the context leaves.
    Raises AmbiguousQuote when neither can tell occurrences apart.
    """
    if not body or not quote.strip():
        return None
    spans = [(s, s + len(quote)) for s in _occurrences(body, quote)]
    match = Match.EXACT
    if not spans:
        folded_body, origins = normalise(body)
        folded_quote, _ = normalise(quote)
        if not folded_quote:
            return None
        spans = [
            (origins[s], origins[s + len(folded_quote) - 1] + 1)
            for s in _occurrences(folded_body, folded_quote)
        ]
        match = Match.NORMALISED
    if not spans:
        return None
    start, end = _pick(body, spans, prefix, suffix, near)
    return Anchor(
        start=start,
        end=end,
        prefix=body[max(0, start - CONTEXT_LENGTH) : start],
        suffix=body[end : end + CONTEXT_LENGTH],
        match=match,
    )
