"""Whether a name means a speaker we know: the one rule the import, the quote assistant and
its review all follow.

- A speaker is known by their name and every alias, compared word by word with case,
  accents and spacing aside (`records.text.fold`): "belousov", "Bélousov" and
  "BELOUSOV" are Andrei Belousov's alias "Belousov".
- Short all-capital spellings are acronyms and match only as written: "AS" is the
  United States in Indonesian, "as" is an English word.
- Names are not unique. Among several speakers of one name the description decides
  ("Minister of Defence of Russia"); a description that fits none of them means a
  namesake we do not know yet.
- Near misses (`SpeakerMatcher.near`), for text that names a speaker the way reporting
  does: the surname alone ("Lavrov" is Sergei Lavrov), a misspelling by one letter or two
  letters swapped ("Zahkarova"), another alphabet ("Белоусов" is Belousov), a case
  ending ("Захаровой") and a middle name more ("Syed Salahuddin Ahmed Qureshi" is
  Salahuddin Qureshi). Only the assistant proposes these; a person confirms them.

Pure Python (no Django), so that the assistant's rules can use it.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from records.text import WORD, fold

MAX_ACRONYM_LETTERS = 5
# A spelling this many speakers share has its namesakes kept by description too.
_MANY_NAMESAKES = 8


@dataclass(frozen=True, slots=True)
class KnownSpeaker:
    """What matching needs of a speaker. `id` is a primary key, or any other reference for a
    speaker that is still to be created (the import's, the assistant's new names)."""

    id: Hashable
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def is_acronym(words: str) -> bool:
    letters = words.replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= MAX_ACRONYM_LETTERS


def name_key(spelling: str) -> str:
    """The form a spelling is compared in: its words, folded unless they are an acronym.
    Punctuation between words does not count ("U.S." is "U S")."""
    words = " ".join(WORD.findall(spelling))
    return words if is_acronym(words) else fold(words)


# Russian letters as English-language reporting writes them.
_CYRILLIC = str.maketrans(
    {
        **dict(zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye", strict=True)),
        **{"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "yu", "я": "ya", "ъ": "", "ь": "", "'": ""},
    }
)
# Spellings that differ between transliterations: "Sergei"/"Sergey", "Zakharova"/"Zaharova".
_SPELLINGS = (("kh", "h"), ("y", "i"), ("w", "v"), ("ph", "f"), ("ck", "k"))
_VOWELS = "aeiou"
_SHORTEST_STEM = 4
_FUZZY_FROM = 5  # letters: shorter words must match exactly, longer ones may miss one


def skeleton(word: str) -> str:
    """A name's word as it sounds across spellings: in Latin letters, case and accents
    aside, doubled letters once, without a final vowel (a Russian case ending: "Захаровой"
    and "Zakharova" are both "zaharov")."""
    latin = fold(word).removesuffix("'s").translate(_CYRILLIC)
    for written, spoken in _SPELLINGS:
        latin = latin.replace(written, spoken)
    if latin.endswith("j"):  # "Sergej"
        latin = latin[:-1] + "i"
    latin = "".join(char for n, char in enumerate(latin) if n == 0 or char != latin[n - 1])
    stem = latin.rstrip(_VOWELS)
    return stem if len(stem) >= _SHORTEST_STEM else latin


def _one_apart(a: str, b: str) -> bool:
    """At most one letter added, dropped, changed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [n for n in range(len(a)) if a[n] != b[n]]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:n] + longer[n + 1 :] == shorter for n in range(len(longer)))


def _near_word(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= _FUZZY_FROM and _one_apart(a, b)


def _deletions(key: str) -> set[str]:
    return {key, *(key[:n] + key[n + 1 :] for n in range(len(key)))}


class SpeakerMatcher:
    """Known speakers, looked up by any of their spellings."""

    def __init__(self, speakers: Iterable[KnownSpeaker] = ()) -> None:
        # Made for every speaker at once (the import's 50 000 and more): only what a name's
        # lookup needs is built up front; the rest when it is first asked for.
        self._by_key: dict[str, list[KnownSpeaker]] = {}
        self._added: set[KnownSpeaker] = set()
        # By spelling, then folded description, so that a lookup among many namesakes
        # (thousands share a surname) costs one step, not one a namesake: made for such a
        # spelling when it is first looked up with a description.
        self._by_description: dict[str, dict[str, list[KnownSpeaker]]] = {}
        self._speakers: list[KnownSpeaker] = []
        self.first_words: set[str] = set()  # each spelling's first word, as keys are
        # Built on the first near-miss lookup: skeleton of a spelling's last word (and
        # each one-letter deletion of it) → (speaker, the spelling's skeletons), and when
        # each speaker was first added.
        self._by_surname: dict[str, list[tuple[KnownSpeaker, tuple[str, ...]]]] | None = None
        self._order: dict[int, int] | None = None
        self.longest = 1  # the most words in any spelling, for phrase lookups
        for speaker in speakers:
            self.add(speaker)

    def add(self, speaker: KnownSpeaker) -> None:
        """Know one more speaker (one created while matching goes on, say)."""
        if speaker not in self._added:
            self._added.add(speaker)
            keys = dict.fromkeys(name_key(spelling) for spelling in speaker.spellings)
            keys.pop("", None)
            for key in keys:
                self._by_key.setdefault(key, []).append(speaker)
                described = self._by_description.get(key)
                if described is not None:
                    described.setdefault(fold(speaker.description), []).append(speaker)
                words = key.count(" ") + 1
                if words > self.longest:
                    self.longest = words
                self.first_words.add(key.split(" ", 1)[0])
        self._speakers.append(speaker)
        self._by_surname = self._order = None

    def near(self, spelling: str) -> list[KnownSpeaker]:
        """Speakers that `spelling` names by a near miss (see the module docstring), in the
        order they were added: its last word is, nearly, the last word of one of their
        spellings, and each other word is nearly another word of it, or its initial."""
        words = [skeleton(word) for word in WORD.findall(spelling)]
        if not words or any(not word for word in words):
            return []
        found: list[KnownSpeaker] = []
        for key in _deletions(words[-1]):
            for speaker, known in self._surnames().get(key, ()):
                if speaker in found or not _near_word(words[-1], known[-1]):
                    continue
                rest = known[:-1]
                unmatched = [
                    n
                    for n, word in enumerate(words[:-1])
                    if not any(_near_word(word, other) or other.startswith(word) for other in rest)
                ]
                # One middle name more than the known spelling has ("Syed Salahuddin Ahmed
                # Qureshi" is Salahuddin Qureshi), when every word of that spelling is there.
                middle = (
                    len(unmatched) == 1
                    and unmatched[0] > 0
                    and rest
                    and all(any(_near_word(word, other) for word in words) for other in rest)
                )
                if not unmatched or middle:
                    found.append(speaker)
        if self._order is None:
            self._order = {}
            for position, speaker in enumerate(self._speakers):
                self._order.setdefault(id(speaker), position)
        return sorted(found, key=lambda speaker: self._order.get(id(speaker), 0))

    def _surnames(self) -> dict[str, list[tuple[KnownSpeaker, tuple[str, ...]]]]:
        if self._by_surname is None:
            self._by_surname = {}
            for speaker in self._speakers:
                for spelling in speaker.spellings:
                    known = tuple(skeleton(word) for word in WORD.findall(spelling))
                    if not known or is_acronym(" ".join(WORD.findall(spelling))):
                        continue
                    for key in _deletions(known[-1]):
                        self._by_surname.setdefault(key, []).append((speaker, known))
        return self._by_surname

    def may_start(self, word: str) -> bool:
        """Could a known spelling start with this word? (A quick test before a lookup.)"""
        return word in self.first_words or fold(word) in self.first_words

    def named(self, spelling: str) -> list[KnownSpeaker]:
        """Every speaker one of whose names or aliases this is, in the order they were added."""
        return list(self._by_key.get(name_key(spelling), ()))

    def match(
        self, name: str, *, description: str = "", hint: Hashable | None = None
    ) -> KnownSpeaker | None:
        """The speaker `name` means, or None for someone we do not know.

        `description` tells namesakes apart; `hint` (an id the caller was given, such as
        the export's speaker id) chooses among speakers that fit equally well.
        """
        key = name_key(name)
        candidates = self._by_key.get(key, ())
        if not candidates:
            return None
        if len(candidates) == 1 and not description:
            return candidates[0]
        # Those whose description is this one, folded alike, in the order they were added:
        # among a few, by looking at each; among many namesakes, by a table of them.
        folded = fold(description)
        if len(candidates) < _MANY_NAMESAKES:
            fitting = [speaker for speaker in candidates if fold(speaker.description) == folded]
        else:
            fitting = self._described(key).get(folded, ())
        if not fitting:
            if all(are_namesakes(speaker.description, description) for speaker in candidates):
                return None  # a namesake: another person of the same name
            fitting = candidates
        return next((speaker for speaker in fitting if speaker.id == hint), fitting[0])

    def _described(self, key: str) -> dict[str, list[KnownSpeaker]]:
        """The speakers of a spelling by their folded description, in the order added."""
        described = self._by_description.get(key)
        if described is None:
            described = self._by_description[key] = {}
            for speaker in self._by_key.get(key, ()):
                described.setdefault(fold(speaker.description), []).append(speaker)
        return described


def are_namesakes(description: str, other: str) -> bool:
    """Whether two speakers of one name are two people: both described, differently.
    ("Minister of Defence of Russia" is not "Governor of Jakarta"; no description fits any.)"""
    return bool(description and other) and fold(description) != fold(other)


def speaker_search_text(name: str, aliases: str, description: str) -> str:
    """What speaker search looks in: every name and the description, folded, a line each."""
    lines = [name, *aliases.splitlines(), description]
    return "\n".join(folded for line in lines if (folded := fold(line)))
