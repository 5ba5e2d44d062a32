"""The quote assistant: candidate statements in an article's text, with their speakers,
relays and denials, for a researcher to accept, edit or dismiss.

Deterministic rules over the text, no model and no network, in Indonesian, English,
Spanish, Chinese, Russian and French (`lexicon`): page furniture left out (`furniture`);
sentences by sentencex (`text`); direct quotes in any common quotation marks and reported
speech introduced by attribution cues (`cues`); speakers matched by name, alias and near
miss, through roles and pronouns (`speakers`); relays from credit lines and outlets named
(`relays`); denials paired with what they answer (`disputes`); the date each was stated
(`dates`).

    suggest(body, speakers=[KnownSpeaker(1, "Andrei Belousov", ("Belousov",))])

Every suggestion's `quote` is `body[start:end]`, so it anchors exactly in the body. Each
carries its evidence: the cue, the rule that fired, and a confidence.
"""

import datetime
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.rules import cues, dates, disputes, transcripts
from assistant.rules.cues import Attribution
from assistant.rules.furniture import header_end, is_furniture
from assistant.rules.language import resolve
from assistant.rules.lexicon import GIVEN_NAMES, LANGUAGES, Cue, Language
from assistant.rules.relays import DATELINE_PARAGRAPHS, OutletIndex, credit, dateline_end
from assistant.rules.speakers import (
    Names,
    SpeakerMatch,
    _person_part,
    _trailing_run,
    person_after_role,
    plural_roles,
)
from assistant.rules.text import (
    Quote,
    Sentence,
    Word,
    find_quotes,
    is_cjk,
    paragraphs,
    sentences,
    top_level,
    words,
)
from claims.matching import KnownSpeaker
from records.text import fold


def gettext_noop(message: str) -> str:
    """A rule's words marked for the catalogue (makemessages reads this name) and left as
    they are: the rules stay plain Python, and the page translates them when it shows them."""
    return message


__all__ = [
    "DIRECT_QUOTE",
    "PARAPHRASE",
    "KnownSpeaker",
    "SpeakerMatch",
    "Suggestion",
    "same_statement",
    "suggest",
]

DIRECT_QUOTE = "direct_quote"
PARAPHRASE = "paraphrase"

# A statement needs this many words of its own, beside its speaker and its cue (Chinese:
# characters).
MIN_CONTENT_WORDS = 3
MIN_CONTENT_CHARS = 4
# A quotation of fewer words than this is a fragment of the reporter's sentence.
MIN_QUOTE_WORDS = 2
_LONGEST_CUE = 4  # words
_ATTRIBUTION_CHARS = 120  # an attribution inside a quotation, its subject's apposition too
MIN_QUOTE_CHARS = 4
_TRIM = " \t\n,;:—–-，、；："
_LEAD_IN = ":,—–-：，"
_CLOSING = "”\"’'»›」』"


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    quote: str  # body[start:end], the words a citation will anchor
    text: str  # the claim's wording: the quotation without its marks, or the sentence
    kind: str  # DIRECT_QUOTE or PARAPHRASE, as Claim.Kind
    speaker: SpeakerMatch | None
    relays: tuple[str, ...] = ()  # nearest first, as create_with_citation takes them
    # Spans (start, end) of the suggestions this one denies.
    denies: tuple[tuple[int, int], ...] = ()
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    # The rule that fired, in English words (marked for the catalogue: the page shows it
    # in the reader's language).
    rule: str = ""
    confidence: float = 0.0
    stated_on: datetime.date | None = None
    denial: bool = False  # its cue denies or disputes (for pairs with recorded claims)
    accusation: bool = False
    # Known speakers (ids) its words name beside its own speaker: whom it may answer.
    mentions: tuple = ()

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"


def same_statement(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans mark the same statement? Yes when they overlap by at least half of
    each: a sentence and its clause do, a sentence and a word in it do not."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared * 2 >= a[1] - a[0] and shared * 2 >= b[1] - b[0] and shared > 0


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str
    speaker: SpeakerMatch | None
    attribution: Attribution | None
    rule: str
    confidence: float
    relays: list[str]
    sentence: Sentence
    sentence_words: list[Word] = field(default_factory=list)
    content_start: int = 0
    # It answers though its own verb does not: "China hit back. It said …".
    answers: bool = False


@dataclass
class _Read:
    """One sentence as read: its quotations, its cues and their resolved speakers."""

    sentence: Sentence
    words: list[Word]
    parts: list[tuple[int, int]]  # quoted passages (inner start, inner end), in order
    lead_ins: list[int]  # where each passage's quotation mark opens
    attributions: list[Attribution]
    speakers: dict[int, SpeakerMatch | None]  # id(attribution) → speaker
    relays: list[str]
    language: Language
    body: str
    quote_speaker: SpeakerMatch | None = None  # who speaks its last quotation, once found
    speaking_starts: list[int] = field(default_factory=list)
    # Who answered in this sentence without saying anything yet ("China's commerce
    # ministry hit back within hours."): their next statement is the answer.
    answered_by: SpeakerMatch | None = None


def suggest(
    body: str,
    *,
    speakers: Iterable[KnownSpeaker] = (),
    outlets: Iterable[str] = (),
    language: str | None = None,
    publisher: str | None = None,
    published: datetime.date | None = None,
) -> list[Suggestion]:
    """Candidate statements in `body`, in the order they appear.

    `speakers` and `outlets` are what the database holds; `language` the text's (detected
    when None); `publisher` the outlet that published it (a credit line naming it is no
    relay); `published` the source's date, against which "on Tuesday" is resolved.
    """
    lexicon = LANGUAGES[resolve(language, body)]
    names = Names(speakers, lexicon)
    outlet_index = OutletIndex(outlets, publisher)
    spans = paragraphs(body)
    quotes_by_paragraph = [top_level(find_quotes(body, start, end)) for start, end in spans]
    kept = {
        number
        for number, (start, end) in enumerate(spans)
        if not is_furniture(body[start:end], lexicon, first=number == 0)
    }
    kept -= set(range(header_end([body[start:end] for start, end in spans])))
    credited = credit(body, spans, outlet_index)
    # A briefing's turns are read as turns: its questions say nothing, its answers are
    # quotes of whoever the label names.
    turns = transcripts.turns(body, spans, kept, outlet_index)
    kept -= {turn.paragraph for turn in turns}
    all_quotes = [quote for quotes in quotes_by_paragraph for quote in quotes]
    every_sentence = sentences(body, lexicon.code, all_quotes)
    reading = [sentence for sentence in every_sentence if sentence.paragraph in kept]
    # Names are learnt from captions and headlines too ("ILUSTRASI. Presiden Rusia Vladimir
    # Putin …" makes a later "Putin mengatakan" Vladimir Putin), though they state nothing.
    sentence_words = {
        sentence.start: words(body, sentence.start, sentence.end) for sentence in every_sentence
    }
    _learn_names(body, every_sentence, sentence_words, lexicon, names)

    read: list[_Read] = []
    for sentence in reading:
        start = sentence.start
        if sentence.paragraph < DATELINE_PARAGRAPHS:
            start = max(start, dateline_end(body, *spans[sentence.paragraph]))
            sentence = Sentence(start, sentence.end, sentence.paragraph)
        if sentence.start >= sentence.end:
            continue
        read.append(
            _read(
                body,
                sentence,
                quotes_by_paragraph[sentence.paragraph],
                lexicon,
                names,
                outlet_index,
            )
        )

    candidates: list[_Candidate] = []
    for number, each in enumerate(read):
        found = _statements(body, each, number, read, lexicon, credited, names)
        if number and _restates(each, lexicon):
            found = _restated(found, read[number - 1], candidates)
        if number and (answerer := read[number - 1].answered_by) is not None:
            for candidate in found:
                candidate.answers = _speaker_key(candidate.speaker) == _speaker_key(answerer)
        candidates.extend(found)
    candidates.extend(_answers(body, turns, names, credited))
    unique = _one_per_passage(body, candidates, lexicon)
    return _suggestions(body, unique, lexicon, names, published, credited)


def _restates(read: _Read, lexicon: Language) -> bool:
    """Does the sentence open by pointing at the one before ("Об этом заявила …")?"""
    opening = " ".join(word.folded for word in read.words[:2])
    return opening in lexicon.restatements or opening.split(" ")[0] in lexicon.restatements


def _restated(found: list[_Candidate], previous: _Read, earlier: list[_Candidate]):
    """ "Россия считает, что … . Об этом заявила Мария Захарова": the sentence before was
    hers, and this one states nothing of its own; its quotations stay statements."""
    said = [c for c in found if c.kind == PARAPHRASE and c.speaker is not None]
    if not said:
        return found
    for candidate in earlier:
        if candidate.sentence.start == previous.sentence.start and candidate.kind == PARAPHRASE:
            candidate.speaker = said[0].speaker
            candidate.attribution = said[0].attribution
            candidate.rule = gettext_noop("reported speech the next sentence attributes")
    return [c for c in found if c.kind != PARAPHRASE]


def _answers(
    body: str, turns: list[transcripts.Turn], names: Names, credited: str
) -> list[_Candidate]:
    """Each answer of a briefing transcript, one direct quote of its speaker."""
    found: list[_Candidate] = []
    speaker = None
    for turn in turns:
        if turn.question:
            continue
        speaker = transcripts.answerer(turn, names, speaker)
        if speaker is not None:
            names.remember(speaker)
        sentence = Sentence(turn.start, turn.end, turn.paragraph)
        found.append(
            _Candidate(
                turn.start,
                turn.end,
                body[turn.start : turn.end],
                DIRECT_QUOTE,
                speaker,
                None,
                "answer in a briefing transcript",
                0.8 if speaker is not None else 0.4,
                _chain(credited, []),
                sentence,
                words(body, turn.start, turn.end),
                turn.start,
            )
        )
    return found


def _learn_names(
    body: str,
    reading: list[Sentence],
    sentence_words: dict[int, list[Word]],
    lexicon: Language,
    names: Names,
) -> None:
    """The full names the article writes (two or more capitalised words after any role):
    its later "Lavrov said" is Sergei Lavrov."""
    if lexicon.code == "zh":
        return
    for sentence in reading:
        every = sentence_words[sentence.start]
        for word in every:
            names.first_seen.setdefault(word.folded, word.start)
        run: list[Word] = []
        # Was the run after a role in lower case ("министр энергетики Украины Герман
        # Галущенко")? Then a place may stand before the person's two names.
        after_role = False
        for number, word in enumerate([*every, None]):
            if word is not None and (
                word.capitalised or (run and word.folded in lexicon.connectors)
            ):
                if run and body[run[-1].end : word.start].strip(" '’"):
                    _learn_run(body, run, lexicon, names, after_role)
                    run = []
                if not run:
                    # "Duta Besar Uni Eropa untuk Indonesia Denis Chaibi": the role may
                    # stand before what it is of, and where.
                    # Set off by a comma ("le ministre des Mines, Hery Lalaina
                    # Randrianarisoa,"), the run is the person's whole name.
                    apposed = number > 0 and "," in body[every[number - 1].end : word.start]
                    after_role = not apposed and any(
                        w.folded in lexicon.roles for w in every[max(0, number - 5) : number]
                    )
                run.append(word)
                continue
            _learn_run(body, run, lexicon, names, after_role)
            run = []


def _learn_run(body, run, lexicon, names, after_role: bool) -> None:
    # "Argentina's Milei defends …": whose the person is, is no part of their name.
    owners = [
        n
        for n, w in enumerate(run[:-1])
        if w.text.endswith(("'s", "’s")) or body[w.end : w.end + 2] in ("'s", "’s")
    ]
    if owners:
        run = run[owners[-1] + 1 :]
    run = _trailing_run(run, lexicon)
    while run and (
        run[0].folded in lexicon.first_cue_words
        or run[0].folded in lexicon.weekdays
        or run[0].folded in lexicon.openers
        or run[0].folded in lexicon.report_nouns
    ):
        # "Según Paredes", "Selon Marc Noizet": a cue, then the name; "Laporan ICW".
        run = run[1:]
    if len(run) < 2:
        return
    person, _ = _person_part(run, lexicon, body, role_before=after_role)
    if after_role:
        person = person_after_role(person, lexicon, body)
    # "Varsovie et Kiev s'opposent": two names joined, nobody's full name.
    # "Minerales del Alto Cauca": a body's name of words joined by "del", whose last word
    # ("Cauca") is no surname; a person's has a given name first ("María del Carmen Ruiz").
    joined = any(w.folded in lexicon.connectors for w in person[1:-2])
    if joined and person[0].folded not in GIVEN_NAMES:
        return
    if len(person) >= 2 and not any(
        w.folded in lexicon.organisations or w.folded in lexicon.conjunctions for w in person
    ):
        names.learn_full_name(body[person[0].start : person[-1].end], person[0].start)


def _split_dashed(body: str, quote: Quote, lexicon: Language) -> list[tuple[int, int]]:
    """«Мы никогда…, — сказал Песков. — Решение…», « …, a-t-il insisté, … »: one pair of
    marks, two passages, the attribution between dashes (or commas) inside them."""
    inner_start, inner_end = quote.inner_start, quote.inner_end
    text = body[inner_start:inner_end]
    # « …, a-t-il insisté, … »: an inverted attribution between commas, inside the marks.
    for comma in re.finditer(r", ", text):
        after = comma.end()
        closing = text.find(", ", after)
        cue = None
        if closing != -1 and closing - after <= 40:
            cue = lexicon.cues.get(tuple(fold(w) for w in text[after:closing].split()))
        if cue is None or not cue.pronoun:
            # « …, a affirmé le directeur général de Ravinala Nickel, Luc Vernier, et … »:
            # a cue and its subject (an apposition perhaps), then the quote goes on in
            # lower case.
            closing = _inverted_attribution_end(text, after, lexicon)
            if closing == -1:
                continue
        return [
            (inner_start, inner_start + comma.start()),
            (inner_start + closing + 2, inner_end),
            (inner_start + comma.start(), inner_start + closing + 1),  # the attribution
        ]
    # "- сказала она в эфире телеканала Yle, -": a hyphen for a dash, as some papers type it.
    for dash in ("—", "–", "-"):
        first = text.find(f" {dash} ")
        if first == -1 or first == 0 or text[first - 1] not in ",.!?…":
            continue
        second = text.find(f" {dash} ", first + 3)
        if second == -1:
            continue
        middle = [fold(w) for w in text[first + 3 : second].split()]
        if any((word,) in lexicon.cues for word in middle):
            return [
                (inner_start, inner_start + first),
                (inner_start + second + 3, inner_end),
                (inner_start + first, inner_start + second + 3),  # the attribution
            ]
    return [(inner_start, inner_end)]


def _inverted_attribution_end(text: str, after: int, lexicon: Language) -> int:
    """Where the attribution that starts at `after` with a speech verb ends: at the first
    comma (within a sentence's length) after which the quotation goes on in lower case; -1
    when no verb starts there or no such comma follows a name."""
    opening = [fold(word) for word in text[after : after + 60].split()[:_LONGEST_CUE]]
    cue = next(
        (
            lexicon.cues.get(tuple(opening[:length]))
            for length in range(len(opening), 0, -1)
            if lexicon.cues.get(tuple(opening[:length])) is not None
        ),
        None,
    )
    if cue is None or cue.cue is not Cue.SPEECH:
        return -1
    for comma in re.finditer(r", (?=\w)", text[after : after + _ATTRIBUTION_CHARS]):
        following = text[after + comma.end()]
        if following.islower():
            named = text[after : after + comma.start()]
            return after + comma.start() if any(w[:1].isupper() for w in named.split()) else -1
    return -1


def _read(
    body: str,
    sentence: Sentence,
    paragraph_quotes: list[Quote],
    lexicon: Language,
    names: Names,
    outlets: OutletIndex,
    sentence_words: list[Word] | None = None,
) -> _Read:
    quotes = [q for q in paragraph_quotes if sentence.start <= q.start < sentence.end]
    parts: list[tuple[int, int]] = []
    lead_ins: list[int] = []
    unquoted: list[tuple[int, int]] = []
    for quote in quotes:
        if outlets.names_in_marks(body[quote.inner_start : quote.inner_end]) or _name_in_marks(
            body, quote, sentence, lexicon
        ):
            # "газета «Коммерсант»": an outlet's name in marks, as Russian writes it.
            unquoted.append((quote.start, quote.end))
            continue
        split = _split_dashed(body, quote, lexicon)
        if len(split) == 3:
            parts += split[:2]
            lead_ins += [quote.start, split[1][0]]
            unquoted.append(split[2])
        else:
            parts.append(split[0])
            lead_ins.append(quote.start)
    if sentence_words is None:
        sentence_words = words(body, sentence.start, sentence.end)
    quoted = _quoted_mask(sentence_words, quotes, unquoted)
    if lexicon.code == "zh":
        inside = [(q.start, q.end) for q in quotes]
        found = cues.find_zh(body, sentence.start, sentence.end, inside, lexicon, names, outlets)
    else:
        found = cues.find(body, sentence_words, quoted, lexicon, names, outlets)
    resolved: dict[int, SpeakerMatch | None] = {}
    for attribution in found:
        resolved[id(attribution)] = _resolve(attribution, names, sentence.start)
    _cited_speak(found, resolved, outlets, body, lexicon)
    relays = outlets.mentioned(body, sentence_words, quoted)
    relays += [a.outlet for a in found if a.outlet and a.outlet not in relays]
    return _Read(sentence, sentence_words, parts, lead_ins, found, resolved, relays, lexicon, body)


def _name_in_marks(body: str, quote: Quote, sentence: Sentence, lexicon: Language) -> bool:
    """ "Представитель «Уралхимпрома» заявил", "в «Волжских минеральных удобрениях»": Russian
    writes a company's name in marks, a few words with a capital and no punctuation, inside
    a clause (a quotation opens its sentence, or follows a colon or a dash)."""
    if lexicon.code != "ru":
        return False
    inner = body[quote.inner_start : quote.inner_end]
    before = body[sentence.start : quote.start].rstrip()
    return (
        0 < len(words(inner)) <= 4
        and inner[:1].isupper()
        and all(char.isalnum() or char in " -" for char in inner)
        and bool(before)
        and before[-1] not in ":—–-"
        and not body[quote.end : quote.end + 4].lstrip(" ,").startswith(("—", "–", "-"))
    )


_CITING_REACH = 20  # characters from a verb to "citing": "reported on Tuesday, citing"
_TIME_WORDS = frozenset(("on", "late", "early", "last", "this", "pada", "el", "le", "в"))


def _cited_speak(
    found: list[Attribution],
    resolved: dict[int, SpeakerMatch | None],
    outlets: OutletIndex,
    body: str,
    lexicon: Language,
) -> None:
    """ "Reuters, citing two sources, reported …", "Según informó la Cadena SER, citando
    fuentes de la Guardia Civil, …": those cited speak; the outlet only relays them."""
    citing = next(
        (
            a
            for a in found
            if a.cue is Cue.QUOTING and a.outlet is None and resolved[id(a)] is not None
        ),
        None,
    )
    if citing is None:
        return
    cited = resolved[id(citing)]
    for attribution in found:
        speaker = resolved[id(attribution)]
        # "The Express Tribune reported on Tuesday, citing a source …": whoever reports
        # what they cite right after their verb (a time between at most) relays it, outlet
        # we know or not; "declined to comment on the complaint, citing patient privacy"
        # cites a reason.
        between = words(body, attribution.end, citing.start)
        reporting = 0 <= citing.start - attribution.end <= _CITING_REACH and (
            attribution.cue is Cue.ACCORDING  # "Selon Bruzz, qui cite …": its name between
            or all(w.folded in lexicon.weekdays or w.folded in _TIME_WORDS for w in between)
        )
        if attribution.cue is not Cue.QUOTING and (
            (attribution.speaks and (speaker is None or outlets.name_of(speaker.name) or reporting))
            or (attribution.outlet is not None and speaker is None)
        ):
            resolved[id(attribution)] = cited


def _quoted_mask(
    sentence_words: list[Word], quotes: list[Quote], unquoted: list[tuple[int, int]]
) -> list[bool]:
    mask = []
    spans = sorted((q.start, q.end) for q in quotes)
    index = 0
    for word in sentence_words:
        while index < len(spans) and spans[index][1] <= word.start:
            index += 1
        inside = index < len(spans) and spans[index][0] < word.start < spans[index][1]
        if inside and any(start <= word.start < end for start, end in unquoted):
            inside = False
        mask.append(inside)
    return mask


def _resolve(attribution: Attribution, names: Names, sentence_start: int) -> SpeakerMatch | None:
    """Whom an attribution's subject means, and remember them for the pronouns after. A
    person quoted ("mengutip pernyataan Menteri Andrei Belousov") counts too."""
    quoting = attribution.cue is Cue.QUOTING and attribution.subject.match is not None
    if not attribution.speaks and not quoting:
        return None
    subject = attribution.subject
    if subject.match is not None:
        match = subject.match
    elif subject.pronoun:
        match = (
            names.last(
                person=False if subject.body else None if subject.plural else True,
                woman=subject.woman,
            )
            or names.last()
            or names.named_before(attribution.start)
        )
    elif subject.roles:
        organisation = any(role in names.language.organisations for role in subject.roles)
        # The role in an earlier sentence, not this one's own subject, is what the text
        # named before.
        # "le ministre de l'Économie": a role with what it is of is no epithet for the
        # last person who spoke.
        epithet = len(words(subject.phrase)) <= 2 if subject.phrase else True
        # "Officials said", "Police officers said": people in the plural are not the one
        # person who spoke last.
        epithet = epithet and not plural_roles(subject.roles, names.language)
        # "报告还称": a report is its author's, never the last person who spoke.
        epithet = epithet and not subject.roles <= names.language.report_nouns
        match = names.by_role(
            set(subject.roles),
            person=not organisation,
            position=sentence_start,
            epithet=epithet,
        )
        if match is None and subject.phrase:
            # "El alcalde calificó …" with no mayor before: the role as written.
            match = names.match(subject.phrase, subject.phrase)
    elif attribution.implicit:
        match = names.last()  # "También afirmó …", "subrayó.": the one who spoke last
    else:
        return None
    if match is not None and subject.match is not None:
        names.remember(match, subject.roles)
    elif match is not None:
        names.remember(match)
    return match


def _standalone(body: str, read: _Read, number: int, lexicon: Language) -> bool:
    """Is quoted passage `number` a statement of its own, rather than a few words the
    reporter's sentence holds at arm's length ("dismissed it as a 'witch hunt'")?"""
    start, end = read.parts[number]
    inner = body[start:end].strip()
    if lexicon.code == "zh":
        size = sum(1 for char in inner if is_cjk(char))
        if size < MIN_QUOTE_CHARS:
            return False
    elif len(words(inner)) < MIN_QUOTE_WORDS:
        return False
    before = body[read.sentence.start : read.lead_ins[number]].rstrip()
    if lexicon.code == "zh" and before[-1:] == "，" and not _cue_just_before(read, len(before)):
        # "…来自完整的产业链，“不是靠补贴补出来的”。": after its own words, a fragment.
        return False
    if number == 0 and before[-1:] == "," and inner[:1].islower() and len(words(before)) >= 6:
        # "Albright said the company had cut 40 positions over two years, "almost all of
        # them through retirements."": the reporter's sentence goes on in her words.
        return False
    if not before or before[-1] in _LEAD_IN:
        return True
    if number and read.lead_ins[number] == read.parts[number][0]:
        return True  # the second passage of a quote split by dashes
    if lexicon.code == "zh":
        return inner[-1:] in "。！？"
    capital = inner[:1].isupper()
    return capital and len(words(inner)) >= 3 and inner[-1:] in ".!?…"


def _statements(
    body: str,
    read: _Read,
    number: int,
    everything: list[_Read],
    lexicon: Language,
    credited: str,
    names: Names,
) -> list[_Candidate]:
    relays = _chain(credited, read.relays)
    speaking = [a for a in read.attributions if a.speaks]
    groups = _quote_groups(body, read, lexicon)
    if not speaking and not groups:
        # "Как сообщила газета «Коммерсант», …", "…, as reported by Reuters": a report
        # relayed, its speaker unnamed (a word or two quoted in it, perhaps); still a
        # statement to check.
        speaking = [a for a in read.attributions if a.outlet is not None][:1]
    read.speaking_starts = [a.start for a in speaking]
    result: list[_Candidate] = []
    consumed: set[int] = set()
    for parts in groups:
        first_start, last_end = parts[0][0], parts[-1][1]
        attribution = _nearest(speaking, first_start, last_end, read)
        speaker, rule, confidence = None, gettext_noop("quote with no attribution"), 0.35
        if attribution is not None:
            consumed.add(id(attribution))
            speaker = read.speakers.get(id(attribution))
            rule, confidence = _quote_rule(attribution, speaker)
        if speaker is None:
            found = _neighbour(body, everything, number)
            if found is not None:
                speaker, rule, confidence, attribution = found
        if speaker is not None:
            read.quote_speaker = speaker
        text = _joined(body, parts)
        start, end = _strip(body, first_start, last_end)
        result.append(
            _Candidate(
                start,
                end,
                text,
                DIRECT_QUOTE,
                speaker,
                attribution,
                rule,
                confidence,
                relays,
                read.sentence,
                read.words,
                start,
            )
        )
    clauses = _clauses(read, speaking, consumed)
    for position, (attribution, start) in enumerate(clauses):
        end = clauses[position + 1][1] if position + 1 < len(clauses) else read.sentence.end
        if position + 1 < len(clauses) and clauses[position + 1][0].opener_start is not None:
            end = clauses[position + 1][0].opener_start
        end = _before_trailing_relay(read, attribution, end)
        start, end = _strip(body, start, end)
        speaker = read.speakers.get(id(attribution))
        if position == 0 and (tail := _trailing_attribution(read, attribution, end, lexicon)):
            # "The company denied the allegations, spokeswoman Ann Reed said": who says it.
            speaker = read.speakers.get(id(tail)) or speaker
        if not _has_content(body, start, end, attribution, lexicon):
            if attribution.word.answer or attribution.word.denial:
                read.answered_by = speaker
            continue
        if body[start:end].endswith(("?", "？")):
            continue  # "中方对此有何回应？": a question asks, it states nothing
        rule, confidence = _paraphrase_rule(attribution, speaker)
        content_start = attribution.end if attribution.start > start + 2 else start
        result.append(
            _Candidate(
                start,
                end,
                body[start:end],
                PARAPHRASE,
                speaker,
                attribution,
                rule,
                confidence,
                relays,
                read.sentence,
                read.words,
                content_start,
            )
        )
    return result


def _chain(credited: str, named: list[str]) -> list[str]:
    chain = [credited] if credited else []
    return list(dict.fromkeys([*chain, *(name for name in named if name)]))


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    return start, end


def _cue_just_before(read: _Read, offset: int) -> bool:
    """Does a speaking cue end right before `offset` characters into the sentence, as
    "表示" does in "何咏前表示，“…”"?"""
    end = read.sentence.start + offset - 1  # the comma
    return any(a.speaks and 0 <= end - a.end <= 1 for a in read.attributions)


def _quote_groups(body: str, read: _Read, lexicon: Language) -> list[list[tuple[int, int]]]:
    """The standalone quoted passages of a sentence, a passage that an attribution
    interrupts mid-sentence joined to the rest ("…," respondió Benítez, "sino …")."""
    groups: list[list[tuple[int, int]]] = []
    for number, part in enumerate(read.parts):
        if not _standalone(body, read, number, lexicon):
            continue
        inner = body[part[0] : part[1]].strip()
        if groups and number and _goes_on(body, read.parts[number - 1], inner):
            groups[-1].append(part)
            continue
        groups.append([part])
    return groups


def _joined(body: str, parts: list[tuple[int, int]]) -> str:
    """A quotation's passages as one text: with a space between, or none in Chinese."""
    passages = [body[start:end].strip() for start, end in parts]
    glue = "" if passages and is_cjk(passages[0][:1] or " ") else " "
    return glue.join(passages)


def _goes_on(body: str, previous: tuple[int, int], inner: str) -> bool:
    ending = body[previous[0] : previous[1]].rstrip()
    if inner and is_cjk(inner[0]):
        # Chinese has no lower case: a passage left on a comma goes on ("“…措施，”郭嘉昆说，“这是…”").
        return ending[-1:] in "，,、"
    return bool(inner) and inner[0].islower() and ending[-1:] not in ".!?…。！？"


def _nearest(speaking: list[Attribution], start: int, end: int, read: _Read) -> Attribution | None:
    """The attribution of a quoted passage: the speaking cue nearest it in the sentence,
    outside any quotation; a cue after the quote first between equals. `speaking` is in
    the order of the text, so the two candidates are found by bisection."""
    after = bisect_left(read.speaking_starts, end)
    candidates = []
    if after < len(speaking):
        candidates.append((speaking[after].start - end, speaking[after]))
    if after > 0:
        before = speaking[after - 1]
        candidates.append((max(0, start - before.end) + 1, before))
    return min(candidates, key=lambda pair: pair[0])[1] if candidates else None


def _neighbour(body: str, everything: list[_Read], number: int):
    """Who speaks a quotation with no attribution of its own: the sentence after it in
    the paragraph when that sentence only attributes ("Smith said."); else the speaker of
    the sentence before it in the paragraph (a quotation that goes on)."""
    here = everything[number]
    if number + 1 < len(everything):
        following = everything[number + 1]
        first = following.words[:1]
        lexicon = _language_of(following)
        if first and first[0].folded in lexicon.back_references:
            for attribution in following.attributions:
                if speaker := following.speakers.get(id(attribution)):
                    return (
                        speaker,
                        gettext_noop("quote that the next sentence attributes"),
                        0.8,
                        attribution,
                    )
        if following.sentence.paragraph == here.sentence.paragraph:
            for attribution in following.attributions:
                speaker = following.speakers.get(id(attribution))
                if speaker is None:
                    continue
                content = len(following.words) - attribution.subject.words - 1
                opens = not following.parts or attribution.end <= following.lead_ins[0]
                lead = following.body[following.sentence.start : attribution.start]
                if (not following.parts and content < MIN_CONTENT_WORDS) or (
                    following.parts and opens and not any(mark in lead for mark in ",，")
                ):
                    # "“…。”何亚东说，“…”", "“…” Kessler said.": the attribution that
                    # opens the next sentence is this quotation's too.
                    return (
                        speaker,
                        gettext_noop("quote attributed in the next sentence"),
                        0.75,
                        attribution,
                    )
    if number > 0:
        previous = everything[number - 1]
        body = here.body
        opens_paragraph = here.parts and not body[here.sentence.start : here.lead_ins[0]].strip()
        left_open = previous.parts and body[previous.sentence.end - 1] not in _CLOSING
        # A quotation that goes on over paragraphs: each opens with a mark, only the last
        # closes.
        if (
            previous.sentence.paragraph == here.sentence.paragraph - 1
            and opens_paragraph
            and left_open
            and previous.quote_speaker is not None
        ):
            rule = gettext_noop("quote that goes on from the paragraph before")
            return previous.quote_speaker, rule, 0.7, None
        if previous.sentence.paragraph == here.sentence.paragraph:
            for attribution in reversed(previous.attributions):
                speaker = previous.speakers.get(id(attribution))
                if speaker is not None:
                    return (
                        speaker,
                        gettext_noop("quote that goes on from the sentence before"),
                        0.7,
                        None,
                    )
    return None


def _language_of(read: _Read) -> Language:
    return read.language


def _clauses(
    read: _Read, speaking: list[Attribution], consumed: set[int]
) -> list[tuple[Attribution, int]]:
    """Reported speech: one statement per speaking cue that opens a clause — the first in
    the sentence, and each one a conjunction opens with its own subject ("…, while the
    union said …"); a cue within a statement ("X said Y told him …") is part of it."""
    clauses: list[tuple[Attribution, int]] = []
    for attribution in speaking:
        if id(attribution) in consumed:
            if not clauses:
                clauses.append((attribution, -1))  # it speaks a quote: no clause of its own
            continue
        if not clauses:
            clauses.append((attribution, _after_relay_clause(read, attribution)))
        elif attribution.opener_start is not None and attribution.clause_start is not None:
            clauses.append((attribution, attribution.clause_start))
    return [(a, start) for a, start in clauses if start >= 0]


_TRAILING_WORDS = 10  # at most, from the comma to the end: ", spokeswoman Ann Reed said."


def _trailing_attribution(
    read: _Read, first: Attribution, end: int, lexicon: Language
) -> Attribution | None:
    """A speaking cue after the sentence's last comma that names who said the whole of it:
    "…, spokeswoman Ann Reed said.", "…, заявила РИА Новости пресс-секретарь перевозчика
    Ольга Самарина.", "…, dijo su portavoz, Ana Ruiz." Only its subject may stand between
    the comma and the cue (not "…, a charge Beijing rejected", which answers)."""
    if lexicon.code == "zh":
        return None
    body = read.body
    last = next((a for a in reversed(read.attributions) if a.speaks), None)
    if last is None or last is first or last.start <= first.end or id(last) not in read.speakers:
        return None
    named = read.speakers[id(last)]
    if named is None or not any(char.isupper() for char in named.name):
        return None  # "…, según sus propios datos": its own figures, nobody else
    comma = body.rfind(",", first.end, last.start)
    if comma == -1 or body.find(",", comma + 1, last.start) != -1:
        return None
    if len(words(body, comma, end)) > _TRAILING_WORDS:
        return None
    between = words(body, comma, last.start)
    if not all(
        word.capitalised or word.folded in lexicon.roles or word.folded in lexicon.articles
        for word in between
    ):
        return None
    return last


def _after_relay_clause(read: _Read, attribution: Attribution) -> int:
    """A statement does not include the relay clause that opens its sentence: in
    "Mengutip Reuters, Belousov mengatakan …" it starts at "Belousov"."""
    start = read.sentence.start
    for relay in read.attributions:
        if relay is attribution or relay.start >= attribution.start:
            break
        if relay.outlet is None or (relay.speaks and relay.subject.found):
            continue
        body = read.body
        if body[start : relay.start].strip():
            break
        for comma in (",", "，"):
            at = body.find(comma, relay.end, attribution.start)
            if at != -1:
                return at + 1
    return start


def _before_trailing_relay(read: _Read, attribution: Attribution, end: int) -> int:
    """ "…, seperti dikutip dari Harian Rakyat.", "…, a rapporté RFI.": the statement ends
    before the relay that closes its sentence."""
    body = read.body
    for relay in read.attributions:
        if relay.outlet is None or not attribution.end <= relay.start < end:
            continue
        comma = max(
            body.rfind(",", attribution.end, relay.start),
            body.rfind("，", attribution.end, relay.start),
        )
        if comma == -1 or body[comma + 1 : relay.start].strip():
            continue
        if len(words(body, relay.end, end)) <= 4:
            return comma
    return end


def _has_content(
    body: str, start: int, end: int, attribution: Attribution, lexicon: Language
) -> bool:
    """Does the clause say something beside who said it ("Smith said." says nothing)?"""
    if attribution.cue is Cue.NO_COMMENT:
        return True
    # A denial or an accusation says something in two words: "denied the accusations",
    # "membantah tuduhan tersebut", "予以否认".
    answers = (
        attribution.word.denial
        or attribution.word.accusation
        or attribution.word.answer
        or disputes.negated(body, attribution.end, end, lexicon)
    )
    if lexicon.code == "zh":
        text = body[start:end]
        cue = body[attribution.start : attribution.end]
        after = body[attribution.end : end]
        if not any(is_cjk(char) for char in after) and "，" not in body[start : attribution.start]:
            # "租户代表欧阳志明说。" after a quotation: who said it, and nothing more.
            return answers
        size = sum(1 for char in text if is_cjk(char)) - len(cue)
        return answers or size - 4 >= MIN_CONTENT_CHARS
    every = words(body, start, end)
    # "… hit back within hours.": what stands beside the verb is no content of an answer.
    count = len([w for w in every if w.folded not in lexicon.skipped]) if answers else len(every)
    cue_words = len(words(body, attribution.start, attribution.end))
    left = count - cue_words - attribution.subject.words
    # "The union puts the number at 112.": a figure is a claim in one word.
    figure = any(char.isdigit() for char in body[attribution.end : end])
    return left >= (1 if answers or figure else MIN_CONTENT_WORDS)


def _quote_rule(attribution: Attribution, speaker: SpeakerMatch | None) -> tuple[str, float]:
    if speaker is None:
        return gettext_noop("quote whose attribution names nobody"), 0.4
    if attribution.subject.pronoun:
        return gettext_noop("quote attributed to a pronoun"), 0.8
    if attribution.subject.match is None:
        return gettext_noop("quote attributed to a role"), 0.75
    return gettext_noop(
        "quote attributed in its sentence"
    ), 0.92 if speaker.id is not None else 0.88


def _paraphrase_rule(attribution: Attribution, speaker: SpeakerMatch | None) -> tuple[str, float]:
    kind = {
        Cue.NO_COMMENT: "declined to comment",
        Cue.ACCORDING: "reported speech (according to)",
    }.get(attribution.cue, "reported speech")
    if attribution.word.denial:
        kind = "denial"
    elif attribution.word.accusation:
        kind = "accusation"
    if speaker is None:
        return f"{kind}, speaker not found", 0.45
    if attribution.subject.pronoun:
        return f"{kind} by a pronoun", 0.7
    if attribution.subject.match is None and attribution.subject.roles:
        return f"{kind} by a role", 0.68
    if attribution.implicit:
        return f"{kind}, speaker implied", 0.55
    return kind, 0.85 if speaker.id is not None else 0.8


def _one_per_passage(
    body: str, candidates: list[_Candidate], lexicon: Language
) -> list[_Candidate]:
    """One statement per passage: a quote wins over the reported speech around it, which
    keeps what comes before the quote when that says something itself."""
    quotes = sorted((c for c in candidates if c.kind == DIRECT_QUOTE), key=lambda c: c.start)
    starts = [c.start for c in quotes]
    kept = list(quotes)
    for candidate in candidates:
        if candidate.kind == DIRECT_QUOTE:
            continue
        index = bisect_left(starts, candidate.start)
        inside = [
            q
            for q in quotes[max(0, index - 1) : index + 8]
            if q.start < candidate.end and q.end > candidate.start
        ]
        if inside:
            cut = min(q.start for q in inside)
            start, end = _strip(body, candidate.start, cut - 1)
            if (
                cut - 1 <= candidate.start
                or not candidate.attribution
                or candidate.attribution.end > end
            ):
                continue
            if not _has_content(body, start, end, candidate.attribution, lexicon):
                continue
            candidate.end = end
            candidate.text = body[start:end]
        kept.append(candidate)
    kept.sort(key=lambda c: (c.start, c.end))
    unique: list[_Candidate] = []
    for candidate in kept:
        if unique and candidate.start < unique[-1].end:
            continue
        unique.append(candidate)
    return unique


def _suggestions(
    body: str,
    unique: list[_Candidate],
    lexicon: Language,
    names: Names,
    published: datetime.date | None,
    credited: str,
) -> list[Suggestion]:
    statements = [
        disputes.Statement(
            start=c.start,
            end=c.end,
            speaker_key=_speaker_key(c.speaker),
            # "las palabras del ministro": the role it was introduced with names it too.
            speaker_names=_speaker_names(c.speaker, names)
            | (set(c.attribution.subject.roles) if c.speaker and c.attribution else set()),
            content_start=c.content_start,
            denial=bool(c.attribution and c.attribution.word.denial),
            accusation=bool(c.attribution and c.attribution.word.accusation),
            direct=c.kind == DIRECT_QUOTE,
            answer=bool(c.attribution and c.attribution.word.answer) or c.answers,
            sentence_start=c.sentence.start,
            sentence_end=c.sentence.end,
            relays=tuple(c.relays),
            credit=credited,
            cue=fold(body[c.attribution.start : c.attribution.end]) if c.attribution else "",
        )
        for c in unique
    ]
    denied_by: dict[int, list[int]] = {}
    for denied, denying in disputes.denials(body, statements, lexicon):
        denied_by.setdefault(denying, []).append(denied)
    result = []
    for index, c in enumerate(unique):
        attribution = c.attribution
        sentence_text = body[c.sentence.start : c.sentence.end]
        result.append(
            Suggestion(
                start=c.start,
                end=c.end,
                quote=body[c.start : c.end],
                text=c.text,
                kind=c.kind,
                speaker=c.speaker,
                relays=tuple(c.relays),
                denies=tuple((unique[d].start, unique[d].end) for d in denied_by.get(index, [])),
                cue=body[attribution.start : attribution.end] if attribution else "",
                cue_start=attribution.start if attribution else None,
                cue_end=attribution.end if attribution else None,
                rule=c.rule,
                confidence=round(c.confidence, 2),
                stated_on=dates.stated_on(sentence_text, c.sentence_words, lexicon, published),
                denial=statements[index].denial or bool(attribution and attribution.word.answer),
                accusation=statements[index].accusation,
                mentions=_mentions(body, c, names),
            )
        )
    return result


def _mentions(body: str, candidate: _Candidate, names: Names) -> tuple:
    """The known speakers a statement's words name, other than its own speaker."""
    own = candidate.speaker.id if candidate.speaker else None
    found: dict = {}
    text = body[candidate.start : candidate.end]
    if names.language.code == "zh":
        position = 0
        while (hit := names.known_cjk(text[position:])) is not None:
            found.setdefault(hit[0].id)
            position += hit[2]
    else:
        phrase = words(body, candidate.start, candidate.end)
        longest = names.matcher.longest
        for first in range(len(phrase)):
            if not (phrase[first].capitalised or phrase[first].acronym):
                continue
            if not names.matcher.may_start(phrase[first].text):
                continue
            for length in range(min(longest, len(phrase) - first), 0, -1):
                spelling = body[phrase[first].start : phrase[first + length - 1].end]
                if known := names.known(spelling, near=False):
                    found.setdefault(known.id)
                    break
    return tuple(speaker for speaker in found if speaker != own)


def _speaker_key(speaker: SpeakerMatch | None) -> object:
    if speaker is None:
        return None
    return speaker.id if speaker.id is not None else fold(speaker.name)


def _speaker_names(speaker: SpeakerMatch | None, names: Names) -> set[str]:
    if speaker is None:
        return set()
    found = {speaker.name.casefold(), speaker.mention.casefold()}
    found |= {part.casefold() for part in speaker.name.split() if len(part) > 3}
    if speaker.id is not None:
        for known in names.matcher.named(speaker.name):
            found |= {alias.casefold() for alias in known.aliases}
    return {name for name in found if name}
