"""Denials and disputes: which statement answers which.

A statement answers another, by another speaker, when
- its verb denies ("denied", "membantah", "negó", "a démenti", "отверг", "否认"), or
- its content is negated ("not", "tidak", "no", "pas", "не", "不") and the speaker
  answers: the other statement accuses ("accused", "menuduh", "指责"), or names this
  speaker, or the same speaker's denial just before answered it ("Kessler denied it.
  'We have nothing to hide,' she said.").
Among the statements near it (a bounded window either side: an accusation is often
reported after its denial) the one it answers shares most of its words, accuses, or
names its speaker; "that claim", "ces accusations", "上述说法" point at the last other
speaker's reported claim; between equals, the nearest. A denial in the lead may answer
what the story reports far below it when the two plainly share their words.

A statement also disputes another speaker's different figure for the same count just
before it ("cifró el seguimiento en el 91%", "Renfe lo situó en el 37%").

Words are compared loosely — one containing the other, so that Indonesian "senjata" and
"persenjataan", English "weapon" and "weapons" meet — leaving out function words and
names (capitalised words say who, not what). Chinese is compared by pairs of characters.
"""

import functools
import itertools
import re
from dataclasses import dataclass

from assistant.rules.lexicon import Language
from assistant.rules.text import is_cjk, words
from records.text import ZH_NEGATIONS, fold

_MIN_WORD = 4
_MIN_SHARED_STEM = 5
_WINDOW_BEFORE = 12
_WINDOW_AFTER = 6
_WINDOW_AFTER_DENIAL = 14
_FAR_SHARED = 3  # words a denial shares with what it answers far below it
_JUST_SAID = 2.5  # what a demonstrative points at gains, against shared words


@dataclass
class Statement:
    start: int
    end: int
    speaker_key: object  # an existing speaker's id or a new name; None when unknown
    speaker_names: set[str]  # folded names, aliases and mention of the speaker
    content_start: int  # where the words after the attribution begin
    denial: bool
    accusation: bool
    direct: bool
    answer: bool = False  # its cue answers ("responded", "回应称")
    sentence_start: int = 0
    sentence_end: int = 0
    relays: tuple[str, ...] = ()  # nearest first, the credit line's first
    credit: str = ""  # the outlet the credit line names, if any
    cue: str = ""  # its cue's words, folded ("mengklaim", "claimed")

    @property
    def relayed(self) -> bool:
        """Did an outlet it names carry it ("told Reuters", "citing TASS")?"""
        return any(relay != self.credit for relay in self.relays)


def content_words(body: str, start: int, end: int, language: Language) -> set[str]:
    text = body[start:end]
    if language.code == "zh":
        chars = [char for char in text if is_cjk(char)]
        return {a + b for a, b in itertools.pairwise(chars)}
    return {
        word.folded
        for word in words(body, start, end)
        if not word.capitalised
        and len(word.text) >= _MIN_WORD
        and word.folded not in language.stopwords
        and word.folded not in language.negations
    }


def shared_words(a: set[str], b: set[str]) -> int:
    """How many words of the smaller set stand in the other, or inside one of its words
    (or hold one): "senjata" meets "persenjataan". Substrings are looked for in the
    other set's words joined, so the cost is linear in the words."""
    if len(a) > len(b):
        a, b = b, a
    joined_b = "|" + "|".join(b) + "|"
    joined_a = "|" + "|".join(a) + "|"
    count = 0
    for word in a:
        if word in b or (len(word) >= _MIN_SHARED_STEM and word in joined_b):
            count += 1
    held = sum(
        1 for word in b if len(word) >= _MIN_SHARED_STEM and word not in a and word in joined_a
    )
    return min(len(a), count + held)


def negated(body: str, start: int, end: int, language: Language) -> bool:
    """Does the statement say no, or call something untrue ("false", "fitnah", "捏造")?"""
    if language.code == "zh":
        text = body[start:end]
        return any(word in text for word in (*ZH_NEGATIONS, *language.refutations))
    return any(
        word.folded in language.negations
        or word.folded in language.refutations
        or word.folded.endswith("n't")
        for word in words(body, start, end)
    )


def _names(body: str, statement: Statement, names: set[str]) -> bool:
    """Does the statement name one of `names` in its content (not as its own speaker)?"""
    text = body[statement.content_start : statement.end].casefold()
    return any(name and len(name) >= 2 and name in text for name in names)


def _names_owner(body: str, candidate: Statement, statement: Statement) -> bool:
    """Does the candidate name whose body the statement's speaker is ("China's commerce
    ministry" answering what "Chinese car makers" were said to have done)?"""
    text = body[candidate.content_start : candidate.end].casefold()
    for name in statement.speaker_names:
        owner, possessive, _ = name.partition("'s ")
        if possessive and len(owner) >= 4 and " " not in owner:
            stem = owner[:-1] if len(owner) >= 5 else owner
            if re.search(rf"(?<!\w){re.escape(stem)}", text):
                return True
    return False


def _opens_with(body: str, statement: Statement, markers: tuple[str, ...], language: Language):
    """Does its sentence open with one of `markers` (folded, as the lexicon writes them)?"""
    opening = body[statement.sentence_start : statement.sentence_start + 24]
    opening = opening if language.code == "zh" else fold(opening)
    return opening.startswith(markers)


def _told_earlier(body: str, statement: Statement, language: Language) -> bool:
    """Does its sentence open with "Earlier, …", "Sebelumnya, …", "Ранее …", "此前，…", or
    its verb say a past before the past ("había asegurado", "avait accusé")?"""
    auxiliary = statement.cue.split()[0] if statement.cue else ""
    return auxiliary in language.earlier_auxiliaries or _opens_with(
        body, statement, language.told_earlier, language
    )


def _opens_as_answer(body: str, statement: Statement, language: Language) -> bool:
    """Does its sentence open as an answer ("对此，…", "In response, …")?"""
    return _opens_with(body, statement, language.answer_openers, language)


def _named_as(statement: Statement, language: Language) -> set[str]:
    """The names by which an answer may name the statement's speaker: theirs ("Peskov's
    remarks", "驳斥了美方说法"), and in Chinese the country an organisation's name opens
    with (美国 in 美国国务院)."""
    names = {name for name in statement.speaker_names if len(name) >= 2}
    if language.code == "zh":
        countries = {name[:2] for name in names if len(name) >= 4 and name[1] == "国"}
        # 美国 is 美方 too ("the US side"), as 中国 is 中方.
        names |= countries | {country[0] + "方" for country in countries}
    return names


def _names_claim(body: str, statement: Statement, names: set[str], language: Language) -> bool:
    """Does the statement name what one of `names` said: "Peskov's remarks", "tuduhan AS",
    "美方说法", "美方的指责" (a name beside a noun for what was said, as whole words)?"""
    if not language.accusation_nouns:
        return False
    text = fold(body[statement.sentence_start : statement.sentence_end])
    shortest = 2 if language.code == "zh" else 3
    return any(
        _claim_pattern(name, language.code == "zh", language.accusation_nouns).search(text)
        for name in names
        if len(name) >= shortest and name in text
    )


@functools.lru_cache(maxsize=4096)
def _claim_pattern(name: str, chinese: bool, nouns: frozenset[str]) -> re.Pattern:
    said = "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True))
    named = re.escape(name)
    if chinese:
        # "美方泛化国家安全概念…，中方对此坚决反对": the side named, then "对此" (to this).
        return re.compile(rf"{named}的?(?:{said})|{named}.*对此")
    return re.compile(
        rf"(?<!\w){named}(?:'s|’s)?\s+(?:\w+\s+)?(?:{said})(?!\w)"
        rf"|(?<!\w)(?:{said})(?:\s+\w+)?\s+{named}(?!\w)"
    )


def _just_before(statements: list[Statement], other: int, index: int) -> bool:
    """Is `other` the last statement before `index` by someone else, only either
    speaker's further words between ("accused …", the accuser's quote, the answerer's
    "we respect the audit", then the answer)?"""
    if other >= index:
        return False
    speakers = {statements[other].speaker_key, statements[index].speaker_key}
    return all(s.speaker_key in speakers for s in statements[other + 1 : index])


def _echoes(nouns: set[str], cue: str) -> bool:
    """Does one of the nouns echo the cue's verb ("klaim" in "mengklaim", "claims" and
    "claimed", "обвинения" and "обвинил")?"""
    verbs = cue.split()
    return any(
        (len(noun) >= 5 and noun in verb) or (len(noun) >= 4 and noun[:4] == verb[:4])
        for noun in nouns
        for verb in verbs
        if len(verb) >= 4
    )


def _names_relay(body: str, statement: Statement, candidate: Statement) -> bool:
    """Does the statement's sentence name an outlet that carried the candidate?"""
    text = body[statement.sentence_start : statement.sentence_end].casefold()
    return any(relay.casefold() in text for relay in candidate.relays if len(relay) >= 2)


def calls_untrue(body: str, start: int, end: int, language: Language) -> bool:
    """Does the statement call something untrue ("false", "fitnah", "infondées", "捏造")?"""
    if language.code == "zh":
        return any(word in body[start:end] for word in language.refutations)
    return any(word.folded in language.refutations for word in words(body, start, end))


def pointer_nouns(body: str, start: int, end: int, language: Language) -> set[str]:
    """The nouns by which the statement names what it answers ("the accusation", "tuduhan
    itu", "指责") or a published report ("the Nikkei story", "эти публикации")."""
    nouns = language.accusation_nouns | language.report_nouns
    if language.code == "zh":
        return {noun for noun in nouns if noun in body[start:end]}
    return {word.folded for word in words(body, start, end) if word.folded in nouns}


def points_back(body: str, start: int, end: int, language: Language) -> bool:
    """Does the sentence name what it answers as just said: a pointer noun with a
    demonstrative beside it ("tudingan itu", "such claims", "cette lecture", "上述说法")?"""
    nouns = language.accusation_nouns | language.report_nouns
    if language.code == "zh":
        text = body[start:end]
        return any(f"{near}{noun}" in text for near in language.demonstratives for noun in nouns)
    folded = [word.folded for word in words(body, start, end)]
    return any(
        word in nouns and language.demonstratives.intersection(folded[max(0, n - 1) : n + 2])
        for n, word in enumerate(folded)
    )


def _last_said(statements: list[Statement], index: int) -> int | None:
    """What "that claim" names: the last claim reported (not quoted) of what the last
    speaker before it but this one said in a row ("Grossi a affirmé … « Nous n'avons
    plus … ». Téhéran a démenti ces accusations"), or the first of it."""
    own = statements[index].speaker_key
    last = index - 1
    # Nobody's words (an outlet's "D'après Politico, …") are not what "these criticisms" are.
    while last >= 0 and statements[last].speaker_key in (own, None):
        last -= 1
    if last < 0:
        return None
    first = last
    while first > 0 and statements[first - 1].speaker_key == statements[last].speaker_key:
        first -= 1
    reported = [other for other in range(first, last + 1) if not statements[other].direct]
    return reported[-1] if reported else first


def denials(body: str, statements: list[Statement], language: Language) -> list[tuple[int, int]]:
    """(denied, denying) index pairs into `statements`."""
    vocab = [content_words(body, s.content_start, s.end, language) for s in statements]
    negative = [negated(body, s.content_start, s.end, language) for s in statements]
    # Pointing back is in the whole sentence ("'That is simply not true,' Kell said when
    # told of the mayor's remarks"), not only in the quotation.
    named = [pointer_nouns(body, s.sentence_start, s.sentence_end, language) for s in statements]
    pointing = [bool(nouns) for nouns in named]
    reporting = [bool(nouns & language.report_nouns) for nouns in named]
    # The nouns that echo a cue ("Klaim itu", "mengklaim"); Chinese has no such echo here.
    pointers = [
        set() if language.code == "zh" else nouns & language.accusation_nouns for nouns in named
    ]
    last_said = [
        _last_said(statements, index)
        if points_back(body, statement.sentence_start, statement.sentence_end, language)
        else None
        for index, statement in enumerate(statements)
    ]
    refuted = [calls_untrue(body, s.content_start, s.end, language) for s in statements]
    opens_answering = [_opens_as_answer(body, s, language) for s in statements]
    answered: dict[int, int] = {}  # denying index → the statement it answers
    first_of_speaker: dict[object, int] = {}
    for index, statement in enumerate(statements):
        first_of_speaker.setdefault(statement.speaker_key, index)
    pairs = []
    for index, statement in enumerate(statements):
        if statement.speaker_key is None:
            continue
        # A denial of its own ("Dadang menepis tudingan itu") after another speaker's
        # answer picks what it answers by its own words, not by theirs.
        earlier_denial = next(
            (
                answered[other]
                for other in range(index - 1, max(-1, index - 3), -1)
                if other in answered
                and statements[answered[other]].speaker_key != statement.speaker_key
                and not (
                    statement.denial and statements[other].speaker_key != statement.speaker_key
                )
            ),
            None,
        )
        # A quote or a negation right after a denial goes on answering what it denied:
        # "Kessler denied it. 'We have nothing to hide,' she said", or her spokesman did.
        continuing = earlier_denial is not None and (statement.direct or negative[index])
        # "The reports are pure fabrication": refuting what it names is answering it.
        refuting = (negative[index] and pointing[index]) or refuted[index]
        # A denial in the lead may answer what the story reports far below it, in its words.
        after = _WINDOW_AFTER_DENIAL if statement.denial else _WINDOW_AFTER
        low, high = max(0, index - _WINDOW_BEFORE), min(len(statements), index + after)
        # "said Peskov's remarks were 'cynical'", "美方行径…中方对此强烈不满": what it points
        # at, by the name of whoever said it before.
        answering_by_name = pointing[index] and any(
            statements[other].speaker_key not in (None, statement.speaker_key)
            and _names_claim(body, statement, _named_as(statements[other], language), language)
            for other in range(low, index)
        )
        answering = (
            statement.denial
            or statement.answer
            or continuing
            or refuting
            or opens_answering[index]
            or answering_by_name
        )
        # The one an accusation just named speaks next: their answer, whatever its words.
        named_by_accusation = any(
            statements[other].accusation
            and statements[other].speaker_key != statement.speaker_key
            and _names(body, statements[other], statement.speaker_names)
            for other in range(max(0, index - 2), index)
        )
        if not (answering or negative[index] or named_by_accusation):
            continue
        best, best_score = None, 0.0
        for other in range(low, high):
            candidate = statements[other]
            if other == index or candidate.speaker_key == statement.speaker_key:
                continue  # an unattributed statement may still be what is denied
            if candidate.denial and not candidate.accusation:
                continue  # a denial is answered by nobody; criticism may be
            if (
                other > index
                and other != earlier_denial
                and not (statement.denial or statement.answer)
                and not _told_earlier(body, candidate, language)
            ):
                # Only a denial (or what goes on with one) answers what is reported after
                # it: "avoir identifié 4000 faux comptes" opens a story, answering nothing.
                continue
            shared = shared_words(vocab[index], vocab[other])
            far = other >= index + _WINDOW_AFTER
            if far and shared < (_FAR_SHARED * 3 if language.code == "zh" else _FAR_SHARED):
                continue  # (Chinese words are pairs of characters: three times as many)
            # An answer names whom it answers: "美国不是南海问题当事方" answers the US,
            # "contrariamente a lo dicho por Serrano" the minister.
            named_back = (
                other < index
                and answering
                and _names(body, statement, _named_as(candidate, language))
            )
            # Naming the one who answers is what an accusation before its answer does.
            about = other < index and (
                _names(body, candidate, statement.speaker_names)
                or _names_owner(body, candidate, statement)
                or (
                    answering
                    and _names_claim(body, statement, _named_as(candidate, language), language)
                )
                or named_back
            )
            score = shared + (2 if candidate.accusation else 0) + (2 if about else 0)
            score += _JUST_SAID if other == last_said[index] else 0
            if other == earlier_denial and not reporting[index]:
                # …unless it names a report of its own ("эти публикации"); a denial of its
                # own ("La empresa negó … que utilice mercurio") is judged by its words more.
                score += 1 if statement.denial and vocab[index] else 3
            if pointing[index] and other < index:
                score += 1.5 if candidate.accusation or about else 0.5
                # "Klaim itu" answers "mengklaim", "such claims" what was claimed.
                score += 2 if _echoes(pointers[index], candidate.cue) else 0
            # "described the Nikkei story as …", "ha rechazado esa información": a report
            # answered is what an outlet carried, or what a report said; the outlet it
            # names, most of all.
            if reporting[index] and other < index and (candidate.relayed or reporting[other]):
                score += 10 if _names_relay(body, statement, candidate) else 2
            if pointing[index] and other > index:
                score -= 2  # "ces accusations" points back at what it answers
            # The accused answering: the statement just before accused, or named, them.
            accused = about and candidate.accusation and index - other <= 2
            # "…accused Beijing of supplying drone parts. Lin Jian said China had never
            # provided weapons": a "no" (or a reply) right after another's claim, by someone
            # else, answers it when it accuses or when their words meet.
            replying = (
                (negative[index] or statement.answer)
                and not negative[other]
                and _just_before(statements, other, index)
                and (candidate.accusation or shared > 0 or statement.answer)
            )
            # "Katanya penumpang yang bayar, tapi bukan begitu …": a "no" in the words of
            # another's claim, later on, gainsays it.
            gainsaying = negative[index] and not negative[other] and other < index and shared >= 2
            if not (statement.denial or refuting or replying or gainsaying) and not (
                (shared or pointing[index] or other == earlier_denial or accused or named_back)
                and (candidate.accusation or about or other == earlier_denial or answering)
            ):
                continue  # an answer echoes what it answers, and that accuses or names it
            score += 1 if replying else 0
            if score <= 0:
                continue
            if statement.denial or refuting:
                # What a denial answers is the claim as reported, more than a quote
                # around it, and the accuser's first statement more than their later ones.
                score += 0.6 if not candidate.direct else 0
                # What is denied asserts: a "no" quoted near a denial is on its side
                # ("There is no plan," said the ministry's spokesman); a "not" reported
                # may be the charge itself ("Russia has not delivered the arms").
                score -= 2 if negative[other] and (candidate.direct or not pointing[index]) else 0
                # "…, a claim Moscow denies": a denial in the sentence that makes the claim.
                score += 3 if candidate.sentence_start == statement.sentence_start else 0
                score += 0.4 if first_of_speaker.get(candidate.speaker_key) == other else 0
            score -= abs(index - other) * 0.01  # between equals, the nearest
            score -= 2 if far else 0  # …and far below, only what plainly shares its words
            if other > index:
                score -= 0.5  # an answer usually follows what it answers
                if _told_earlier(body, candidate, language):
                    score += 1.5  # …unless the text says it came first ("Ранее …")
            if score > best_score:
                best, best_score = other, score
        if best is None and (statement.denial or refuting):
            # A denial whose words meet nothing: the nearest other speaker's statement,
            # before it if any ("Kessler denied the accusation").
            others = [
                other
                for other in range(low, high)
                if other != index
                and statements[other].speaker_key != statement.speaker_key
                and not statements[other].denial
            ]
            earlier = [other for other in others if other < index]
            reported = [other for other in earlier if not statements[other].direct]
            # None before it: what it denies is reported after ("Ранее … заявила"), an
            # assertion, not its own side's "no" quoted next.
            asserted = [o for o in others if not statements[o].direct and not negative[o]]
            told_before = [o for o in asserted if _told_earlier(body, statements[o], language)]
            if statement.accusation or not statement.denial:
                # Criticism that opens the story is what the rest answers, not an answer;
                # so is a lead that only calls something false ("4000 faux comptes").
                asserted = others = []
                told_before = told_before if not statement.accusation else []
            best = (reported or earlier or told_before or asserted or others or [None])[
                -1 if (reported or earlier) else 0
            ]
        if best is not None:
            answered[index] = best
            pairs.append((best, index))
    return pairs + [
        pair for pair in rival_figures(body, statements, vocab, language) if pair not in pairs
    ]


# A figure and what it counts: "91% de los conductores", "112", "15 000 hectares", "81%".
# (Not inside a word of letters or digits; after a Chinese character it may stand: "约为35%".)
_FIGURE = re.compile(
    r"(?<![0-9A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё.,])(\d+(?:[.,  ]\d{3})*(?:[.,]\d+)?)\s*(%|[^\W\d_]+)?"
)
_FIGURE_WINDOW = 5  # statements after the first figure that a rival one may stand


def _figures(body: str, start: int, end: int) -> dict[str, set[str]]:
    """unit (the word after the number, folded, or "%") → the numbers given in it."""
    found: dict[str, set[str]] = {}
    for match in _FIGURE.finditer(body, start, end):
        number, unit = match.groups()
        found.setdefault(fold(unit or ""), set()).add(re.sub(r"\D", "", number))
    return found


def contrasted(body: str, start: int, end: int, language: Language) -> bool:
    """Does the sentence set itself against another's: "however", "en cambio", "不过"?"""
    if language.code == "zh":
        return any(marker in body[start:end] for marker in language.contrasts)
    folded = f" {' '.join(word.folded for word in words(body, start, end))} "
    return any(f" {marker} " in folded for marker in language.contrasts)


def _numbers(figures: dict[str, set[str]]) -> set[str]:
    """The numbers a statement gives that may be another's figure repeated: not a year,
    not a small count."""
    return {
        number
        for numbers in figures.values()
        for number in numbers
        if len(number) >= 2 and not (len(number) == 4 and number[:2] in ("19", "20"))
    }


def _figure_pointed_at(
    body: str, statement: Statement, numbers: set[str], language: Language
) -> bool:
    """Does the statement point at one of these figures as said before: a demonstrative
    before it ("ese 35 %", "ces 40"), or "所说的" ("住建局所说的12%")?"""
    for match in _FIGURE.finditer(body, statement.sentence_start, statement.sentence_end):
        if re.sub(r"\D", "", match.group(1)) not in numbers:
            continue
        before = body[max(statement.sentence_start, match.start() - 12) : match.start()]
        if language.code == "zh":
            if before.endswith(("所说的", "所称的", "所说", "这一", "上述")):
                return True
            continue
        previous = words(before)
        if previous and previous[-1].folded in language.demonstratives:
            return True
    return False


def rival_figures(
    body: str, statements: list[Statement], vocab: list[set[str]], language: Language
) -> list[tuple[int, int]]:
    """(first, rival) pairs: another speaker's different figure for what an earlier
    statement counted, just after it: "cifró el seguimiento en el 91%" and "Renfe lo
    situó en el 37%", "产能利用率约为35%" and "产能利用率为81%". The same unit and a word in
    common (or a short statement that says nothing else) make it the same count; so does
    a figure set against it ("sostiene, en cambio, que los contagios suman ya 40", "不过"),
    whatever it counts. Another's figure repeated and disputed answers it too: "ese 35 %",
    "Sur ces 40, il y a 31 stagiaires", "住建局所说的12%"."""
    figures = [_figures(body, s.content_start, s.end) for s in statements]
    numbers = [_numbers(found) for found in figures]
    pairs = []
    for index, statement in enumerate(statements):
        if statement.speaker_key is None or not figures[index]:
            continue
        against = contrasted(body, statement.sentence_start, statement.sentence_end, language)
        disputing = against or points_back(
            body, statement.sentence_start, statement.sentence_end, language
        )
        for other in range(index - 1, max(-1, index - 1 - _FIGURE_WINDOW), -1):
            earlier = statements[other]
            if earlier.speaker_key in (None, statement.speaker_key) or not figures[other]:
                continue
            units = {unit for unit in figures[index].keys() & figures[other].keys() if unit}
            differ = any(figures[index][unit] != figures[other][unit] for unit in units)
            if not units and set(figures[index]) == {""} and len(vocab[index]) <= 2:
                # "The union puts the number at 112.": a bare number, the count before it.
                given = set().union(*figures[other].values())
                differ = not figures[index][""] <= given
            about_it = len(vocab[index]) <= 2 or shared_words(vocab[index], vocab[other])
            set_against = against and not units and not (numbers[index] & numbers[other])
            near = index - other <= 2
            repeated = numbers[index] & numbers[other] and (
                disputing or _figure_pointed_at(body, statement, numbers[other], language)
            )
            if (differ and about_it) or (set_against and (about_it or near)) or repeated:
                pairs.append((other, index))
                break
    return pairs
