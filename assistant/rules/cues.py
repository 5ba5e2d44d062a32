"""Attribution cues: the words in a sentence, outside its quotations, that say someone said
something ("said", "kata", "dijo", "a déclaré", "заявил", "表示"), relayed it ("citing",
"mengutip", "援引") or declined to ("refused to comment"), each with the speaker its
neighbouring words name (`speakers.interpret`).

A sentence is read once, word by word; each cue looks at most a dozen words either side,
so a sentence costs in proportion to its length.
"""

import re
from dataclasses import dataclass, replace

from assistant.rules.chinese import zh_clause_start, zh_subject
from assistant.rules.lexicon import (
    ADDING_VERBS,
    COUNT_WORDS,
    MEDIA_WORDS,
    NAME_ABBREVIATIONS,
    ORDINAL_ROLES,
    ZH_NOT_CUES,
    Cue,
    CueWord,
    Language,
)
from assistant.rules.russian import nominative
from assistant.rules.speakers import Names, Subject, _full_name_in, interpret
from assistant.rules.text import NAME_OPENINGS, Word, without_elision
from records.quotes import CLOSERS

_PHRASE_LIMIT = 12
# After a verb, how and to whom it spoke may come first: "aseguró en declaraciones a la
# Cadena SER la presidenta de la Asociación de Usuarios de Cercanías de Madrid, …".
_AFTER_LIMIT = 18
# Between words, these end the phrase that names a speaker (a comma only a segment).
_NAME_MARKS = set(' "“”«»„')
_HARD_STOPS = set('.;:!?"“”«»„‘’()[]—–\n「」『』')
_APPOSITION_STARTS = {"a", "an", "un", "una", "une", "seorang", "sebuah"}


@dataclass
class Attribution:
    word: CueWord
    start: int
    end: int
    subject: Subject
    # Where the clause this cue's statement opens starts, when a conjunction opens it with
    # a subject of its own ("…, while the union said …"); where that conjunction starts.
    clause_start: int | None = None
    opener_start: int | None = None
    outlet: str | None = None  # "according to Reuters": a relay, not a speaker
    # Nothing beside the verb names anyone ("También afirmó …", "…», subrayó."): the
    # subject is implied, the one who spoke last.
    implicit: bool = False

    @property
    def cue(self) -> Cue:
        return self.word.cue

    @property
    def speaks(self) -> bool:
        """Does this cue say who made a statement (rather than only who relayed it)?"""
        return self.cue in (Cue.SPEECH, Cue.ACCORDING, Cue.NO_COMMENT) and self.outlet is None


def _gap(body: str, left: Word, right: Word) -> str:
    return body[left.end : right.start]


def _match(language: Language, sentence_words: list[Word], quoted: list[bool], index: int):
    if sentence_words[index].folded not in language.first_cue_words:
        return None
    limit = min(language.longest_cue, len(sentence_words) - index)
    for length in range(limit, 0, -1):
        if any(quoted[index : index + length]):
            continue
        key = tuple(word.folded for word in sentence_words[index : index + length])
        found = language.cues.get(key)
        if found is not None:
            return found, length
    if (
        language.code == "fr"
        and index + 2 < len(sentence_words)
        and not any(quoted[index : index + 3])
    ):
        # "a aussitôt jugée": an adverb between the auxiliary and the participle, and the
        # participle agreeing with what stands before ("une décision que Kiev a jugée").
        auxiliary, between, participle = sentence_words[index : index + 3]
        if between.folded in language.skipped:
            for stem in (participle.folded, _fr_unagreed(participle.folded)):
                if found := language.cues.get((auxiliary.folded, stem)):
                    return found, 3
        # "a par ailleurs démenti", "a de son côté affirmé": a phrase said between them.
        for size in (2, 3):
            if index + size + 1 >= len(sentence_words) or any(quoted[index : index + size + 2]):
                continue
            said = " ".join(w.folded for w in sentence_words[index + 1 : index + 1 + size])
            if said in language.discourse:
                participle = sentence_words[index + 1 + size]
                for stem in (participle.folded, _fr_unagreed(participle.folded)):
                    if found := language.cues.get((auxiliary.folded, stem)):
                        return found, size + 2
    if (
        language.code == "fr"
        and index + 1 < len(sentence_words)
        and not any(quoted[index : index + 2])
    ):
        auxiliary, participle = sentence_words[index : index + 2]
        if found := language.cues.get((auxiliary.folded, _fr_unagreed(participle.folded))):
            return found, 2
    return None


def _fr_unagreed(participle: str) -> str:
    """ "jugée", "qualifiées" as "jugé": the participle before its agreement."""
    for ending in ("ees", "ee"):
        if participle.endswith(ending):
            return participle[: -len(ending) + 1]
    return participle


def _not_a_cue(
    body: str, sentence_words: list[Word], quoted: list[bool], index: int, language: Language
) -> bool:
    """A cue's word used otherwise: a noun after an article ("the claims", "la denuncia")
    or a capitalised word inside a name ("the United States", "Edward Said")."""
    word = sentence_words[index]
    if word.folded in ADDING_VERBS and index + 1 < len(sentence_words):
        following = sentence_words[index + 1].folded
        if following.isdigit() or following in COUNT_WORDS:
            return True  # "Beijing added seven more elements to its list": a thing added
    if index == 0 or quoted[index - 1]:
        return False
    previous = sentence_words[index - 1]
    gap = body[previous.end : word.start].strip()
    if gap in (*NAME_OPENINGS, '"') and word.capitalised and _names_in_marks(body, word, gap):
        return True  # "в эфире радиостанции «Говорит Москва»": a name in its marks
    if gap:
        return False  # after punctuation: "…," Says Smith
    if word.capitalised and not word.acronym:
        return True
    return previous.folded in language.articles and word.folded not in language.told


def _past_an_opening_phrase(
    body: str, sentence_words: list[Word], found: list, language: Language
) -> list:
    """The cues less any inside a phrase that opens the sentence with a preposition when
    a cue follows it: "In a video message to employees posted Thursday, the company's
    chief executive, Richard Hale, said …" (what posted it is the message)."""
    if not found or not sentence_words:
        return found
    if sentence_words[0].folded not in language.opening_prepositions:
        return found
    comma = next(
        (
            n
            for n in range(1, len(sentence_words))
            if "," in body[sentence_words[n - 1].end : sentence_words[n].start]
        ),
        None,
    )
    if comma is None or not any(first >= comma for _, first, _ in found):
        return found
    return [cue for cue in found if cue[1] >= comma]


def _names_in_marks(body: str, word: Word, opening: str) -> bool:
    """Do the marks opened before `word` close within a few capitalised words, as around
    a name ("«Говорит Москва»"), rather than around a quotation?"""
    closings = CLOSERS[opening]
    closing = next(
        (n for n, char in enumerate(body[word.end : word.end + 40]) if char in closings), None
    )
    if closing is None:
        return False
    inside = body[word.start : word.end + closing].split()
    return len(inside) <= 3 and all(part[:1].isupper() or part[:1].isdigit() for part in inside)


def _opens_on_a_speaker(body: str, sentence_words: list[Word], index: int, language) -> bool:
    """ "Pour Marine Le Pen, …", "Para el ministro de Economía, …": at the head of the
    sentence, a name or a role, then a comma (not "Pour la première fois, …")."""
    if index != 0:
        return False
    for n in range(1, min(len(sentence_words), 8)):
        if "," in body[sentence_words[n - 1].end : sentence_words[n].start]:
            phrase = sentence_words[1:n]
            return any(w.capitalised for w in phrase) or any(
                w.folded in language.roles and w.folded not in ORDINAL_ROLES for w in phrase
            )
    return False


def find(
    body: str,
    sentence_words: list[Word],
    quoted: list[bool],
    language: Language,
    names: Names,
    outlets,
) -> list[Attribution]:
    """The cues of one sentence (a language with spaces between words), in order."""
    found: list[tuple[CueWord, int, int]] = []
    index = 0
    while index < len(sentence_words):
        match = None if quoted[index] else _match(language, sentence_words, quoted, index)
        if match is None:
            index += 1
            continue
        word, length = match
        if (length == 1 and _not_a_cue(body, sentence_words, quoted, index, language)) or (
            word.opening and not _opens_on_a_speaker(body, sentence_words, index, language)
        ):
            index += 1
            continue
        found.append((word, index, index + length))
        index += length
    found = _past_an_opening_phrase(body, sentence_words, found, language)
    cue_at = {position: word for word, first, last in found for position in range(first, last)}
    result = []
    earlier: Attribution | None = None  # the last cue before that names its speaker
    for word, first, last in found:
        attribution = Attribution(
            word, sentence_words[first].start, sentence_words[last - 1].end, Subject()
        )
        after = _after(body, sentence_words, quoted, last, cue_at, language)
        if word.cue in (Cue.ACCORDING, Cue.QUOTING, Cue.REPORTED):
            outlet = _outlet(body, after, outlets)
            if outlet is None and word.cue is Cue.REPORTED:
                outlet = _named_report(body, after, language)
            if outlet is None and word.cue is Cue.REPORTED and _at_a_body(after, language):
                # "как сообщили в Минобороны России": the body there speaks.
                attribution.word = CueWord(Cue.SPEECH)
                attribution.subject = interpret(body, after, names, before=False)
            elif outlet is not None:
                attribution.outlet = outlet
            elif word.cue is Cue.QUOTING and (
                named := _outlet_quoted_first(body, sentence_words, first, after, found, language)
            ):
                # "Mengutip Suara Merdeka, seorang sumber … menyebut": the paper quoted
                # relays; whoever speaks after the comma speaks.
                attribution.outlet = named
            elif word.cue in (Cue.ACCORDING, Cue.QUOTING):
                attribution.subject = (
                    Subject(pronoun=True, words=0)
                    if word.pronoun
                    else interpret(body, after, names, before=False, noun_phrase=True)
                )
                if word.cue is Cue.ACCORDING and language.code == "ru":
                    attribution.subject = _in_the_nominative(attribution.subject, names)
        elif word.cue is not Cue.CONTINUING:
            _speaker(
                body,
                sentence_words,
                quoted,
                first,
                after,
                cue_at,
                attribution,
                names,
                earlier,
                outlets,
            )
            if attribution.speaks and attribution.subject.found:
                earlier = attribution
            if attribution.subject.words == 0 and after and word.cue is Cue.SPEECH:
                told = after[1:] if after[0].folded in language.told else after
                attribution.outlet = _outlet(body, told, outlets)
        result.append(attribution)
    return result


def _in_the_nominative(subject: Subject, names: Names) -> Subject:
    """ "По подсчетам администрации Всеволожского района": a new name after "по …" is in
    the genitive even where it could read as a plural ("администрации"), put back."""
    match = subject.match
    if match is None or match.id is not None or not match.name[:1].islower():
        return subject  # (a person's name is put back by `Names.match` already)
    held = nominative(match.name, oblique=True)
    return (
        subject if held == match.name else replace(subject, match=names.match(held, match.mention))
    )


def _told_outlet(body: str, segment: list[Word], outlets, language: Language) -> int | None:
    """Where a Russian subject names the outlet it told, in the dative before the verb (or
    before what the verb answers, "эту информацию"): a paper we hold, the publisher, or a
    short name in marks («РГ»)."""
    if language.code != "ru" or len(segment) < 3 or segment[0].folded not in language.places:
        return None  # (only "В …": "газета «Коммерсант» сообщила" is the paper speaking)
    end = next(
        (n for n, word in enumerate(segment) if n and word.folded in language.object_pointers),
        len(segment),
    )
    last = segment[end - 1]
    in_marks = body[last.start - 1 : last.start] == "«" and body[last.end : last.end + 1] == "»"
    told = outlets.name_of(last.text) or outlets.is_publisher(last.text)
    return end - 1 if end >= 3 and (told or (in_marks and last.acronym)) else None


def _outlet_quoted_first(body, sentence_words, first, after, found, language) -> str | None:
    """The name a sentence opens by quoting, set off by a comma, when another cue of
    speech follows in the sentence: an outlet, known or not ("Mengutip Radar Gresik,
    seorang sumber … menyebut")."""
    if first > 1 or not after:
        return None
    named = []
    for word in after:
        if not (word.capitalised or word.acronym) or len(named) == 4:
            break
        named.append(word)
        if "," in body[word.end : word.end + 2]:
            break
    else:
        return None
    if not named or "," not in body[named[-1].end : named[-1].end + 2]:
        return None
    speech_after = any(
        word.cue is Cue.SPEECH and sentence_words[start].start > named[-1].end
        for word, start, _ in found
    )
    return body[named[0].start : named[-1].end] if speech_after else None


def _speaker(
    body,
    sentence_words,
    quoted,
    first,
    after,
    cue_at,
    attribution,
    names,
    previous=None,
    outlets=None,
) -> None:
    language = names.language
    if attribution.word.pronoun:
        attribution.subject = Subject(pronoun=True, words=0)
        return
    segment, opener, postposed, described = _before(
        body, sentence_words, quoted, first, cue_at, language
    )
    if outlets is not None and (told := _told_outlet(body, segment, outlets, language)):
        # "В пресс-службе мэрии Новосибирска НГС эту информацию опровергли", "В Фонде
        # развития территорий «РГ» сообщили": the paper told, before the verb, is no name.
        segment = segment[:told]
    subject = Subject()
    if len(segment) == 1 and segment[0].folded in language.conjunctions and previous:
        # "… dijo Solís, y añadió: …": the same subject as the verb before.
        attribution.subject = previous.subject
        return
    if postposed:  # "…, kata Belousov", "…, dijo Solís": the name follows the verb
        subject = interpret(body, after, names, before=False)
    if not subject.found and segment:
        subject = interpret(body, segment, names, before=True)
    if not subject.found and not postposed and not _lower_noun_phrase(segment, language):
        subject = interpret(body, after, names, before=False)
    if not subject.found and attribution.cue is Cue.SPEECH:
        attribution.implicit = all(word.folded in language.skipped for word in segment) and not (
            after and after[0].capitalised
        )
    if subject.pronoun and not subject.body and segment and not postposed:
        subject = _main_subject(body, sentence_words, segment[-1], names) or subject
    if subject.match is not None and described:
        subject.roles = subject.roles | described
    attribution.subject = subject
    if opener is not None and segment:
        attribution.clause_start = segment[0].start
        attribution.opener_start = sentence_words[opener].start
        if sentence_words[opener].folded in language.articles:
            # "…, a charge Beijing rejected": the noun is what the clause answers.
            attribution.clause_start = attribution.opener_start


def _main_subject(body: str, sentence_words: list[Word], pronoun: Word, names) -> Subject | None:
    """ "The UK has sanctioned five companies it says supplied …": a pronoun right after a
    noun, in a clause of its own, is the sentence's subject, its name at the start."""
    at = sentence_words.index(pronoun)
    if at < 2 or _gap(body, sentence_words[at - 1], pronoun) != " ":
        return None
    if sentence_words[at - 1].capitalised:
        return None
    language = names.language
    lead = sentence_words[1 if sentence_words[0].folded in language.articles else 0 :]
    run = []
    for word in lead:
        if not (word.capitalised or word.acronym) or word is pronoun:
            break
        run.append(word)
    if not run or run[0].lower in language.pronouns:
        return None
    found = interpret(body, run, names, before=True)
    return found if found.match is not None else None


def _lower_noun_phrase(segment: list[Word], language: Language) -> bool:
    """Is there a subject before the verb that names nobody ("An apology was posted")?
    Then the words after the verb are its object, not its speaker."""
    return any(
        word.folded not in language.articles and word.folded not in language.skipped
        for word in segment
    )


def _before(
    body: str,
    sentence_words: list[Word],
    quoted: list[bool],
    index: int,
    cue_at: dict[int, CueWord],
    language: Language,
) -> tuple[list[Word], int | None, bool, frozenset[str]]:
    """The words that may name the subject of the cue at `index`: the comma-separated
    segment before it, or the one before that when this one is a relative clause, a
    relay ("…, as reported by Reuters, …"), an outlet told ("kepada Detik") or an
    apposition that names nobody ("…, un grupo de oposición, afirmó"). Also the index of
    a conjunction that opened the clause, if one did; whether a comma (or a quotation)
    stands right before the cue, as before a verb that precedes its subject; and the
    roles the segments describe ("La ministre du Travail, Élisabeth Morel, a démenti")."""
    segments: list[list[Word]] = [[]]
    relaying: set[int] = set()  # segments that hold a relay cue
    position = index - 1
    opener = None
    following = index  # the word after the one looked at, brackets skipped
    # A long relative clause set off by commas right before the verb is passed over whole:
    # "A senior naval officer, who spoke … because he was not authorised to brief the
    # media, said".
    relative = _long_relative_before(body, sentence_words, quoted, index, language)
    if relative is None:
        relative = _long_apposition_before(body, sentence_words, quoted, index, language)
    if relative is not None:
        position, following = relative - 1, relative
        segments.append([])
    while position >= 0 and sum(map(len, segments)) < _PHRASE_LIMIT:
        word = sentence_words[position]
        if quoted[position]:
            break
        gap = _gap(body, word, sentence_words[following])
        if _in_brackets(body, word, sentence_words[following]):
            position -= 1
            continue
        if _stops(gap, word) and not set(gap) <= _NAME_MARKS:
            break  # (marks around words not quoted are a name's: "Представитель «Уралхимпрома»")
        if "," in gap:
            if len(segments) >= 3:
                break
            segments.append([])
        if position in cue_at:
            if cue_at[position].cue in (Cue.SPEECH, Cue.NO_COMMENT, Cue.CONTINUING):
                if len(segments) == 2 and segments[0] and segments[0][0].folded in language.places:
                    # "В «Северном азоте» от комментариев отказались, в «Волжских
                    # удобрениях» не ответили": a second body after the comma, its own clause.
                    opener = sentence_words.index(segments[0][0])
                break
            if cue_at[position].cue is Cue.QUOTING and len(segments) == 1:
                # "агентство Bloomberg со ссылкой на источники сообщило": whom it cites is
                # not its subject; the subject stands before the citing words.
                segments[-1] = []
                following = position
                position -= 1
                continue
            relaying.add(len(segments) - 1)
            following = position
            position -= 1
            continue
        if word.folded in language.openers:
            opener = position
            break
        if len(segments) == 1 and _answering_apposition(body, sentence_words, position, language):
            opener = position - 1  # its article: the clause is "a charge Beijing rejected"
            break
        if not segments[-1] and word.folded in language.skipped:
            following = position
            position -= 1  # "…, ранее назвал", "…, also said": beside the verb, no subject
            continue
        segments[-1].insert(0, word)
        following = position
        position -= 1
    # A verb right after a comma comes before its subject ("…, kata Belousov"), unless
    # the segment before the comma is a relay or a name set off as an apposition
    # ("The committee's chair, Ellen Marsh, accused …").
    described = frozenset(
        word.folded for segment in segments for word in segment if word.folded in language.roles
    )
    postposed = (
        not segments[0]
        and 0 not in relaying
        and (
            len(segments) < 2
            or (
                1 not in relaying
                and not _skippable(segments[1], language)
                and not _apposed(segments, language)
            )
        )
    )
    for number, segment in enumerate(segments):
        earlier = segments[number + 1] if number + 1 < len(segments) else None
        # "Asked about Lavrov's comments, a White House official said": what stands
        # before is how it came to speak, not a name the description follows.
        circumstance = bool(segment and earlier) and earlier[0].folded in language.circumstances
        # "Sementara itu, ekonom CORE Mohammad Faisal mengatakan": after a connective
        # (or nothing but an opener and time words) there is no name for a description
        # to follow; the description is the subject.
        if segment and earlier is not None and (not earlier or _connective(earlier, language)):
            return segment, opener, postposed, described
        if segment and number + 1 in relaying and number not in relaying:
            # "Mengutip Radar Gresik, seorang sumber … menyebut": past the outlet quoted.
            return segment, opener, postposed, described
        if earlier is not None and (
            number in relaying
            or (_skippable(segment, language) and not circumstance)
            or (number + 1 not in relaying and _describes(segment, earlier, language))
        ):
            continue
        return segment, opener, postposed, described
    return segments[-1], opener, postposed, described


def _gap_past_bracket(body: str, before: Word, word: Word) -> str:
    """The text between two words, less the closing bracket of a short name the first
    stands in: "Le Conseil du café-cacao (CCC), l'organe …", "(FIKM), dont le siège …"."""
    gap = _gap(body, before, word)
    return gap.replace(")", "", 1) if body[before.start - 1 : before.start] == "(" else gap


def _past_auxiliaries(sentence_words: list[Word], index: int, language: Language) -> int:
    """The index of the first of the words beside the verb ("has", "also") right before
    it, or the verb's own."""
    while index > 1 and sentence_words[index - 1].folded in language.skipped:
        index -= 1
    return index


def _long_relative_before(
    body: str, sentence_words: list[Word], quoted: list[bool], index: int, language: Language
) -> int | None:
    """Where a relative clause too long to read as a subject opens (its pronoun's
    index), when it stands between commas right before the cue at `index` (or its
    auxiliary: "…, has denied")."""
    index = _past_auxiliaries(sentence_words, index, language)
    if index < 2 or "," not in _gap(body, sentence_words[index - 1], sentence_words[index]):
        return None
    for position in range(index - 1, max(0, index - 3 * _PHRASE_LIMIT), -1):
        word, before = sentence_words[position], sentence_words[position - 1]
        if quoted[position] or _stops(_gap_past_bracket(body, before, word), before):
            return None
        if word.folded in language.relatives and "," in _gap(body, before, word):
            return position if index - position >= _PHRASE_LIMIT - 2 else None
    return None


def _long_apposition_before(
    body: str, sentence_words: list[Word], quoted: list[bool], index: int, language: Language
) -> int | None:
    """Where a description set off by commas right before the cue at `index` opens, when
    an article or "of" opens it and a short name stands before it: "Ms Rachel Lim, a
    34-year-old teacher who set up a Facebook group for affected travellers, said",
    "Arturo Esparza, del Hospital Civil de Guadalajara, dijo"."""
    index = _past_auxiliaries(sentence_words, index, language)
    if index < 4 or "," not in _gap(body, sentence_words[index - 1], sentence_words[index]):
        return None
    for position in range(index - 1, max(0, index - 3 * _PHRASE_LIMIT), -1):
        word, before = sentence_words[position], sentence_words[position - 1]
        gap = _gap_past_bracket(body, before, word)
        if quoted[position] or _stops(gap, before):
            return None
        if "," in gap:
            listed = any(w.folded in language.conjunctions for w in sentence_words[position:index])
            if word.capitalised and before.capitalised and listed:
                continue  # a list of names inside it: "from Orangi, Baldia and Manghopir"
            opens = word.folded in language.indefinites | language.articles | language.connectors
            elided = without_elision(word.text) != word.text  # "l'organe de régulation"
            if not (opens or elided) or index - position < 4:
                return None
            # The name before the comma: the words back to a stop or another comma.
            first = position - 1
            while first > 0 and position - first < 6:
                gap = _gap(body, sentence_words[first - 1], sentence_words[first])
                if "," in gap or _stops(gap, sentence_words[first - 1]):
                    break
                first -= 1
            name = sentence_words[first:position]
            # Or the name that ends it, after its role or what leads to it: "El pediatra
            # infectólogo Arturo Esparza", "a day after the Karachi Water Rights Alliance".
            start = len(name)
            while start and (
                name[start - 1].capitalised or name[start - 1].folded in language.connectors
            ):
                start -= 1
            ending = name[start:]
            named = _name_alone(name, language) or (
                len(ending) >= 2 and _name_alone(ending, language)
            )
            return position if named else None
    return None


def _answering_apposition(
    body: str, sentence_words: list[Word], position: int, language: Language
) -> bool:
    """Is the word at `position` the noun of "…, a charge Beijing rejected": a clause
    after a comma, an article and a noun for what was said, whose own subject answers it?"""
    if position < 2 or sentence_words[position].folded not in language.accusation_nouns:
        return False
    article = sentence_words[position - 1]
    return article.folded in language.articles and "," in _gap(
        body, sentence_words[position - 2], article
    )


def _connective(segment: list[Word], language: Language) -> bool:
    return bool(segment) and " ".join(word.folded for word in segment) in language.discourse


def _in_brackets(body: str, word: Word, following: Word) -> bool:
    """Is `word` inside a short bracket that closes before `following`?"""
    gap = body[word.end : following.start]
    if ")" not in gap:
        return False
    opening = body.rfind("(", max(0, word.start - 40), word.start + 1)
    return opening != -1 and ")" not in body[opening : word.start]


def _apposed(segments: list[list[Word]], language: Language) -> bool:
    """Is the segment before the comma a name between commas, after a description?"""
    return len(segments) >= 3 and _name_alone(segments[1], language)


def _name_alone(segment: list[Word], language: Language) -> bool:
    """A short name and nothing else: "Ellen Marsh", "Sumar", "Banco de España", "El
    Sindicato Español de Maquinistas Ferroviarios" (its article aside)."""
    if len(segment) > 1 and segment[0].folded in language.articles:
        segment = segment[1:]
    return (
        0 < len([word for word in segment if word.folded not in language.connectors]) <= 5
        and all(word.capitalised or word.folded in language.connectors for word in segment)
        and segment[0].capitalised
    )


def _describes(segment: list[Word], earlier: list[Word] | None, language: Language) -> bool:
    """A short description in lower case after a name set off by commas: "Sumar, socio
    minoritario de la coalición, ha pedido" is Sumar asking."""
    return (
        earlier is not None
        and 0 < len(segment) <= 6
        and not segment[0].capitalised
        # Its own name would make it the subject ("According to Reuters, the European
        # Commission said"); a name it is of may stand in it ("socio de Sumar").
        and not any(
            word.capitalised and segment[n - 1].folded not in language.connectors
            for n, word in enumerate(segment[1:], start=1)
        )
        and _name_alone(earlier, language)
    )


def _inner_apostrophe(gap: str) -> bool:
    return gap.strip() in ("'", "’")


_BRACKETED = re.compile(r"\([^()]{0,40}\)")


def _stops(gap: str, left: Word) -> bool:
    """Does the text between two words end the phrase that names a speaker? Not an
    apostrophe, an initial's or an abbreviation's full stop ("U.S. State Department",
    "J. Smith"), nor a short bracket ("La Commission (CENA) a démenti", "pada Senin (7/7),
    menyebut")."""
    gap = _BRACKETED.sub(" ", gap)
    if _inner_apostrophe(gap):
        return False
    if gap.strip() == "." and len(left.text) == 1 and left.text.isupper():
        return False
    if gap.strip() == "." and left.capitalised and left.folded in NAME_ABBREVIATIONS:
        return False  # "Toyota Motor Corp. has warned"
    return any(char in _HARD_STOPS for char in gap)


def _skippable(segment: list[Word], language: Language) -> bool:
    if not segment:
        return True
    first = segment[0].folded
    if first in language.relatives or first in language.told:
        return True
    if all(word.folded in language.skipped for word in segment):
        return True
    if _connective(segment, language):
        return True  # "Por su parte, el Departamento de Estado afirmó"
    named = any(
        word.capitalised
        and word.folded not in language.weekdays
        and word.folded not in language.months
        for word in segment[1:]
    )
    nouns = language.body_words | language.roles | language.organisations
    if first in language.skipped and not segment[0].capitalised and not named:
        # An adverbial: "…, dalam keterangannya pada Senin (7/7), menyebut"; not a noun
        # phrase that names who ("En el mismo texto, el organismo sostuvo").
        return segment[-1].folded not in nouns
    if first in language.circumstances and not segment[0].capitalised:
        return True  # "Blinken, speaking to reporters in Brussels, said"
    # An apposition that describes ("…, portavoz de la Alianza, declaró"): the name is
    # in the segment before it.
    head = segment[1] if len(segment) > 1 and first in language.articles else segment[0]
    if (
        not segment[0].capitalised
        and head.folded in language.roles
        # "…, general Juan Pérez, explicó": a rank before a full name is the name.
        and not _full_name_in(segment[1:3], language)
    ):
        return True
    # "…, un grupo de oposición, afirmó": a description of the name before it.
    if first in _APPOSITION_STARTS and not any(w.capitalised for w in segment[1:]):
        return True
    # "Kirby, the White House spokesman, said": a description ending in its role.
    last = segment[-1]
    # "Katalin Cseh, a Hungarian MEP, said": a role in capitals is still a role.
    return (
        last.folded in language.roles
        and (not last.capitalised or last.acronym)
        and first in language.articles
    )


def _after(
    body: str,
    sentence_words: list[Word],
    quoted: list[bool],
    index: int,
    cue_at: dict[int, CueWord],
    language: Language,
) -> list[Word]:
    """The words after a cue that may name its speaker: up to a stop, or a comma unless
    only a role stands before it ("a expliqué son président, Marc Noizet")."""
    phrase: list[Word] = []
    position = index
    crossed = False
    while position < len(sentence_words) and len(phrase) < _AFTER_LIMIT:
        if quoted[position] or position in cue_at:
            break
        word = sentence_words[position]
        previous = phrase[-1] if phrase else sentence_words[position - 1] if position else None
        if phrase and _opened_bracket(body, previous, word):
            # "le porte-parole de la Direction générale … (DG EPI), Benoît Mertens": its
            # short name in brackets, passed over.
            position += 1
            continue
        if previous is not None and (phrase or position == index):
            gap = _gap(body, previous, word)
            # Marks around words not quoted are a name's ("газета «Коммерсант»").
            if _stops(gap, previous) and not set(gap) <= _NAME_MARKS:
                break
            if "," in gap and phrase:
                # Past a comma only a name set off after a role: "son président, Marc Noizet".
                if (
                    crossed
                    or not any(w.folded in language.roles for w in phrase)
                    or not (word.capitalised or word.acronym)
                ):
                    break
                crossed = True
        phrase.append(word)
        position += 1
    return phrase


def _opened_bracket(body: str, previous: Word, word: Word) -> bool:
    """Is the word inside a short bracket opened after the previous one?"""
    gap = body[previous.end : word.start]
    closing = body.find(")", word.start, word.start + 25)
    return gap.count("(") > gap.count(")") and closing != -1


def _at_a_body(phrase: list[Word], language: Language) -> bool:
    """Does the phrase name where something was said, "в Минобороны", "в пресс-службе"?"""
    return len(phrase) > 1 and not phrase[0].capitalised and phrase[0].folded in language.places


def _named_report(body: str, phrase: list[Word], language: Language) -> str | None:
    """ "seperti dikutip dari Harian Rakyat": a report we hold no outlet for, by its name.
    Not a body where it was said: "как сообщили в Минобороны России" is the ministry
    speaking."""
    if _at_a_body(phrase, language):
        return None
    run: list[Word] = []
    for word in phrase:
        if word.capitalised or word.acronym or (run and word.folded in language.connectors):
            run.append(word)
        elif (run or word.folded not in language.articles) and run:
            break
    while run and not run[-1].capitalised:
        run.pop()
    return body[run[0].start : run[-1].end] if run else None


def _outlet(body: str, phrase: list[Word], outlets) -> str | None:
    """The outlet a phrase starts with, behind fillers ("the TASS news agency",
    "agencia", "агентство", "kantor berita")."""
    for skip in range(min(3, len(phrase))):
        for length in range(min(outlets.longest, len(phrase) - skip), 0, -1):
            spelling = body[phrase[skip].start : phrase[skip + length - 1].end]
            if name := outlets.name_of(spelling):
                return name
    # One we do not hold, named as such: "state broadcaster CCTV".
    for n, word in enumerate(phrase[:4]):
        if word.folded in MEDIA_WORDS and not word.capitalised:
            run = []
            for following in phrase[n + 1 : n + 5]:
                if not (following.capitalised or following.acronym):
                    break
                run.append(following)
            if run:
                return body[run[0].start : run[-1].end]
    return None


# Chinese


def find_zh(
    body: str,
    start: int,
    end: int,
    inside: list[tuple[int, int]],
    language: Language,
    names: Names,
    outlets,
) -> list[Attribution]:
    """The cues of one Chinese sentence body[start:end], outside its quotations `inside`."""
    result: list[Attribution] = []
    spoken = False  # a cue before in the sentence names its speaker
    longest = language.longest_char_cue
    position = start
    quotes = iter(sorted(inside))
    current = next(quotes, None)
    while position < end:
        while current is not None and current[1] <= position:
            current = next(quotes, None)
        if current is not None and current[0] <= position < current[1]:
            position = current[1]
            continue
        match = None
        for length in range(min(longest, end - position), 0, -1):
            chars = body[position : position + length]
            if chars in language.char_cues and not _zh_compound(body, position, length):
                match = (language.char_cues[chars], length)
                break
        if match is None:
            position += 1
            continue
        word, length = match
        attribution = Attribution(word, position, position + length, Subject())
        if word.cue is Cue.ACCORDING:
            reported = _zh_reported(body, position + length, end)
            # "据日本共同社报道", "据日本广播协会（NHK）报道": the outlet we know, less the
            # country before it and its short name after.
            if name := outlets.name_of(reported) or next(iter(outlets.in_cjk(reported)), None):
                attribution.outlet = name
            elif reported and _zh_is_report(body, position + length + len(reported)):
                # "据俄罗斯卫星通讯社报道": what reports is an outlet, known or not.
                attribution.outlet = reported
            elif reported:
                attribution.subject = zh_subject(
                    body, position + length, position + length + len(reported), names
                )
        elif word.cue is Cue.QUOTING:
            pass  # the outlet before it is a relay (relays.mentioned), the speaker after
        else:
            clause = zh_clause_start(body, start, position)
            subject = zh_subject(body, clause, position, names)
            if not subject.found and clause > start:
                if spoken:
                    attribution.word = CueWord(Cue.CONTINUING, word.denial, word.accusation)
                else:
                    first_clause_end = _zh_first_boundary(body, start, position)
                    subject = zh_subject(body, start, first_clause_end, names)
                    if not subject.found:
                        # "12月6日晚，恒川新能源发布澄清公告，否认…": who acted just before.
                        before = zh_clause_start(body, start, clause - 1)
                        subject = zh_subject(body, before, clause - 1, names)
            attribution.subject = subject
        result.append(attribution)
        spoken = spoken or attribution.speaks
        position += length
    return result


def _zh_compound(body: str, position: int, length: int) -> bool:
    """Is the cue at `position` part of a word that says nothing (数据, 名称, 据悉)?"""
    for left in range(0, 3):
        for right in range(1, 4):
            a, b = position - left, position + length - 1 + right
            if a < 0 or b > len(body):
                continue
            if body[a:b] in ZH_NOT_CUES:
                return True
    return False


def _zh_reported(body: str, start: int, end: int) -> str:
    """ "据路透社报道": the report (路透社) between 据 and 报道 (or the comma)."""
    stop = end
    # "据业委会统计": whose count it is.
    for marker in ("报道", "消息", "报导", "称", "说", "表示", "统计", "测算", "调查", "，", "。"):
        at = body.find(marker, start, stop)
        if at != -1:
            stop = at
    return body[start:stop].strip()


def _zh_is_report(body: str, at: int) -> bool:
    return body.startswith(("报道", "报导", "消息"), at)


def _zh_first_boundary(body: str, start: int, position: int) -> int:
    for at in range(start, position):
        if body[at] in "，,：:；":
            return at
    return position
