"""Quotation marks in a text: which words a text puts between them.

Pure Python (no Django): the quote assistant finds its direct quotes with it, and the
reader asks it whether a selection is a quotation (a direct quote) or not (a paraphrase).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """A pair of quotation marks: `start`/`end` include the marks, `inner_*` do not. A quote
    left open where its paragraph (or the text) stops has `closed` False."""

    start: int
    end: int
    depth: int
    closed: bool = True

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


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
OPENS = "“«‹„‚「『‘"
CLOSERS = _OPENERS  # each opening mark → the marks that may close it
_OPENING_CONTEXT = " \t\n([{—–-/:：，," + "".join(_OPENERS)


def find_quotes(body: str, start: int, end: int) -> list[Quote]:
    """Every pair of quotation marks in body[start:end], nested ones with depth > 0, and
    the outermost one still open at `end` (a quotation cut off, or going on below).

    Straight quotes open after a space or an opening bracket and close elsewhere; a
    straight or curly apostrophe inside a word ("don't", "Xi's") is never a quote mark.
    """
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for index in range(start, end):
        char = body[index]
        if char not in _OPENERS and char not in "”»›」』’":
            continue
        before = body[index - 1] if index > start else " "
        after = body[index + 1] if index + 1 < end else " "
        if char in "'’" and before.isalnum() and (after.isalnum() or not stack):
            continue  # an apostrophe: "don't", "workers'"
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
            if char == "‘" and before.isalnum():
                continue
            stack.append((char, index))
    if stack:
        opener, opened_at = stack[0]
        if end - opened_at > 2 and opener not in "'‘":
            quotes.append(Quote(opened_at, end, 0, closed=False))
    return sorted(quotes, key=lambda quote: quote.start)


def top_level(quotes: list[Quote]) -> list[Quote]:
    return [quote for quote in quotes if quote.depth == 0]


def is_quoted(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is words between quotation marks, in its paragraph: the
    selection lies inside a pair (the marks may be selected too, or left out)."""
    paragraph_start = body.rfind("\n\n", 0, start) + 1
    paragraph_end = body.find("\n\n", end)
    if paragraph_end == -1:
        paragraph_end = len(body)
    return any(
        quote.start <= start and end <= quote.end and (end - start) > 0
        for quote in find_quotes(body, paragraph_start, paragraph_end)
    )
