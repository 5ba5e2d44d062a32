"""Direct quotes: which quotations in a sentence are statements (not a word or two held
at arm's length, as in the "substantive" talks), and which attribution each belongs to,
joining a quote split by its attribution ("…," kata Belousov, "…")."""

from dataclasses import dataclass

from assistant.rules.reported import Attribution
from assistant.rules.text import Quote, words

# Fewer words than this in quotation marks are a quoted phrase, not a statement.
MIN_QUOTE_WORDS = 4


@dataclass
class QuoteGroup:
    parts: list[Quote]
    attribution: Attribution | None

    @property
    def start(self) -> int:
        return self.parts[0].inner_start

    @property
    def end(self) -> int:
        return self.parts[-1].inner_end

    def text(self, body: str) -> str:
        return " ".join(body[part.inner_start : part.inner_end].strip() for part in self.parts)


def _distance(quote: Quote, attribution: Attribution) -> int:
    if attribution.start >= quote.end:
        return attribution.start - quote.end
    return max(0, quote.start - attribution.end)


def _stands_alone(body: str, quote: Quote, sentence_start: int) -> bool:
    """Is this quotation a statement of its own, rather than a phrase woven into the
    reporter's sentence? It stands alone when it opens the sentence or follows a colon or
    comma, starts with a capital, or ends with its own punctuation."""
    inner = body[quote.inner_start : quote.inner_end].strip()
    preceding = body[sentence_start : quote.start].rstrip()
    return not preceding or preceding[-1] in ":," or inner[:1].isupper() or inner[-1:] in ".!?,…"


def statement_quotes(
    body: str, sentence_start: int, quotes: list[Quote], found: list[Attribution]
) -> list[QuoteGroup]:
    speaking = [attribution for attribution in found if attribution.carries_statement]
    groups: list[QuoteGroup] = []
    for quote in quotes:
        nearest = min(speaking, key=lambda a: _distance(quote, a), default=None)
        previous = groups[-1] if groups else None
        if (
            previous is not None
            and nearest is not None
            and previous.attribution is nearest
            and previous.end <= nearest.start < quote.start
        ):
            # The attribution splits one quotation in two: join them.
            previous.parts.append(quote)
            continue
        groups.append(QuoteGroup([quote], nearest))
    return [
        group
        for group in groups
        if _stands_alone(body, group.parts[0], sentence_start)
        and len(words(group.text(body))) >= MIN_QUOTE_WORDS
    ]
