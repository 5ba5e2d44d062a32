"""Who speaks: the name an attribution points to, matched against the speakers we know.

Names and aliases match as `claims.matching` says one does (case and accents aside,
acronyms as written), looked up by the words of a phrase of the text.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.rules import lexicon
from assistant.rules.text import Word
from claims.matching import KnownSpeaker, SpeakerMatcher, name_key


@dataclass(frozen=True)
class SpeakerMatch:
    """The speaker of a suggestion: an existing one (`id`), or a new name to create."""

    name: str
    mention: str
    id: int | None = None

    @property
    def is_new(self) -> bool:
        return self.id is None


class NameIndex:
    """Names and aliases of speakers (or outlets) looked up by the words of a phrase."""

    def __init__(self, entries: Iterable[tuple[object, Iterable[str]]]):
        self._values: dict[str, object] = {}
        self.longest = 1
        for value, names in entries:
            for name in names:
                # The first value named so wins, as in a list of speakers by id.
                if key := name_key(name):
                    self._values.setdefault(key, value)
                    self.longest = max(self.longest, key.count(" ") + 1)

    def get(self, phrase: list[Word]) -> object | None:
        return self._values.get(name_key(" ".join(word.text for word in phrase)))

    def best_in(self, phrase: list[Word], *, anchored_end: bool) -> tuple[object, int, int] | None:
        """The longest name inside `phrase`, as (value, first word, last word + 1).

        With `anchored_end`, the name must end with the phrase's last word: in "Menteri
        Pertahanan Andrei Belousov" the name is the head at the end, not a word before it.
        """
        for length in range(min(self.longest, len(phrase)), 0, -1):
            starts = [len(phrase) - length] if anchored_end else range(len(phrase) - length + 1)
            for first in starts:
                value = self.get(phrase[first : first + length])
                if value is not None:
                    return value, first, first + length
        return None

    def starting_at(self, phrase: list[Word], first: int) -> tuple[object, int, int] | None:
        """The longest name that starts with word `first` of `phrase`."""
        for length in range(min(self.longest, len(phrase) - first), 0, -1):
            value = self.get(phrase[first : first + length])
            if value is not None:
                return value, first, first + length
        return None

    def mentioned(self, phrase: list[Word]) -> set:
        """Every value named anywhere in `phrase`."""
        found = set()
        for first in range(len(phrase)):
            for length in range(1, min(self.longest, len(phrase) - first) + 1):
                value = self.get(phrase[first : first + length])
                if value is not None:
                    found.add(value)
        return found


# Words before a name after the verb: "dijo el ministro X", "said Foreign Minister X".
_ARTICLES = {"the", "el", "la", "los", "las"}
_LEADERS = lexicon.TITLES | _ARTICLES


class SpeakerIndex(NameIndex):
    """The known speakers, looked up in phrases through the one speaker matcher."""

    def __init__(self, speakers: Iterable[KnownSpeaker]):
        self.matcher = SpeakerMatcher(speakers)
        self.longest = self.matcher.longest

    def get(self, phrase: list[Word]) -> KnownSpeaker | None:
        found = self.matcher.named(" ".join(word.text for word in phrase))
        return found[0] if found else None


def capitalised_run(phrase: list[Word], *, from_end: bool) -> list[Word]:
    """The run of capitalised words (joined by "de", "van"…) at the end (or start) of
    `phrase`: "Zhang Youxia", "Ministerio de Defensa"."""
    ordered = list(reversed(phrase)) if from_end else list(phrase)
    run: list[Word] = []
    for word in ordered:
        if word.capitalised or (run and word.folded in lexicon.NAME_CONNECTORS):
            run.append(word)
        else:
            break
    while run and not run[-1].capitalised:
        run.pop()
    return list(reversed(run)) if from_end else run


def new_name(run: list[Word], body: str) -> str:
    """An unknown name as written, without a leading role or adverb ("Foreign Minister
    Wang Yi" → "Wang Yi"), unless the role is all there is."""
    start = 0
    while start < len(run) - 1 and (
        run[start].folded in lexicon.TITLES
        or run[start].folded in lexicon.ADVERBS
        or run[start].folded in _ARTICLES
    ):
        start += 1
    kept = run[start:]
    return body[kept[0].start : kept[-1].end]


def resolve(
    phrase: list[Word], body: str, index: SpeakerIndex, *, head_at_end: bool
) -> SpeakerMatch | None:
    """The speaker named by `phrase` (the words beside an attribution verb).

    `head_at_end`: the name ends the phrase ("… Belousov mengatakan"); otherwise it starts
    it ("kata Belousov, …").
    """
    if not phrase:
        return None
    if head_at_end:
        found = index.best_in(phrase, anchored_end=True)
    else:
        # After the verb the name comes first, perhaps behind a role: "said Minister X".
        skip = 0
        while skip < len(phrase) - 1 and phrase[skip].folded in _LEADERS:
            skip += 1
        phrase = phrase[skip:]
        found = index.starting_at(phrase, 0)
    if found:
        speaker, first, last = found
        return SpeakerMatch(
            name=speaker.name,
            id=speaker.id,
            mention=body[phrase[first].start : phrase[last - 1].end],
        )
    run = capitalised_run(phrase, from_end=head_at_end)
    if run and not (len(run) == 1 and run[0].folded in lexicon.PRONOUNS):
        return SpeakerMatch(name=new_name(run, body), mention=body[run[0].start : run[-1].end])
    return None
