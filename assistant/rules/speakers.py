"""Who speaks: the subject of an attribution, and whom it means.

The words beside a cue name the speaker in one of a few ways, tried in this order:
a pronoun ("he said", "dia mengatakan", "他说") is the nearest fitting speaker before it;
a known speaker's name or alias, matched as `claims.matching` says one matches (near
misses included: "Zahkarova", "Белоусов", "Захаровой"); a name written in capitals, the
person after the last role word ("Foreign Minister Sergei Lavrov" is Sergei Lavrov), the
organisation when it is one ("Ministry of Transport of Veltria"), the full name the
article gave at its first mention ("Lavrov said" after "Sergei Lavrov"); a role alone
("the minister", "el legislador", "la société") is the last speaker introduced with that
role, else the last person (or organisation); the organisation a spokesperson speaks for
("a spokesperson for the presidential office"); and else the words as written
("Residents of the flooded east bank"). Chinese has no capitals: its subject is the
noun phrase before the verb, less dates and places, and the name after the last role word
("中国外交部发言人林剑" is 林剑), read in `assistant.rules.chinese`.
"""

import functools
import re
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from assistant.rules.lexicon import (
    BODY_NAME_ENDS,
    COUNT_WORDS,
    FEMININE_FIRST_NAMES,
    FEMININE_ROLES,
    FEMININE_SURNAME_ENDINGS,
    GIVEN_NAMES,
    MASCULINE_ROLES,
    MASCULINE_SURNAME_ENDINGS,
    MEDIA_PREPOSITIONS,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    PATRONYMIC_ENDINGS,
    WIRE_SERVICES,
    Language,
)
from assistant.rules.russian import named_before_in_russian, names_a_person, nominative
from assistant.rules.text import NAME_OPENINGS, Word, is_cjk, without_elision, words
from claims.matching import KnownSpeaker, SpeakerMatcher, skeleton
from records.quotes import CLOSERS
from records.text import fold


@dataclass(frozen=True)
class SpeakerMatch:
    """The speaker of a suggestion: an existing one (`id`), or a new name to create.
    `description` tells namesakes apart; `mention` is how the text named them."""

    name: str
    mention: str
    id: Hashable | None = None
    description: str = ""

    @property
    def is_new(self) -> bool:
        return self.id is None


@dataclass
class _Said:
    match: SpeakerMatch
    roles: frozenset[str]
    person: bool
    feminine: bool | None = None  # None: the text does not tell


def feminine(name: str, roles: Iterable[str] = ()) -> bool | None:
    """Is this speaker a woman, a man, or does nothing tell? Her role ("spokeswoman",
    "la ministra"), her surname ("Zakharova", "Захарова"), her first name."""
    roles = set(roles)
    if roles & FEMININE_ROLES:
        return True
    if roles & MASCULINE_ROLES:
        return False
    parts = [fold(part) for part in name.split()]
    if len(parts) < 2:
        return None
    if parts[0] in FEMININE_FIRST_NAMES:
        return True
    surname = parts[-1]
    if len(surname) > 4 and surname.endswith(FEMININE_SURNAME_ENDINGS):
        return True
    if len(surname) > 4 and surname.endswith(MASCULINE_SURNAME_ENDINGS):
        return False
    return None


@dataclass
class Names:
    """The speakers one article names, as the reading goes on: who is known, the full
    names the article has given, and who spoke last (for pronouns and roles)."""

    speakers: Iterable[KnownSpeaker]
    language: Language
    matcher: SpeakerMatcher = field(init=False)
    _cjk: dict[str, KnownSpeaker] = field(init=False, default_factory=dict)
    _cjk_longest: int = field(init=False, default=0)
    _full_names: dict[str, str] = field(init=False, default_factory=dict)
    _said: list[_Said] = field(init=False, default_factory=list)
    # Where the article names a person (full names only), in order: for a pronoun when
    # nobody has spoken yet.
    _named_at: list[tuple[int, str]] = field(init=False, default_factory=list)
    # Where each word (folded) first stands in the text.
    first_seen: dict[str, int] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        speakers = list(self.speakers)
        self.matcher = SpeakerMatcher(speakers)
        for speaker in speakers:
            self._learn_cjk(speaker)

    def _learn_cjk(self, speaker: KnownSpeaker) -> None:
        for spelling in speaker.spellings:
            if spelling and any(is_cjk(char) for char in spelling):
                self._cjk.setdefault(spelling, speaker)
                self._cjk_longest = max(self._cjk_longest, len(spelling))

    # The article's own names

    def learn_full_name(self, name: str, position: int = 0) -> None:
        """A name of several words the article writes: its surname (and, for a name of two
        words or in Indonesian, its first word too: "Lin" for Lin Jian) stands for it from
        now on."""
        if self.language.code == "ru":
            name = nominative(name)  # "по словам … Дениса Ефремова": as the database holds it
        parts = name.split()
        if len(parts) < 2:
            return
        self._named_at.append((position, name))
        keys = [skeleton(parts[-1])]
        if len(parts) >= 3 and not parts[0].isupper():
            # "Harsha de Silva" is "De Silva"; "Diego Martín Arroyo", "Martín Arroyo" (but
            # "a EFE Marcelina Choque" is no name of three words).
            keys.append(skeleton(" ".join(parts[-2:])))
        # A Spanish name ends in two surnames, and the first is the one used alone: "Julio
        # César Paredes Lazo" is "Paredes" the next time.
        if len(parts) >= 3 and self.language.code == "es":
            keys.append(skeleton(parts[-2]))
        # Indonesian papers call a person by the first name, whatever its length: "Agus
        # Cahyono Adi" is "Agus" the next time.
        if len(parts) == 2 or self.language.code == "id":
            keys.append(skeleton(parts[0]))
        if len(parts) >= 3 and fold(parts[0]) in GIVEN_NAMES:
            keys.append(skeleton(parts[1]))  # "Siti Nadia Tarmizi" is "Nadia" the next time
        for key in keys:
            self._full_names.setdefault(key, name)

    def full_name(self, name: str) -> str:
        parts = name.split()
        if len(parts) == 2 and fold(parts[0]) in NAME_PARTICLES:
            # "De Silva said": the surname with its particle, before any other Silva.
            return self._full_names.get(skeleton(name)) or self.full_name(parts[1])
        if len(parts) == 2:
            return self._full_names.get(skeleton(name), name)  # both surnames
        if len(parts) != 1:
            return name
        return self._full_names.get(skeleton(parts[0]), name)

    # Matching

    def known(self, spelling: str, *, near: bool = True) -> KnownSpeaker | None:
        found = self.matcher.named(spelling)
        if not found and near:
            found = self.matcher.near(spelling)
        return found[0] if found else None

    def match(self, name: str, mention: str) -> SpeakerMatch:
        """The speaker a name written in the text means: known (exactly, then by a near
        miss, then by the article's full name), or a new one of that name."""
        name = without_elision(name)  # "L'ONG Droits Sahel", "l'armée"
        if self.language.code == "ru":
            name = nominative(name)  # "по словам … Марины Колесниковой"
        full = self.full_name(name)
        if full == name and " " not in name and not name.isupper():
            full = self._said_with_surname(name) or name
        for spelling, near in ((name, False), (full, False), (name, True), (full, True)):
            if speaker := self.known(spelling, near=near):
                return _of(speaker, mention)
        return SpeakerMatch(name=full, mention=mention)

    def _said_with_surname(self, surname: str) -> str | None:
        """The name of one who spoke before whose last word is `surname` ("S.
        Mahalakshmi" for "Ms. Mahalakshmi said"), if only one did."""
        key = skeleton(surname)
        found = {
            said.match.name
            for said in self._said
            if len(said.match.name.split()) > 1 and skeleton(said.match.name.split()[-1]) == key
        }
        return found.pop() if len(found) == 1 else None

    def known_cjk(self, text: str) -> tuple[KnownSpeaker, int, int] | None:
        """The longest known spelling in a Chinese phrase, nearest its end."""
        best = None
        for start in range(len(text)):
            for length in range(min(self._cjk_longest, len(text) - start), 0, -1):
                speaker = self._cjk.get(text[start : start + length])
                if speaker is not None:
                    if best is None or length >= best[2] - best[1]:
                        best = (speaker, start, start + length)
                    break
        return best

    # Who spoke

    def remember(self, match: SpeakerMatch, roles: Iterable[str] = ()) -> None:
        roles = frozenset(roles)
        person = self.is_person(match.name)
        self._said.append(
            _Said(match, roles, person, feminine(match.name, roles) if person else None)
        )

    def last(self, *, person: bool | None = None, woman: bool | None = None) -> SpeakerMatch | None:
        """Who spoke last: a person, or not (`person`); a woman for "she", a man for "he"
        (`woman`), passing over whoever the text says is not."""
        for said in reversed(self._said[-50:]):
            if person is not None and said.person != person:
                continue
            if woman is not None and said.feminine is not None and said.feminine != woman:
                continue
            return said.match
        return None

    def said_as(self, noun: list[Word]) -> SpeakerMatch | None:
        """The last speaker whose name holds this one word ("embassy": China's embassy
        in London)."""
        wanted = noun[0].folded
        for said in reversed(self._said[-50:]):
            if wanted in {fold(word) for word in said.match.name.split()}:
                return said.match
        return None

    def named_before(self, position: int) -> SpeakerMatch | None:
        """The person the article named last before `position`."""
        index = bisect_left(self._named_at, (position, ""))
        if index == 0:
            return None
        name = self._named_at[index - 1][1]
        return self.match(name, name)

    def by_role(
        self, roles: set[str], *, person: bool, position: int, epithet: bool = True
    ) -> SpeakerMatch | None:
        """The last speaker introduced with one of these roles; else, when the text has not
        named the role before (an epithet: "a ajouté la syndicaliste"), the last person.
        A role the text named before as someone else ("acusó al alcalde … El alcalde
        calificó") is nobody who spoke: None."""
        for said in reversed(self._said[-50:]):
            if said.roles & roles:
                return said.match
        if any(self.first_seen.get(role, position) < position for role in roles):
            return None
        if roles <= self.language.anonymous or not epithet:
            return None  # "fuentes diplomáticas": unnamed sources, as written
        return self.last(person=person) if person else None

    def is_person(self, name: str) -> bool:
        words = [fold(word) for word in name.split()]
        if not words or any(word in self.language.organisations for word in words):
            return False
        if all(is_cjk(char) for char in name):
            if len(name) == 2 and name.endswith("方"):
                return False  # 中方, 美方, 欧方: a side, not a person
            # Chinese names are of two or three characters (刘德军 ends like 军, an army).
            if len(name) <= 3:
                return fold(name) not in self.language.organisations
            return len(name) == 4 and not any(
                name.endswith(org) for org in self.language.organisations
            )
        return not (len(words) == 1 and name.isupper())


def plural_roles(roles: Iterable[str], language: Language) -> bool:
    """Are these roles people in the plural ("officials", "police officers", "fuentes",
    "responsables"): a role whose singular is a role too?"""
    return any(
        role.endswith(ending) and role[: -len(ending)] in language.roles
        for role in roles
        for ending in ("s", "es")
    )


def _pronoun_gender(pronoun: str, language: Language) -> bool | None:
    if not language.feminine:
        return None  # dia, ia: either
    return pronoun in language.feminine


def _of(speaker: KnownSpeaker, mention: str) -> SpeakerMatch:
    return SpeakerMatch(
        name=speaker.name,
        mention=mention,
        id=speaker.id,
        description=speaker.description,
    )


@dataclass
class Subject:
    """What the words beside a cue say of its speaker."""

    match: SpeakerMatch | None = None
    pronoun: bool = False  # whoever fits before: he, dia, él, il, он, 他
    plural: bool = False
    body: bool = False  # "el organismo", "the agency": the organisation spoken of before
    woman: bool | None = None  # the pronoun's gender: she, ella, она, 她 (None: dia, ia)
    roles: frozenset[str] = frozenset()  # a role alone: the one introduced with it
    words: int = 0  # how many words the mention takes, left out of a statement's content
    phrase: str = ""  # a role alone as written, for a speaker nobody introduced

    @property
    def found(self) -> bool:
        return self.match is not None or self.pronoun or bool(self.roles)


def _span(body: str, phrase: list[Word]) -> str:
    start, end = phrase[0].start, phrase[-1].end
    if body[end : end + 1] == "." and phrase[-1].folded in NAME_ABBREVIATIONS:
        end += 1  # "Toyota Motor Corp."
    text = body[start:end]
    following = body[end : end + 1]
    for opening in NAME_OPENINGS:
        closing = CLOSERS[opening]
        if (
            following
            and following in closing
            and text.count(opening) > sum(map(text.count, closing))
        ):
            end += 1  # "Компания «Полярные линии»": the name's own closing mark
            break
    return body[start:end]


def _is_name_word(word: Word, language: Language) -> bool:
    """A word that may be part of a name: capitalised, not a capitalised article, adverb or
    pronoun at the head of a sentence ("The", "Ранее", "Elle")."""
    return (
        (word.capitalised or word.acronym)
        and word.lower not in language.pronouns
        and word.lower not in language.plural_pronouns
        and (word.acronym or word.folded not in language.not_names)
        # "…, tutur Sugiono di Moskow, Selasa.": a day is nobody (a month may be a name:
        # Julio, June).
        and word.folded not in language.weekdays
    )


def _trailing_run(phrase: list[Word], language: Language, *, inside: bool = False) -> list[Word]:
    """The capitalised words (joined by "of", "de" …) that end `phrase`, and an
    organisation's seat before them ("the Russian Embassy in London")."""
    run: list[Word] = []
    for n in range(len(phrase) - 1, -1, -1):
        word = phrase[n]
        # "the Russian Embassy in London", "Kedubes AS di Jakarta": the organisation (and
        # whose it is) right before the place word.
        owner = phrase[max(0, n - 4) : n]
        seat = (
            word.folded in language.places
            and bool(owner)
            # "L'ambassade de France à Madagascar": the organisation after an elided article.
            and any(without_elision(w.folded) in language.organisations for w in owner)
            # "Embajada de Estados Unidos en Tegucigalpa": whose it is may be joined by "de".
            and all(
                w.capitalised
                or w.acronym
                or without_elision(w.folded) in language.organisations
                or w.folded in language.connectors
                for w in owner
            )
        )
        # "The Russian embassy in Washington": the seat's organisation in lower case.
        seated = (
            bool(run)
            and run[0].folded in language.places
            and without_elision(word.folded) in language.organisations
        )
        # "una acusación que La Paz calificó": inside a sentence, a capitalised article is
        # the name's own (La Paz, Le Monde, El País).
        named_article = (
            bool(run)
            and (n > 0 or inside)
            and word.capitalised
            and word.folded in language.articles
        )
        # "spokesperson He Yadong": a Chinese family name spelt as a pronoun is, before a
        # given name, the name's.
        family_name = bool(run) and word.capitalised and word.lower in language.pronouns
        # "the Food and Drug Administration": "and" inside a body's name (not "Russia and
        # China", two names).
        joined = (
            bool(run)
            and n > 0
            and word.folded in language.conjunctions
            and phrase[n - 1].capitalised
            and run[-1].folded in language.organisations | BODY_NAME_ENDS
        )
        if (
            _is_name_word(word, language)
            or seated
            or named_article
            or family_name
            or joined
            or (run and (word.folded in language.connectors or seat))
        ):
            run.insert(0, word)
        else:
            break
    while run and not (
        _is_name_word(run[0], language)
        or (len(run) > 1 and run[0].capitalised and run[0].lower in language.pronouns)
        or _seated_organisation(run, language)
        # Inside a sentence a capitalised article is the name's own ("…, Les
        # Transformateurs, affirme"), even at the head of the phrase (`inside`).
        or (
            (run[0] is not phrase[0] or inside)
            and len(run) > 1
            and run[0].capitalised
            and run[0].folded in language.articles
        )
    ):
        run.pop(0)
    return run


def _seated_organisation(run: list[Word], language: Language) -> bool:
    return (
        len(run) > 1
        and run[0].folded in language.organisations
        and any(word.folded in language.places for word in run[1:3])
    )


def _person_part(
    run: list[Word], language: Language, body: str, *, role_before: bool = False
) -> tuple[list[Word], frozenset[str]]:
    """The name in a run of capitalised words, and the roles before it: "Transport Minister
    Ana Kessler" is Ana Kessler, a minister; an organisation's name stays whole, unless a
    role written before the run makes it the person's ("representative of the MID of
    Russia Maria Zakharova": `role_before`)."""
    folded = [word.folded for word in run]
    marks = [n for n, word in enumerate(folded) if word in language.organisations | language.roles]
    tail = run[marks[-1] + 1 :] if marks else []
    if marks and run[marks[-1]].acronym and 2 <= len(tail) <= 3 and _full_name_in(tail, language):
        # "Wakil Ketua DPR Sufmi Dasco Ahmad": after an organisation's short name, all the
        # names are the person's.
        return tail, frozenset(w for w in folded if w in language.roles)
    if (
        marks
        and (role_before or any(word in language.roles for word in folded[: marks[-1] + 1]))
        and len(tail) >= 2
        # "Anggota Komisi I DPR TB Hasanuddin": an initial may be in capitals.
        and all(word.capitalised for word in tail)
        and not tail[-1].acronym
    ):
        # "Anggota Komisi IV DPR Dedi Kurniawan": a member of an organisation, by name.
        tail = _past_its_place(tail, run[marks[-1]], language)
        return _two_names(tail, language, body), frozenset(w for w in folded if w in language.roles)
    if any(word in language.organisations for word in folded):
        start = 0
        while start < len(run) - 1 and (
            (folded[start] in language.articles and not _named_article(run, start))
            # "Fuentes del Ministerio de Defensa": those who speak for it, then it.
            or (folded[start] in language.roles and folded[start + 1] in language.connectors)
            or (start and folded[start] in language.connectors)
        ):
            start += 1
        return run[start:], frozenset()
    last_role = max((n for n, word in enumerate(folded) if word in language.roles), default=-1)
    if 0 <= last_role < len(run) - 1:
        # After a role, a place may stand before the person's two names: "Menteri Luar
        # Negeri Ukraina Andrii Sybiha", "Foreign Minister of Ukraine Andrii Sybiha".
        name = _past_its_place(run[last_role + 1 :], run[last_role], language)
        return _two_names(name, language, body), frozenset(folded[: last_role + 1])
    start = 0
    while (
        start < len(run) - 1
        and folded[start] in language.articles
        and not _named_article(run, start)
    ):
        start += 1
    if len(run) - start >= 3 and _demonym(run[start], language):
        start += 1  # "la Norvégienne Astrid Halvorsen": her people, then her names
    if language.code == "ru" and len(run) - start >= 3 and not names_a_person(run[start].text):
        # "… по природным ресурсам Ленобласти Денис Рыбаков": the place, then the person.
        return _russian_name(run[start:]), frozenset()
    return run[start:], frozenset()


def _past_its_place(name: list[Word], office: Word, language: Language) -> list[Word]:
    """The words after an office of a place, less the place's name ("Camat Cibeureum Dedi
    Supriadi", "DPRD Kotawaringin Barat Rudi Hartono Simanjuntak")."""
    if office.folded not in language.local_offices or len(name) < 3:
        return name
    rest = name[1:]
    while len(rest) > 2 and rest[0].folded in language.compass:
        rest = rest[1:]
    return rest


def _named_article(run: list[Word], index: int) -> bool:
    """A capitalised article at the head of a run is the name's own ("La Paz"): a run
    takes one only inside a sentence (`_trailing_run`)."""
    return index == 0 and run[0].capitalised


def _full_name_in(phrase: list[Word], language: Language) -> bool:
    """Two capitalised words in a row that are neither roles nor organisations nor
    acronyms: a person's names."""
    return any(
        all(
            _is_name_word(w, language)
            and not w.acronym
            and w.folded not in language.roles | language.organisations
            for w in pair
        )
        for pair in pairwise(phrase)
    )


def _two_names(name: list[Word], language: Language, body: str) -> list[Word]:
    """The person's name after a role and what the role is of: "of State Antony Blinken"
    is Antony Blinken, "Ukraina Andrii Sybiha" Andrii Sybiha; a name of three words or
    more after a role keeps its last three, or two after a place (`_person_names`)."""
    connectors = [n for n, word in enumerate(name) if word.folded in language.connectors]
    # "Secretary of State Antony Blinken": what the role is of, then the person; but "MP
    # Harsha de Silva" has a particle of its name.
    if connectors and (len(_last_two(name)) == 2 or connectors[-1] != len(name) - 2):
        name = name[connectors[-1] + 1 :]
    units = [n for n, word in enumerate(name[:-2]) if word.folded in language.place_units]
    if units and 1 <= len(name) - units[-1] - 2 <= 2:
        return name[units[-1] + 2 :]  # "Desa Kohod Arsin": the village, then its head
    # An acronym closes what the role is of ("Kementerian ESDM Agus Cahyono Adi"): all
    # the names after it are the person's.
    acronyms = [n for n, word in enumerate(name[:-1]) if word.acronym]
    if acronyms and 2 <= len(name) - acronyms[-1] - 1 <= 3:
        after = name[acronyms[-1] + 1 :]
        return _russian_name(after) if language.code == "ru" else after
    if acronyms and acronyms[-1] == len(name) - 2 and len(name[acronyms[-1]].text) >= 3:
        # "Pengelolaan Kelautan KKP Kusdiantoro": one name after the organisation's
        # short name (two capitals may be an initial: "TB Hasanuddin").
        return name[-1:]
    # "Juru Bicara Kemenkes Siti Nadia Tarmizi": a given name opens the person's names.
    given = next((n for n, word in enumerate(name[:-1]) if word.folded in GIVEN_NAMES), None)
    if given is not None and 2 <= len(name) - given <= 3:
        return name[given:]
    if language.code == "ru":
        return _russian_name(name)
    return _person_names(name, language, body)


def _person_names(name: list[Word], language: Language, body: str) -> list[Word]:
    """The person's names that end `name`: three ("Anwar Hussain Jatoi", "María Elena
    Robles"), or two when the third from the end is a place ("Ukraina Andrii Sybiha",
    "de Tlaquepaque María Elena Robles" keeps three after the place)."""
    if len(name) < 3:
        return name
    if language.code == "ru":
        return _russian_name(name)
    two = _last_two(name)
    if len(two) == 3:
        return two
    # Spanish names run to two given names and two surnames: "Julio César Paredes Lazo".
    for length in (4, 3) if language.code == "es" else (3,):
        names = name[-length:]
        if len(names) == length and _may_open_a_name(names, body, language):
            return names
    return two


def _may_open_a_name(names: list[Word], body: str, language: Language) -> bool:
    """Whether these words can all be a person's names: no acronym, role, body or place
    first, no initial after the first ("S. Mahalakshmi" is the name)."""
    if not all(_is_name_word(word, language) for word in names):
        return False
    first = names[0]
    if first.acronym or first.folded in language.roles | language.organisations:
        return False
    if any(len(w.text) == 1 and body[w.end : w.end + 1] == "." for w in names[1:]):
        return False
    return not _is_place(first, body, language)


@functools.lru_cache(maxsize=16)
def _territories(code: str) -> frozenset[str]:
    """The words of the countries' and regions' names in a language, and in English
    (Babel's CLDR data): "Rusia", "Ukraina", "Мексика"."""
    from babel import Locale

    names = set()
    for locale in {code, "en"}:
        for territory in Locale.parse(locale).territories.values():
            names.update(fold(part) for part in territory.split() if part[:1].isupper())
    return frozenset(names)


@functools.lru_cache(maxsize=8)
def _things_named_in(body: str, before_things: frozenset[str]) -> frozenset[str]:
    """The capitalised words a text writes after "in", "di", "the", "de", a place's unit
    or an organisation's word ("Kabupaten Gresik", "Ministerio de Salud", "Perum Bulog"),
    or alone in brackets ("Le Havre (Seine-Maritime)"): names of places and bodies,
    which no person's name opens with."""
    found = set()
    for before, word in pairwise(words(body)):
        if word.capitalised and before.folded in before_things:
            found.add(word.folded)
    for bracketed in _ONE_NAME_IN_BRACKETS.finditer(body):
        found.add(fold(bracketed.group(1)))
    return frozenset(found)


_ONE_NAME_IN_BRACKETS = re.compile(r"\((\w[\w-]*)\)")


# How a people's name ends, from its country's ("la Norvégienne Astrid Halvorsen",
# "Portuguese Rui Figueira"), and those that do not begin as their country does.
_DEMONYM_ENDINGS = (
    *("ienne", "ien", "aise", "ais", "oise", "ois", "aine", "ain", "ane", "an", "ese", "ish"),
    *("ian", "ano", "ana", "ense"),
)
_IRREGULAR_DEMONYMS = frozenset(
    ("danois", "danoise", "suisse", "suisses", "belge", "britannique", "neerlandais", "dutch")
)


def _demonym(word: Word, language: Language) -> bool:
    """Whether a capitalised word names a people ("Norvégienne", "Danois", "Portuguese")."""
    folded = word.folded
    if folded in _IRREGULAR_DEMONYMS:
        return True
    if len(folded) < 6 or not folded.endswith(_DEMONYM_ENDINGS):
        return False
    return folded[:4] in _territory_openings(language.code)


@functools.lru_cache(maxsize=16)
def _territory_openings(code: str) -> frozenset[str]:
    """The first four letters of the countries' names: "norv" for Norvège."""
    return frozenset(country[:4] for country in _territories(code) if len(country) >= 4)


def _is_place(word: Word, body: str, language: Language) -> bool:
    """Whether a capitalised word names a place, its people, or a body, not a person."""
    if word.folded in _territories(language.code) or _demonym(word, language):
        return True
    before_things = (
        language.places
        | language.place_units
        | language.articles
        | language.connectors
        | language.organisations
    )
    return word.folded in _things_named_in(body, before_things)


def _last_two(name: list[Word]) -> list[Word]:
    """A given name and a surname that end `name`, with a particle between them if the
    name has one ("Harsha de Silva", "Anwar bin Ibrahim")."""
    if len(name) >= 3 and name[-2].folded in NAME_PARTICLES and name[-3].capitalised:
        return name[-3:]
    return name[-2:]


def _capitalised_past_article(word: Word) -> bool:
    """ "AFP", "EFE", or "l'AFP": a name, with its elided article if any."""
    return word.capitalised or word.acronym or without_elision(word.text)[:1].isupper()


def _strip_tail(phrase: list[Word], language: Language) -> list[Word]:
    """Words between a subject and its verb that are not the subject: "also", "on
    Tuesday", "pada Senin (7/7)", "este martes", "ранее"."""
    end = len(phrase)
    while end > 0:
        word = phrase[end - 1]
        folded = word.folded
        if (
            folded in language.skipped
            or folded in language.weekdays
            or folded in language.months
            or folded.isdigit()
        ):
            end -= 1
            continue
        # "В Росавиации между тем сообщили", "la empresa, por su parte, negó".
        said_between = next(
            (
                size
                for size in (3, 2)
                if end > size
                and " ".join(w.folded for w in phrase[end - size : end]) in language.discourse
            ),
            None,
        )
        if said_between:
            end -= said_between
            continue
        break
    if end > 1 and phrase[end - 1].folded in language.clitics and not phrase[end - 1].capitalised:
        end -= 1  # "Renfe lo situó en el 37%"
    # "Serikat Pengemudi Daring Indonesia (SPDI) yang menggerakkan aksi itu menuding",
    # "Officials who spoke on condition of anonymity said": the name, not what it did.
    for n in range(1, end):
        if phrase[n].folded in language.relatives and (
            phrase[n - 1].capitalised or phrase[n - 1].acronym
        ):
            end = n
            break
    # "В Минобороны России эту информацию опровергли": the object, pointed at, before
    # the verb.
    for n in range(max(1, end - 3), end):
        if phrase[n].folded in language.object_pointers and not phrase[n].capitalised:
            end = n
            break
    # "Analistas del sector consultados por EFE": the subject before who consulted it.
    agent = language.agent
    for n in range(2, end - 1):
        if (
            phrase[n].folded == agent
            and not phrase[n - 1].capitalised
            # "The report by Amnesty International found": the author speaks through it.
            and phrase[n - 1].folded not in language.report_nouns
            # "citée par l'AFP": the agency, perhaps behind its article.
            and all(_capitalised_past_article(w) for w in phrase[n + 1 : end])
            and end - n - 1 <= 4
        ):
            end = n - 1
            break
    # A phrase of how or where it spoke, between the subject and its verb: "Kementerian
    # Pertahanan Rusia dalam pernyataannya di Telegram", "the ministry in a statement";
    # not a seat ("Kedubes AS di Jakarta"), whose place is capitalised.
    for n in range(1, end - 1):
        word, following = phrase[n], phrase[n + 1]
        if (
            word.folded in language.circumstances
            and not word.capitalised
            and not following.capitalised
            and (phrase[n - 1].capitalised or phrase[n - 1].acronym)
        ):
            return phrase[:n]
    return phrase[:end]


def _known_in(
    body: str, phrase: list[Word], names: Names, *, at_start: bool
) -> tuple[KnownSpeaker, int, int] | None:
    """The longest known name (exact spellings only) that ends `phrase` (or, with
    `at_start`, starts it); else the one nearest its end."""
    longest = names.matcher.longest

    def named(first: int, last: int) -> KnownSpeaker | None:
        if not names.matcher.may_start(phrase[first].text):
            return None
        return names.known(body[phrase[first].start : phrase[last - 1].end], near=False)

    count = len(phrase)
    if at_start:
        for length in range(min(longest, count), 0, -1):
            if speaker := named(0, length):
                return speaker, 0, length
        return None
    for first in range(max(0, count - longest), count):
        if speaker := named(first, count):
            return speaker, first, count
    for last in range(count - 1, 0, -1):
        for first in range(max(0, last - longest), last):
            if speaker := named(first, last):
                return speaker, first, last
    return None


def interpret(
    body: str, phrase: list[Word], names: Names, *, before: bool, noun_phrase: bool = False
) -> Subject:
    """The speaker named by the words beside a cue: before it (`before`, the name at the
    end) or after it (the name at the start)."""
    language = names.language
    if not before and len(phrase) > 2 and phrase[0].start and body[phrase[0].start - 1] in '«"“':
        phrase = phrase[1:]  # "заявил «Интерфаксу» директор …": the outlet told, in marks
    indefinite = bool(phrase) and phrase[0].folded in language.indefinites
    if before and len(phrase) > 2 and phrase[0].folded in language.refusals:
        # "От дальнейших комментариев в ведомстве отказались": what was refused, then who.
        refused = next((n for n, w in enumerate(phrase) if w.folded in language.comments), None)
        phrase = phrase[refused + 1 :] if refused is not None else phrase
    if (
        phrase
        and len(phrase) <= 3
        and phrase[0].folded in language.places
        and phrase[-1].folded in language.body_words
        and not any(word.capitalised for word in phrase)
    ):
        if language.code == "ru" and (named := named_before_in_russian(body, phrase[-1])):
            # "в комитете опровергли": the committee the text named in full.
            return Subject(names.match(named, named), words=len(phrase))
        # "в ведомстве отказались", "уточнили в компании": the body the text spoke of.
        return Subject(pronoun=True, plural=True, body=True, words=len(phrase))
    if not before and (sources := _sources_as_written(phrase, language)):
        # "qui cite deux sources au sein du CCC", "со ссылкой на источник в правительстве
        # Нижегородской области": unnamed sources, as the text describes them.
        name = _span(body, sources)
        return Subject(
            names.match(name, name), roles=frozenset((sources[0].folded,)), words=len(phrase)
        )
    if named := _the_body_named_before(body, phrase, language):
        # "The authority said", "selon le syndicat": the body the text named in full.
        return Subject(names.match(named, named), words=len(phrase))
    if named_words := _name_before_its_acronym(body, phrase, language):
        # "estime la Ligue tchadienne des droits de l'homme (LTDH)": the name it spells.
        name = _span(body, named_words)
        return Subject(names.match(name, name), words=len(phrase))
    phrase = _strip_tail(phrase, language) if before else _after_phrase(phrase, language)
    if (
        before
        and len(phrase) >= 3
        and phrase[0].folded in language.company_words - {"bank"}
        and phrase[0].capitalised
        and all(word.capitalised for word in phrase[1:])
    ):
        phrase = phrase[1:]  # "Maskapai Lintas Nusa Air membantah": the airline, by its name
    if (
        language.code == "ru"
        and len(phrase) == 2
        and phrase[0].folded in language.places
        and phrase[1].folded in language.body_words
        and (named := named_before_in_russian(body, phrase[1]))
    ):
        # "В комитете эту информацию опровергли": past the object, the committee named.
        return Subject(names.match(named, named), words=len(phrase))
    if not before:
        phrase = _name_after_apposed_role(body, phrase, language)
    if not phrase:
        return Subject()
    edge = phrase[-1] if before else phrase[0]
    if edge.lower in language.pronouns:
        return Subject(pronoun=True, words=1, woman=_pronoun_gender(edge.lower, language))
    if edge.lower in language.plural_pronouns:
        return Subject(pronoun=True, plural=True, words=1)
    if (
        before
        and edge.folded in language.company_words
        and len(phrase) <= 2
        and (phrase[0].folded in language.articles or len(phrase) == 1)
        and (company := _company_named_before(body, phrase[0].start, language))
    ):
        # "La compañía sostuvo", "Bank juga menegaskan": the company the text named.
        return Subject(names.match(company, company), words=len(phrase))
    if (
        before
        and edge.folded in language.body_words
        and len(phrase) <= 3
        and phrase[0].folded in language.articles
        and not any(word.capitalised for word in phrase[1:])
    ):
        # "el organismo sostuvo", "the agency said": the body the text spoke of before.
        return Subject(pronoun=True, plural=True, body=True, words=len(phrase))

    if before and (said_at := _said_at(body, phrase, names)) is not None:
        return said_at
    inside = bool(phrase) and body[: phrase[0].start].rstrip()[-1:] in (",", "(")
    run = (
        _trailing_run(phrase, language, inside=inside)
        if before
        else _leading_chain(body, phrase, language)
    )
    if run and before:
        run = _person_before_place(body, phrase, run, names)
    if named_body := _body_by_its_name(phrase, run, language, before=before):
        # "Le Syndicat des travailleurs de la Jirama estime", "a annoncé le ministère de
        # la Sécurité publique": the body, its words of what it is of included.
        name = _span(body, named_body)
        return Subject(names.match(name, name), words=len(phrase))
    known = _known_in(body, phrase, names, at_start=not before)
    if known is not None:
        speaker, first, last = known
        # "Departemen Luar Negeri Amerika Serikat" is the department, not the country.
        # "Departemen Keuangan AS", "militer China": a country's department, not the
        # country (a name of one word, after an organisation's word).
        ahead = phrase[max(0, first - 3) : first]
        inside_org = (
            last - first == 1
            and any(word.folded in language.organisations for word in ahead)
            and (not run or run[0].start <= phrase[first].start)
        )
        # "KWSC spokesperson Abdul Qadir Shaikh": the body's person, named after a role.
        # Or after a role before the body: "Deputi Bidang Pengawasan Kementerian Koperasi
        # Hendra Wijaya Kusumo".
        person_of_it = (
            before
            and last < len(phrase)
            and any(word.folded in language.roles for word in phrase[:first] + phrase[last:-1])
            and _full_name_in(phrase[last:], language)
        )
        if not inside_org and not person_of_it:
            mention = phrase[first:last]
            roles = frozenset(w.folded for w in phrase[:first] if w.folded in language.roles)
            return Subject(_of(speaker, _span(body, mention)), roles=roles, words=last - first)

    if run and before and len(run) > 1 and run[0].folded in language.report_nouns:
        run = run[1:]  # "Laporan ICW menyebut": a report heading its author's name
    if run and before and _report_of(phrase, run, language):
        # "Un informe de Human Rights Watch concluyó": its author speaks through it.
        name = _span(body, run)
        return Subject(names.match(name, name), words=len(phrase))
    if run and before and indefinite and _of_an_office(phrase, run, language):
        # "un haut responsable du ministère des Armées": someone in it, as written.
        rest = phrase[1:]
        name = _span(body, rest)
        roles = frozenset(w.folded for w in rest if w.folded in language.roles)
        return Subject(names.match(name, name), roles=roles, words=len(phrase))
    if run and before and _run_completes_a_noun(phrase, run, language):
        # "Los vecinos de Cerro Alto": a group of the place, not the place; with what
        # describes it ("the foreign ministry in Beijing").
        first = phrase.index(run[0]) - 2
        while (
            first > 0
            and not phrase[first - 1].capitalised
            and phrase[first - 1].folded not in language.articles | language.skipped
        ):
            first -= 1
        rest = phrase[first:]
        while len(rest) > 1 and rest[0].folded in language.articles:
            rest = rest[1:]
        name = _span(body, rest)
        return Subject(names.match(name, name), words=len(phrase))
    if run:
        # The role written before the name, in lower case or after the place it is of:
        # "Duta Besar Rusia untuk Indonesia Sergei Tolchenov".
        # Not a role "of" the run ("Un portavoz del Consorcio Andes Litio"): the run is
        # whose the role is.
        ahead = phrase[max(0, phrase.index(run[0]) - 4) : phrase.index(run[0])] if before else []
        role_before = any(word.folded in language.roles for word in ahead) and (
            ahead[-1].folded not in language.connectors
            # "le ministre des Armées Sébastien Lecornu", "la ministra de Trabajo Yolanda
            # Díaz": the role's portfolio, then the person (no organisation's word in it).
            or (len(run) >= 3 and not any(w.folded in language.organisations for w in run))
        )
        closing = _bracket_closes_before_a_name(body, run, language)
        if before and closing and 2 <= len(run) - closing[-1] - 1 <= 3:
            # "Ketua Ikatan Dokter Anak Indonesia (IDAI) Piprim Basarah Yanuarso": the
            # person after the organisation's bracketed short name, all of their names.
            run = run[closing[-1] + 1 :]
        name_words, roles = _person_part(run, language, body, role_before=role_before)
        roles |= frozenset(w.folded for w in phrase if w.folded in language.roles)
        if role_before:
            name_words = person_after_role(name_words, language, body)
        closing = _bracket_closes_before_a_name(body, name_words, language)
        if before and closing and len(name_words) - closing[-1] - 1 <= 3:
            # "Institute for Security and Strategic Studies (ISESS) Khairul Fahmi": the
            # person after the organisation's bracketed short name.
            name_words = name_words[closing[-1] + 1 :]
        for first in range(len(name_words) - 1):
            if known := names.known(_span(body, name_words[first:])):
                mention = _span(body, name_words[first:])
                return Subject(_of(known, mention), roles=roles, words=len(run))
        if len(name_words) == 1 and name_words[0].folded in language.roles:
            return Subject(roles=roles, words=len(run), phrase=_span(body, name_words))
        name = _span(body, name_words)
        return Subject(names.match(name, name), roles=roles, words=len(run))

    roles = frozenset(word.folded for word in phrase if word.folded in language.roles)
    spoken_for = _spoken_for(phrase, language)
    if spoken_for:
        name = _span(body, spoken_for)
        # "A spokesperson for the embassy": the embassy the text has heard from.
        heard = names.said_as(spoken_for) if len(spoken_for) == 1 else None
        return Subject(heard or names.match(name, name), roles=roles, words=len(phrase))
    if roles:
        rest = phrase
        while len(rest) > 1 and rest[0].folded in language.articles:
            rest = rest[1:]
        relative = next((n for n, w in enumerate(rest) if w.folded in language.relatives), None)
        # "citando fuentes de la Guardia Civil", "citing two sources": nobody named, as
        # written, as much as someone indefinite is.
        anonymous = noun_phrase and roles <= language.anonymous
        if noun_phrase and (indefinite or anonymous) and relative:
            rest = rest[:relative]  # "according to a senior official who spoke on condition…"
        if (before or noun_phrase) and (indefinite or anonymous) and len(rest) <= _DESCRIBED_WORDS:
            # "A Toyota spokesperson": the company the text has heard from already.
            owner = [word for word in rest[:-1] if word.capitalised]
            if indefinite and len(owner) == 1 and (heard := names.said_as(owner)):
                return Subject(heard, roles=roles, words=len(phrase))
            # "A City of Greater Bendigo spokeswoman denied": the body speaks through them.
            if (
                indefinite
                and len(rest) >= 2
                and rest[-1].folded in language.speaking_for
                and rest[0].capitalised
                and all(w.capitalised or w.folded in language.connectors for w in rest[:-1])
            ):
                name = _span(body, rest[:-1])
                return Subject(names.match(name, name), roles=roles, words=len(phrase))
            # "A department spokesperson said": someone the text has not named, as written.
            name = _span(body, rest)
            return Subject(names.match(name, name), roles=roles, words=len(phrase))
        return Subject(roles=roles, words=len(phrase), phrase=_span(body, rest))
    organisations = [word for word in phrase if word.folded in language.organisations]
    rest = phrase
    while rest and rest[0].folded in language.articles:
        rest = rest[1:]
    # "The opposition", "la empresa"; after "according to", any short noun phrase.
    definite = (len(rest) < len(phrase) or noun_phrase) and (
        len(rest) <= 4
        # "citing a relative of one of the detained captains": someone described at length
        or (noun_phrase and indefinite and len(rest) <= 7)
    )
    if (
        (before or noun_phrase)
        and rest
        and len(rest) <= 7
        and (organisations or rest[0].capitalised or definite)
    ):
        # A noun phrase that names a group: "Residents of the flooded east bank".
        name = _span(body, rest)
        return Subject(names.match(name, name), words=len(phrase))
    return Subject()


_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁ"  # a letter that opens a name
_NAME_RUN = rf"(?:[{_CAPITAL}][\w'’.-]*\s+){{1,5}}"
# Languages that write a body's name in lower case but for its proper nouns.
_LOWERCASE_BODIES = frozenset(("fr", "es"))


_ACRONYM_AFTER = re.compile(rf"\s*\(([{_CAPITAL}]{{2,8}})\)")


# "A former forklift operator at the company's Epsom depot said": someone unnamed,
# described at this length at most.
_DESCRIBED_WORDS = 9
_SOURCES_WORDS = 12  # "fuentes de la Fiscalía Provincial Penal de San Juan de Lurigancho"


def _sources_as_written(phrase: list[Word], language: Language) -> list[Word]:
    """Unnamed sources and what describes them, after their cue, less an article, their
    count kept ("dua sumber di industri makanan dan minuman")."""
    rest = phrase
    while rest and rest[0].folded in language.articles:
        rest = rest[1:]
    counted = (
        1 if len(rest) > 1 and (rest[0].text.isdigit() or rest[0].folded in COUNT_WORDS) else 0
    )
    if len(rest) <= counted or rest[counted].folded not in language.anonymous:
        return []
    if len(rest) > _SOURCES_WORDS:
        return []
    # Up to a relative clause: "a source who spoke on condition of anonymity".
    end = next((n for n, word in enumerate(rest) if word.folded in language.relatives), len(rest))
    return rest[:end]


def _name_before_its_acronym(body: str, phrase: list[Word], language: Language) -> list[Word]:
    """The words of a name that its bracketed short form spells ("Ligue tchadienne des
    droits de l'homme (LTDH)", "Syndicat national des agents des douanes (SNAD)"), when
    a phrase names one; the name opens with a capital and ends before the bracket."""
    bracketed = [
        (n, word.text)
        for n, word in enumerate(phrase)
        if n
        and word.acronym
        and body[word.start - 1 : word.start] == "("
        and body[word.end : word.end + 1] == ")"
    ]
    for n, word in enumerate(phrase):
        after = _ACRONYM_AFTER.match(body, word.end) if n else None
        # The phrase ended at its bracket, or passed over it; unless the name goes on
        # after it ("Kantor Akuntan Publik (KAP) Hadi Susanto & Rekan").
        if after and not body[after.end() : after.end() + 2].strip()[:1].isupper():
            bracketed.append((n + 1, after.group(1)))
    bracketed.sort()
    for n, acronym in bracketed[:1]:
        letters = acronym.casefold()
        skipped = language.connectors | language.articles
        for first in range(n - 1, -1, -1):
            spelled = "".join(
                without_elision(w.text)[:1].casefold()
                for w in phrase[first:n]
                if w.folded not in skipped
            )
            if spelled == letters and phrase[first].capitalised and n - first >= 2:
                if any(w.folded in language.roles for w in phrase[:first]):
                    return []  # "el jefe de la misión de la OEA": the one with the role
                while first and phrase[first - 1].folded in language.organisations:
                    first -= 1  # "Kementerian Energi dan Sumber Daya Mineral (ESDM)"
                return phrase[first:n]
            if len(spelled) > len(letters):
                break
        return []
    return []


def _the_body_named_before(body: str, phrase: list[Word], language: Language) -> str | None:
    """The name the text gave before to the body a phrase of an article and its common
    noun speaks of ("the authority": Western Nebraska Rail Authority), if it gave one."""
    rest = phrase
    while rest and rest[0].folded in language.articles:
        rest = rest[1:]
    if len(rest) != 1 or len(rest) == len(phrase):
        return None
    if rest[0].folded in language.company_words | language.roles:
        # "la société": the company named last (`_company_named_before`); "le préfet", a
        # person.
        return None
    return _named_before_as(body, rest[0], language)


def _named_before_as(body: str, noun: Word, language: Language) -> str | None:
    """The last name before `noun` that it stands for: one of a few capitalised words
    ending in it ("the authority": Western Nebraska Rail Authority) or opening with it
    and what it is of ("el ministerio": Ministerio de Transportes)."""
    head = re.escape(noun.text[:1].upper() + noun.text[1:])
    pattern = re.compile(
        rf"(?<![\w'’-])(?:{_NAME_RUN}{head}|{head}(?:\s+(?:of|de|del|des|du|de la)\s+"
        rf"(?:[{_CAPITAL}][\w'’-]*)(?:\s+[{_CAPITAL}][\w'’-]*){{0,3}}))(?![\w'’-])"
    )
    # "Le Syndicat national des agents des douanes (SNAD)", "la direction interrégionale des
    # douanes de Normandie": the noun, lower-case words of what it is, up to a name or the
    # acronym in brackets after it.
    described = re.compile(
        rf"(?<![\w'’-])(?i:{head})(?:\s+[a-zà-öø-ÿ][\w'’-]*){{1,5}}"
        rf"(?:\s+[{_CAPITAL}][\w'’-]*(?=[\s,.;:])|(?=\s+\([A-Z]{{2,8}}\)))"
    )
    found = None
    at = -1
    for match in pattern.finditer(body, 0, noun.start):
        found, at = match.group(), match.start()
    lowercase_bodies = language.code in _LOWERCASE_BODIES
    for match in described.finditer(body, 0, noun.start) if lowercase_bodies else ():
        if match.start() > at and " " in match.group():
            found, at = match.group(), match.start()
    if found is None:
        return None
    words_in = found.split()
    # Not the sentence's first word alone before it ("The Authority"): a name of two words.
    while words_in and fold(words_in[0]) in language.articles:
        words_in = words_in[1:]
    return " ".join(words_in) if len(words_in) >= 2 else None


# How a company's name ends or opens: "Meditrine Lifesciences Pvt. Ltd.", "Minerales del
# Alto Cauca S.A.S.", "PT Bank Amanah Syariah Nusantara Tbk".
_CORPORATE_END = r"(?:S\.A\.S\.|S\.A\.|S\.L\.|Pvt\. Ltd\.|Ltd\.|Inc\.|Corp\.|LLC|GmbH|PLC|Tbk)"
_CAPITALISED = rf"[{_CAPITAL}][\w'’&-]*"
_NAMED_WORDS = (
    rf"{_CAPITALISED}(?:\s+(?:(?:de|del|des|du|of|and|y|la|le)\s+)?{_CAPITALISED}){{0,5}}"
)
_COMPANY = re.compile(
    rf"(?<![\w-])(?:PT\s+{_NAMED_WORDS}(?:\s+Tbk)?|{_NAMED_WORDS}\s+{_CORPORATE_END})"
)


_COMPANY_REACH = 6000  # characters back to look for the company's name
_AFTER_COMPANY_WORD = re.compile(rf"\s+(«[^»]{{1,40}}»|{_NAMED_WORDS})")
_BEFORE_COMPANY_WORD = re.compile(rf"({_NAMED_WORDS}),\s+[\w’']{{1,4}}\s+$")


@functools.lru_cache(maxsize=8)
def _companies(body: str, company_words: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """Every company the text names, in order, as (start, end, name), read once a text:
    by its legal form, or after a word for a company ("la empresa Minerales del Alto Cauca",
    "компания «Северавиа»")."""
    found = [
        (
            match.start(),
            match.end(),
            " ".join(part for part in match.group().split() if not part.endswith("-based")),
        )
        for match in _COMPANY.finditer(body)
    ]
    for word in words(body):
        if word.folded not in company_words or word.capitalised:
            continue
        if after := _AFTER_COMPANY_WORD.match(body, word.end):
            found.append((word.start, after.end(), after.group(1).strip("«»")))
        elif before := _BEFORE_COMPANY_WORD.search(body, max(0, word.start - 80), word.start):
            # "Alimentos Escolares del Bajío, la empresa que surte los desayunos": the name
            # the apposition describes.
            found.append((before.start(1), word.end, before.group(1)))
    return tuple(sorted(found))


def _company_named_before(body: str, position: int, language: Language) -> str | None:
    """The company the text named last, and not too long, before `position`."""
    named = [
        name
        for start, end, name in _companies(body, language.company_words)
        if position - _COMPANY_REACH <= start and end <= position
    ]
    return named[-1] if named else None


def _body_by_its_name(
    phrase: list[Word], run: list[Word], language: Language, *, before: bool
) -> list[Word]:
    """A body named from its organisation's word through what it is of: the phrase itself
    (an article aside), when that word heads it and a name ends it; else nothing."""
    rest = phrase
    while len(rest) > 1 and rest[0].folded in language.articles:
        rest = rest[1:]
    if not rest or rest[0].folded not in language.organisations or not 3 <= len(rest) <= 9:
        return []
    # "Le Ministère public du canton de Vaud": an adjective of its own before what it is of.
    adjective = not rest[1].capitalised and rest[2].folded in language.connectors
    if rest[1].folded not in language.connectors and not adjective:
        return []  # "Commission spokesman Olof Gill": a role of it, then a person
    if before:
        # Written before its verb, the phrase up to the end of the run ("La Dirección de
        # Defensa del Consumidor de la provincia": what it is of, in lower case, aside).
        last_name = max((n for n, word in enumerate(rest) if word.capitalised), default=0)
        if not rest[0].capitalised or not last_name or (run and run[-1] not in rest):
            return []
        named = rest[: last_name + 1]
        return named if len(named) >= 3 else []
    # After its verb ("a annoncé le ministère de la Sécurité publique"), up to where the
    # name ends: nothing but connectors and capitalised words, or lower-case ones after a
    # capitalised one ("Sécurité publique").
    if any(word.folded in language.roles for word in rest):
        return []
    return rest if any(word.capitalised for word in rest[1:]) else []


def _bracket_closes_before_a_name(body: str, run: list[Word], language: Language) -> list[int]:
    """Where in a run a bracketed short name closes and a name follows: "Ikatan Dokter Anak
    Indonesia (IDAI) Piprim Basarah Yanuarso", not "El Ministerio de Salud (Minsa) de Perú",
    which goes on with what the ministry is of."""
    return [
        n
        for n, word in enumerate(run[:-1])
        if ")" in body[word.end : run[n + 1].start] and run[n + 1].folded not in language.connectors
    ]


def _name_after_apposed_role(body: str, phrase: list[Word], language: Language) -> list[Word]:
    """ "a affirmé le directeur général de Ravinala Nickel, Luc Vernier": after a verb, a
    role (whose organisation it names) and the person set off after a comma."""
    for n in range(1, len(phrase)):
        if "," not in body[phrase[n - 1].end : phrase[n].start]:
            continue
        name = phrase[n:]
        if (
            1 <= len(name) <= 4
            and all(word.capitalised for word in name)
            and any(word.folded in language.roles for word in phrase[:n])
        ):
            return name
        break
    return phrase


def _said_at(body: str, phrase: list[Word], names: Names) -> Subject | None:
    """ "В пресс-службе «Северного азота» отказались", "в «Волжских минеральных удобрениях»
    не ответили", "В прокуратуре Краснодарского края сообщили": a body named where
    something was said (its office, perhaps) speaks, in the nominative (`Names.match`)."""
    language = names.language
    if len(phrase) < 2 or phrase[0].folded not in language.places or not language.offices:
        return None
    rest = phrase[1:]
    if rest[0].folded in language.offices and len(rest) > 1:
        rest = rest[1:]
    # Or a body's common noun (its adjective before it) and what it is of, by name: "В
    # прокуратуре Краснодарского края сообщили", "В следственном управлении СК по …".
    nouns = language.body_words | language.organisations
    by_noun = next((n for n, word in enumerate(rest[:2]) if word.folded in nouns), None)
    described = by_noun is not None and any(
        word.capitalised or word.acronym for word in rest[by_noun + 1 :]
    )
    if not (rest[0].capitalised or rest[0].acronym or described):
        return None
    name = _span(body, rest)
    if described and language.code == "ru":
        # Where it was said is in an oblique case, even where it could read as a plural:
        # "в пресс-службе мэрии Новосибирска" is мэрия Новосибирска.
        name = nominative(name, oblique=True)
    return Subject(names.match(name, name), words=len(phrase))


def _russian_name(name_words: list[Word]) -> list[Word]:
    """A Russian name is a given name and a surname, perhaps with a patronymic between
    ("Сергей Викторович Иванов"): what stands before them is a place ("Венгрии Петер
    Сийярто")."""
    if len(name_words) >= 3 and name_words[-2].folded.endswith(PATRONYMIC_ENDINGS):
        return name_words[-3:]
    return name_words[-2:]


def person_after_role(name_words: list[Word], language: Language, body: str) -> list[Word]:
    """ "Министр обороны России Андрей Белусов": after a role, the place it belongs to,
    then the person's two names (unless a given name opens three, or a patronymic stands
    in the middle)."""
    if len(name_words) == 3 and name_words[0].folded in GIVEN_NAMES:
        return name_words
    if language.code == "ru" and len(name_words) == 3:
        return _russian_name(name_words)
    if len(name_words) >= 3 and not _organisation(name_words, language):
        return _person_names(name_words, language, body)
    return name_words


def _person_before_place(
    body: str, phrase: list[Word], run: list[Word], names: Names
) -> list[Word]:
    """ "Blinken in Brussels said": the person, not where they spoke (an organisation keeps
    its seat: "Kedubes AS di Jakarta"; "Warga di Kelurahan Mawar" are residents there)."""
    language = names.language
    at = phrase.index(run[0])
    if at < 2 or phrase[at - 1].capitalised or phrase[at - 1].folded not in language.places:
        return run
    person = _trailing_run(phrase[: at - 1], language)
    if not person or _organisation(person, language):
        return run
    if all(word.folded in language.roles for word in person):
        return run  # "Officials in Kyiv": people there, not a name
    titled = any(word.folded in language.roles for word in person)  # "Menteri … Sugiono di"
    name = _span(body, person)
    # A word alone may be a common noun at the head of the sentence ("Warga di …").
    alone = person[0] is phrase[0] and len(person) == 1 and len(run) == 1
    if _full_name_in(person, language) or titled or alone or names.full_name(name) != name:
        return person
    return run


def _report_of(phrase: list[Word], run: list[Word], language: Language) -> bool:
    """Is the name whose report the phrase is ("a report by Amnesty International", "un
    informe de Human Rights Watch", "laporan ICW")?"""
    at = phrase.index(run[0])
    if at >= 2 and phrase[at - 1].folded in language.connectors | {language.agent}:
        at -= 1
    return at >= 1 and phrase[at - 1].folded in language.report_nouns


def _of_an_office(phrase: list[Word], run: list[Word], language: Language) -> bool:
    """Is the name what an indefinite official is of ("a senior official of the Treasury",
    "un alto funcionario del Ministerio de Defensa"), or where they serve ("un diplomate
    européen en poste à Antananarivo"), not whom a spokesperson speaks for?"""
    at = phrase.index(run[0])
    head = phrase[1:at]
    return (
        len(phrase) <= 9
        and bool(head)
        and head[-1].folded in language.connectors | language.articles | language.places
        and any(word.folded in language.roles for word in head)
        and not any(word.folded in language.speaking_for for word in head)
    )


def _run_completes_a_noun(phrase: list[Word], run: list[Word], language: Language) -> bool:
    """Does the name end a noun phrase it belongs to ("vecinos de Cerro Alto", "residents
    of Port Alden")? Not after a role ("secretary of State …"), whose name it is."""
    at = phrase.index(run[0])
    connector = phrase[at - 1].folded if at else ""
    if at >= 2 and connector in language.places:
        # "The foreign ministry in Beijing", "Officials in Kyiv": a body or people there.
        word = phrase[at - 2]
        return word.folded in language.organisations | language.roles and (
            not word.capitalised or at == 2
        )
    if at < 2 or connector not in language.connectors or connector in language.articles:
        return False
    noun = phrase[at - 2].folded
    return (
        not phrase[at - 2].capitalised
        and noun not in language.roles
        and noun not in language.connectors | language.articles | language.relatives
        and noun not in language.skipped
    )


def _organisation(phrase: list[Word], language: Language) -> bool:
    return any(word.folded in language.organisations for word in phrase)


def _spoken_for(phrase: list[Word], language: Language) -> list[Word]:
    """ "a spokesperson for the presidential office": the office."""
    for n, word in enumerate(phrase[:-1]):
        if word.folded in language.roles and phrase[n + 1].folded in language.connectors:
            rest = phrase[n + 2 :]
            while rest and rest[0].folded in language.articles | language.connectors:
                rest = rest[1:]
            # An organisation: "the presidential office", not "del Interior" (a portfolio).
            if 0 < len(rest) <= 6 and _organisation(rest, language):
                return rest
            return []
    return []


_CIRCUMSTANCE_WORDS = 6  # "на встрече с дольщиками": where a subject after its verb spoke


def _after_phrase(phrase: list[Word], language: Language) -> list[Word]:
    """After a verb the subject comes first, perhaps behind an article or a time word:
    "said Tom Kell", "dijo el ministro", "afirmó este martes la ONU"."""
    start = 0
    while start < len(phrase) and (
        phrase[start].folded in language.articles
        or phrase[start].folded in language.skipped
        or phrase[start].folded in language.weekdays
    ):
        if phrase[start].lower in language.pronouns:
            break
        start += 1
    # "dijo a EFE Marcelina Choque": the agency told, then the one who spoke.
    if (
        start + 2 < len(phrase)
        and phrase[start].folded in language.told
        and (phrase[start + 1].acronym or phrase[start + 1].text in WIRE_SERVICES)
        and phrase[start + 2].capitalised
    ):
        start += 2
    # "a déclaré sur France Inter le ministre …": where it spoke, before the subject.
    start = _past_medium(phrase, start, language)
    # "заявил на встрече с дольщиками генеральный директор …": where, then who.
    if start < len(phrase) and phrase[start].folded in language.circumstances:
        ahead = range(start + 1, min(len(phrase), start + _CIRCUMSTANCE_WORDS))
        role_at = next((n for n in ahead if phrase[n].folded in language.roles), None)
        if role_at is not None and not any(w.capitalised for w in phrase[start:role_at]):
            start = role_at
    # "a déclaré le chef de l'État lors d'une conférence de presse": the subject ends
    # where how or where it spoke begins.
    for end in range(start + 1, len(phrase)):
        following = phrase[end + 1] if end + 1 < len(phrase) else None
        if phrase[end].folded in language.told and not phrase[end].capitalised:
            return phrase[start:end]  # "ujar Tolchenov kepada wartawan di …": whom he told
        if (
            phrase[end].folded in language.circumstances
            and not phrase[end].capitalised
            and (
                not (following is not None and following.capitalised)  # "in Gaza": a seat
                # …unless a person's names come before it: a person has no seat, "kata
                # Menteri Luar Negeri Ukraina Andrii Sybiha di Kyiv" is where he spoke.
                or _full_name_in(phrase[max(start, end - 2) : end], language)
            )
        ):
            return phrase[start:end]
    return phrase[start:]


def _past_medium(phrase: list[Word], start: int, language: Language) -> int:
    """Past a medium named before the subject: "sur France Inter le ministre", "en TVE
    la ministra", "on CNN the senator"; else `start`."""
    if start >= len(phrase) or phrase[start].capitalised:
        return start
    if phrase[start].folded not in language.circumstances | language.told | MEDIA_PREPOSITIONS:
        return start
    end = start + 1
    # "en declaraciones a la Cadena SER la presidenta …", "in an interview with CNN the
    # senator": how it spoke, then to which medium.
    told = next(
        (
            n
            for n in range(start + 1, min(start + 4, len(phrase)))
            if phrase[n].folded in language.told | language.told_with
        ),
        None,
    )
    if told is not None and not any(word.capitalised for word in phrase[start:told]):
        end = told + 1
        if end < len(phrase) and phrase[end].folded in language.articles:
            end += 1
        start = end - 1
    while end < len(phrase) and end - start <= 3 and phrase[end].capitalised:
        end += 1
    if end == start + 1 or end >= len(phrase):
        return start
    following = phrase[end]
    if following.capitalised or following.folded not in language.articles:
        return start
    return end + 1  # the subject, past its article


def _leading_chain(body: str, phrase: list[Word], language: Language) -> list[Word]:
    """The name at the start of a phrase after a verb, through the roles before it: in
    "State Department deputy spokesman Matthew Hale" it is Matthew Hale, in "la
    secrétaire générale de la CGT, Sophie Lambert" the name after the comma, in "министр
    иностранных дел Сергей Лавров" the name after the role's complement; "el ministro del
    Interior" names no one but a role."""
    for n in range(1, len(phrase)):
        if "," in body[phrase[n - 1].end : phrase[n].start]:
            if (
                any(w.folded in language.roles for w in phrase[:n])
                and _is_name_word(phrase[n], language)
                # "Как заявил пресс-секретарь Кремля Дмитрий Песков, Москва …": the name
                # stands before the comma already.
                and not _full_name_in(phrase[:n], language)
            ):
                return _leading_chain(body, phrase[n:], language)  # the name after the role
            phrase = phrase[:n]
            break
    if (
        len(phrase) > 1
        and not phrase[0].capitalised
        and phrase[0].folded in language.organisations
        and _is_name_word(phrase[1], language)
    ):
        phrase = phrase[1:]  # "le syndicat Samu-Urgences de France": the union, by name
    chain: list[Word] = []
    for n, word in enumerate(phrase):
        if (
            _is_name_word(word, language)
            or word.bare in language.roles  # "l'économiste Mamadou Diarrassouba"
            or (chain and word.folded in language.connectors)
            # A role of several words: "Pentagon press secretary Pat Ryder", "foreign
            # ministry spokesperson Lin Jian".
            or (
                any(w.folded in language.roles for w in phrase[n + 1 : n + 3])
                and word.folded not in language.circumstances
                and word.folded not in language.stopwords
            )
        ):
            chain.append(word)
            continue
        if any(w.folded in language.roles for w in chain):
            # "министр иностранных дел Сергей Лавров": past the role's complement, the name.
            ahead = phrase[n + 1 : n + 4]
            name_at = next((k for k, w in enumerate(ahead) if _is_name_word(w, language)), None)
            if name_at is not None:
                named = _leading_chain(body, ahead[name_at:] + phrase[n + 4 :], language)
                return person_after_role(named, language, body)
        break
    last_role = max(
        (n for n, word in enumerate(chain) if word.folded in language.roles and not word.acronym),
        default=-1,
    )
    if 0 <= last_role < len(chain) - 1:
        after_role = chain[last_role + 1 :]
        names_after = [w for w in after_role if w.folded not in language.connectors]
        if after_role[0].folded in language.connectors and len(names_after) <= 2:
            return []  # "el ministro del Interior", "le ministre des Mines": a role's own
        chain = _two_names(after_role, language, body)
    while chain and not _is_name_word(chain[0], language):
        chain.pop(0)  # "del sindicato", "de la CGT": what follows a role is no name
    while chain and chain[-1].folded in language.connectors:
        chain.pop()
    # "… стран СНГ МИД РФ Алексей Полищук": the person after the organisations' short names.
    short = [n for n, word in enumerate(chain[:-1]) if word.acronym]
    if (
        short
        and 2 <= len(chain) - short[-1] - 1 <= 3
        and _full_name_in(chain[short[-1] + 1 :], language)
    ):
        chain = chain[short[-1] + 1 :]
    return chain
