"""Denials: which suggested statement answers which.

Two cues, both general:
- the statement's verb is a denial ("membantah", "denied", "negó"): it denies the other
  statement, by another speaker, that shares most words with it;
- its content is negated ("tidak", "not", "no") and an earlier statement by another speaker
  is about this speaker (names it) and shares words with it: an accusation answered. In
  the seed, the United States says China supplies goods that help Russia make "senjata"
  (weapons); China says it does "tidak menyediakan persenjataan" (not provide weaponry).

Words are compared loosely — one containing the other, so that Indonesian "senjata" and
"persenjataan", English "weapon" and "weapons" meet — after leaving out function words
and names (any capitalised word), which say who, not what.
"""

from dataclasses import dataclass

from assistant.rules import lexicon
from assistant.rules.text import words

_MIN_WORD = 4
_MIN_SHARED_STEM = 5


@dataclass
class Statement:
    start: int
    end: int
    speaker_key: object  # an existing speaker's id or a new name; None when unknown
    speaker_names: set[str]  # folded names and aliases of the speaker
    content_start: int  # where the words after the attribution begin
    denial: bool


def content_words(body: str, start: int, end: int) -> set[str]:
    return {
        word.folded
        for word in words(body, start, end)
        if not word.capitalised
        and len(word.text) >= _MIN_WORD
        and word.folded not in lexicon.STOPWORDS
        and word.folded not in lexicon.NEGATIONS
    }


def _related(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _MIN_SHARED_STEM and shorter in longer


def shared_words(a: set[str], b: set[str]) -> int:
    return sum(1 for word in a if any(_related(word, other) for other in b))


def negated(body: str, start: int, end: int) -> bool:
    return any(
        word.folded in lexicon.NEGATIONS or word.folded.endswith("n't")
        for word in words(body, start, end)
    )


def _names(body: str, statement: Statement, names: set[str]) -> bool:
    """Does the statement name one of `names` in its content (not as its own speaker)?"""
    text_words = [word.folded for word in words(body, statement.content_start, statement.end)]
    joined = f" {' '.join(text_words)} "
    return any(f" {name} " in joined for name in names)


def denials(body: str, statements: list[Statement]) -> list[tuple[int, int]]:
    """(denied, denying) index pairs into `statements`."""
    vocab = [content_words(body, s.content_start, s.end) for s in statements]
    pairs = []
    for index, statement in enumerate(statements):
        if statement.speaker_key is None:
            continue
        others = [
            other
            for other, candidate in enumerate(statements)
            if other != index
            and candidate.speaker_key is not None
            and candidate.speaker_key != statement.speaker_key
        ]
        if statement.denial:
            scored = [(shared_words(vocab[index], vocab[other]), other) for other in others]
            scored = [(score, other) for score, other in scored if score > 0]
            if not scored:
                # Nothing in common: the nearest earlier statement about this speaker.
                about = [
                    other
                    for other in others
                    if other < index and _names(body, statements[other], statement.speaker_names)
                ]
                if about:
                    pairs.append((about[-1], index))
                continue
        elif negated(body, statement.content_start, statement.end):
            scored = [
                (shared_words(vocab[index], vocab[other]), other)
                for other in others
                if other < index and _names(body, statements[other], statement.speaker_names)
            ]
            scored = [(score, other) for score, other in scored if score > 0]
        else:
            continue
        if scored:
            # Most words in common; between equals, the nearest.
            best = max(scored, key=lambda pair: (pair[0], -abs(index - pair[1])))
            pairs.append((best[1], index))
    return pairs
