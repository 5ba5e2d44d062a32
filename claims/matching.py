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

Pure Python (no Django), so that the assistant's rules can use it.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from records.text import WORD, fold

MAX_ACRONYM_LETTERS = 5


@dataclass(frozen=True)
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


class SpeakerMatcher:
    """Known speakers, looked up by any of their spellings."""

    def __init__(self, speakers: Iterable[KnownSpeaker] = ()) -> None:
        self._by_key: dict[str, list[KnownSpeaker]] = {}
        self.longest = 1  # the most words in any spelling, for phrase lookups
        for speaker in speakers:
            self.add(speaker)

    def add(self, speaker: KnownSpeaker) -> None:
        """Know one more speaker (one created while matching goes on, say)."""
        for spelling in speaker.spellings:
            key = name_key(spelling)
            if not key:
                continue
            known = self._by_key.setdefault(key, [])
            if speaker not in known:
                known.append(speaker)
            self.longest = max(self.longest, key.count(" ") + 1)

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
        candidates = self.named(name)
        if not candidates:
            return None
        if len(candidates) == 1 and not description:
            return candidates[0]
        wanted = fold(description)
        fitting = [speaker for speaker in candidates if fold(speaker.description) == wanted]
        if not fitting:
            if wanted and all(speaker.description for speaker in candidates):
                return None  # a namesake: another person of the same name
            fitting = candidates
        return next((speaker for speaker in fitting if speaker.id == hint), fitting[0])


def speaker_search_text(name: str, aliases: str, description: str) -> str:
    """What speaker search looks in: every name and the description, folded, a line each."""
    lines = [name, *aliases.splitlines(), description]
    return "\n".join(folded for line in lines if (folded := fold(line)))
