"""Russian names back in the nominative, as the database holds them.

Russian declines names: "по словам … Марины Колесниковой", "Представитель «Уралхимпрома»",
"со ссылкой на двух трейдеров", "в «Волжских минеральных удобрениях»". A name none of
whose words can stand in the nominative as written is in another case, and each of its
words is put back with pymorphy3's dictionary of Russian (OpenCorpora's, shipped inside
its PyPI package): "Марина Колесникова", "Уралхимпром", "два трейдера", "Волжские
минеральные удобрения". A name one of whose words may be nominative is left as it is
("Мария Лаврова" is a woman, not Лавров's genitive), and so is what follows a preposition
("источники в армянском правительстве": the place is part of the description).
"""

import functools
import re

_OBLIQUE = {"gent", "gen2", "datv", "accs", "ablt", "loct", "loc2"}
_PREPOSITIONS = {"в", "во", "на", "при", "из", "от", "у", "с", "со", "по", "для", "за", "из-за"}
_NUMBERS = {"два", "две", "три", "четыре", "оба", "обе"}
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё-]+")
_AGREEING = {"ADJF", "PRTF", "NUMR"}


@functools.cache
def _analyzer():
    # Loaded once, on the first Russian name (some 0.2 s and 15 MB).
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer(lang="ru")


def _parses(word: str):
    return _analyzer().parse(word.lower())


def _oblique(parses, capitalised: bool):
    """The likeliest reading of a word in a case other than the nominative: a person's or
    a body's name first, when the word has a capital."""
    readings = [p for p in parses if p.tag.case in _OBLIQUE]
    if capitalised:
        # A person's name before a place's: "Ефремова" is Ефремов's genitive, not a village's.
        personal = [p for p in readings if _PERSON & p.tag.grammemes]
        named = [p for p in readings if {"Orgn", "Geox"} & p.tag.grammemes]
        readings = personal or named or readings
    return readings[0] if readings else None


_PERSON = {"Name", "Surn", "Patr"}
# How a Russian surname or patronymic ends outside the nominative, known to the dictionary
# or not: "Ладыженского", "Колесниковой", "Иванова".
_DECLINED = ("ого", "его", "ой", "ей", "ова", "ева", "ина", "ыной", "ому", "ему", "ича")


@functools.lru_cache(maxsize=4096)
def nominative(name: str, *, oblique: bool = False) -> str:
    """`name` in the nominative, if it was written in another case; else as it is. Only
    its head is put back: the words before its first noun, the noun, and the names of a
    person after a given name ("Национального союза зернопроизводителей" → "Национальный
    союз зернопроизводителей", "Марины Колесниковой" → "Марина Колесникова")."""
    head: list[tuple[re.Match, list]] = []
    noun, person = False, False
    for token in _CYRILLIC_WORD.finditer(name):
        word = token.group()
        if word.lower() in _PREPOSITIONS or (word.isupper() and len(word) > 1):
            break  # a place after it, or an abbreviation ("РАПУ") the head does not decline
        parses = _parses(word)
        # A surname may read as an adjective: "Ладыженского".
        # (A surname may read first as a place: "Ефремова".)
        named = any(_PERSON & p.tag.grammemes for p in parses if p.score >= parses[0].score) or (
            person and parses[0].tag.POS == "ADJF"
        )
        if noun and not (person and named):
            break  # the rest depends on the head: "союза зернопроизводителей"
        head.append((token, parses))
        if parses[0].tag.POS == "NOUN":
            noun, person = True, person or named
    capitals = [token.group()[:1].isupper() for token, _ in head]
    if not head:
        return name
    # After "по словам", "по оценке" a name is in the genitive, whatever else it could be.
    if not oblique and _may_stand([parses for _, parses in head], person, capitals):
        return name
    readings = [_oblique(parses, token.group()[:1].isupper()) for token, parses in head]
    parts, last = [], 0
    for number, (token, _parses_of_word) in enumerate(head):
        if readings[number] is None:
            continue
        word = _put_back(readings[number], readings[number + 1 :], readings[:number])
        if word is None:
            continue
        if token.group()[:1].isupper():
            word = word[:1].upper() + word[1:]
        parts += [name[last : token.start()], word]
        last = token.end()
    return "".join(parts) + name[last:]


def _may_stand(head: list[list], person: bool, capitals: list[bool]) -> bool:
    """Can the head be read in the nominative as written? A person's name can if its
    surname can, as the same sex as the names before it: "Кая Каллас" (Каллас declines
    for no one), not "Сергея Лаврова" (a woman's surname, after a man's genitive). A
    body's name is one body: "Росавиации" is no plural of Росавиация."""
    if not person:
        return all(
            any(p.tag.case == "nomn" and not (capital and p.tag.number == "plur") for p in parses)
            for parses, capital in zip(head, capitals, strict=True)
        )
    if not all(parses[0].is_known or parses[0].word.endswith(_DECLINED) for parses in head):
        return True  # a foreign name the dictionary only guesses at: "Лулу Ранне"
    surname = [p for p in head[-1] if p.tag.case == "nomn"]
    if not surname:
        return False
    if len(head) == 1:
        return True
    # The given names as they likeliest read: "Дмитрия" is Дмитрий's genitive, though a
    # woman may be called Дмитрия.
    if any({"Fixd", "ms-f"} <= p.tag.grammemes for p in surname):
        # "Вадим Гурко", "Вадима Гурко": a surname that declines for neither sex; the given
        # names say.
        return all(parses[0].tag.case == "nomn" for parses in head[:-1])
    others = {parses[0].tag.gender for parses in head[:-1]}
    return bool(others & {p.tag.gender for p in surname})


def _put_back(reading, after, before) -> str | None:
    """One word in the nominative: an adjective agreeing with the noun after it, a noun
    after "два" in the form that number takes ("два трейдера")."""
    pos = reading.tag.POS
    wanted = {"nomn"}
    if pos in _AGREEING:
        head = next((r for r in after if r is not None and r.tag.POS == "NOUN"), None)
        if head is not None and pos != "NUMR":
            wanted |= {head.tag.number} if head.tag.number == "plur" else {head.tag.gender}
    inflected = reading.inflect({grammeme for grammeme in wanted if grammeme})
    if inflected is None:
        return None
    counted = before[-1] if before else None
    if pos == "NOUN" and counted is not None and counted.tag.POS == "NUMR":
        number = counted.inflect({"nomn"})
        if number is not None and number.word in _NUMBERS:
            inflected = inflected.make_agree_with_number(2) or inflected
    return inflected.word


def names_a_person(word: str) -> bool:
    """Whether a word likeliest reads as a given name, a surname or a patronymic
    ("Денис", "Рыбаков"), not a place or a body ("Ленобласти")."""
    return bool(_PERSON & _parses(word)[0].tag.grammemes)


_DESCRIBED = re.compile(r"[а-яё]+(?:\s+[а-яё]+){0,4}\s+[А-ЯЁ][\w-]+")


def named_before_in_russian(body: str, noun) -> str | None:
    """The body a common noun ("в комитете") stands for, as the text named it before with
    what it is of, in the nominative: "в комитете по природным ресурсам Ленобласти" is
    комитет по природным ресурсам Ленобласти."""
    lemma = _parses(noun.text)[0].normal_form
    found = None
    stem = lemma[:4]  # a quick test before the dictionary's
    for word in _CYRILLIC_WORD.finditer(body, 0, noun.start):
        text = word.group()
        if (
            text.startswith(stem)
            and _parses(text)[0].normal_form == lemma
            and (match := _DESCRIBED.match(body, word.start(), noun.start))
        ):
            found = match.group()
    return nominative(found, oblique=True) if found else None
