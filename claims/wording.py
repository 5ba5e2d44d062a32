"""How a quote's words change from hop to hop: Kontan's Indonesian sentence, Reuters'
English, the ministry's Russian, each relaying the next.

Two wordings are compared only when they are in the same language (`same_language`):
word by word (`records.text.words`, each Han character or kana a word), with case,
accents and punctuation aside (`records.text.fold`), by Python's difflib. A translation
is never compared with its original: side by side, each labelled with its language, is
all that can honestly be shown of those. Pure Python, no Django.
"""

import difflib
from dataclasses import dataclass, field

from records.text import fold, primary_language, words

# difflib's matcher is quadratic at worst: quotes are sentences, a pasted article is not.
MAX_WORDS = 500

SAME, ADDED, DROPPED, CHANGED = "same", "added", "dropped", "changed"


@dataclass(frozen=True)
class Segment:
    kind: str  # SAME, ADDED or DROPPED
    text: str


@dataclass
class Changes:
    """What a wording does to the words of the one it relays."""

    added: int = 0  # words it has and the other has not
    dropped: int = 0  # words the other has and it has not
    changed: int = 0  # words in place of others
    # Its text, with the dropped words of the other put where they stood.
    segments: list[Segment] = field(default_factory=list)
    too_long: bool = False

    @property
    def any(self) -> bool:
        return bool(self.added or self.dropped or self.changed)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """[(ADDED, 2), (CHANGED, 1)]: what a flag says, in the order it says it, without
        the kinds that did not happen. The words are the caller's, in the reader's language
        (`claims.models.Wording.summary`)."""
        return [
            (kind, count)
            for kind, count in (
                (ADDED, self.added),
                (DROPPED, self.dropped),
                (CHANGED, self.changed),
            )
            if count
        ]


def script_of(tag: str) -> str:
    """The script subtag of a BCP 47 tag ("Hant" in "zh-Hant-TW"), or ""."""
    return next((part for part in tag.split("-")[1:] if len(part) == 4 and part.isalpha()), "")


def same_language(first: str, second: str) -> bool:
    """Whether words tagged so can be compared word by word: one language ("en" and
    "en-GB" are), not written in two scripts ("sr-Latn" and "sr-Cyrl" are not)."""
    if not first or not second or primary_language(first) != primary_language(second):
        return False
    scripts = {script_of(first).casefold(), script_of(second).casefold()} - {""}
    return len(scripts) <= 1


def word_changes(relayed: str, relaying: str) -> Changes:
    """The words `relaying` adds, drops or changes from `relayed` (the words it got)."""
    old, new = words(relayed), words(relaying)
    if len(old) > MAX_WORDS or len(new) > MAX_WORDS:
        return Changes(segments=[Segment(SAME, relaying)], too_long=True)
    matcher = difflib.SequenceMatcher(
        None, [fold(word.group()) for word in old], [fold(word.group()) for word in new], False
    )
    changes, cursor = Changes(), 0

    def add(kind: str, text: str) -> None:
        last = changes.segments[-1] if changes.segments else None
        if last is not None and last.kind == kind:
            changes.segments[-1] = Segment(kind, last.text + text)
        else:
            changes.segments.append(Segment(kind, text))

    def show(kind: str, end: int) -> None:
        nonlocal cursor
        if end > cursor:
            add(kind, relaying[cursor:end])
            cursor = end

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            show(SAME, new[j2 - 1].end())
            continue
        if j2 > j1:
            show(SAME, new[j1].start())  # the space or punctuation before them
        if i2 > i1:
            add(DROPPED, relayed[old[i1].start() : old[i2 - 1].end()])
        if j2 > j1:
            show(ADDED, new[j2 - 1].end())
        # Two words in place of three: two changed, one dropped.
        changes.changed += min(i2 - i1, j2 - j1)
        changes.dropped += max(0, (i2 - i1) - (j2 - j1))
        changes.added += max(0, (j2 - j1) - (i2 - i1))
    show(SAME, len(relaying))
    return changes
