"""The quote assistant: candidate statements in an article's text, with their speakers,
relays and denials, for a researcher to accept, edit or dismiss.

Deterministic rules over the text, no model and no network: direct quotes in any common
quotation marks (`quotes`), reported speech introduced by attribution verbs and phrases in
Indonesian, English and Spanish (`reported`), speakers matched by name and alias
(`speakers`), relay cues (`relays`) and denials (`disputes`).

    suggest(body, speakers=[KnownSpeaker(1, "Andrei Belousov", ("Belousov",))])

Every suggestion's `quote` is `body[start:end]`, so it anchors exactly in the body.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.rules.disputes import Statement, denials
from assistant.rules.lexicon import Cue
from assistant.rules.quotes import QuoteGroup, statement_quotes
from assistant.rules.relays import OutletIndex
from assistant.rules.reported import MIN_CONTENT_WORDS, Attribution, attributions
from assistant.rules.speakers import SpeakerIndex, SpeakerMatch
from assistant.rules.text import Sentence, find_quotes, paragraphs, sentences, words
from claims.matching import KnownSpeaker
from records.text import fold

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

# First words of a sentence that point back at the quotation before it: "Demikian
# pernyataan …" (so said …), "That was …", "Así lo dijo …".
_BACK_REFERENCES = {"demikian", "begitu", "hal", "itulah", "that", "this", "so", "thus", "asi"}


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    quote: str  # body[start:end], the words a citation will anchor
    text: str  # the claim's wording: the quotation without its marks, or the sentence
    kind: str  # DIRECT_QUOTE or PARAPHRASE, as Claim.Kind
    speaker: SpeakerMatch | None
    relays: tuple[str, ...] = ()
    # Spans (start, end) of the suggestions this one denies.
    denies: tuple[tuple[int, int], ...] = ()
    cue: str = ""

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str
    attribution: Attribution | None
    sentence: int
    relays: list[str] = field(default_factory=list)
    speaker: SpeakerMatch | None = None
    content_start: int = 0


def suggest(
    body: str,
    *,
    speakers: Iterable[KnownSpeaker] = (),
    outlets: Iterable[str] = (),
    language: str | None = None,
    publisher: str | None = None,
    published: object = None,
) -> list[Suggestion]:
    """Candidate statements in `body`, in the order they appear."""
    speakers = list(speakers)
    speaker_index = SpeakerIndex(speakers)
    outlet_index = OutletIndex(outlets)
    by_id = {speaker.id: speaker for speaker in speakers}

    all_sentences = sentences(body)
    quotes = [
        quote
        for start, end in paragraphs(body)
        for quote in find_quotes(body, start, end)
        if quote.depth == 0
    ]
    per_sentence = []
    last_speaker: SpeakerMatch | None = None
    new_names: list[SpeakerMatch] = []
    for sentence in all_sentences:
        inside = [q for q in quotes if sentence.start <= q.start < sentence.end]
        found = attributions(body, sentence, inside, speaker_index, outlet_index)
        for attribution in found:
            if attribution.pronoun:
                attribution.speaker = last_speaker
            elif attribution.speaker is not None and attribution.speaker.is_new:
                attribution.speaker = _earlier_full_name(attribution.speaker, new_names)
                new_names.append(attribution.speaker)
            if attribution.speaker is not None:
                last_speaker = attribution.speaker
        per_sentence.append((inside, found))

    candidates: list[_Candidate] = []
    pending: list[tuple[int, QuoteGroup]] = []
    for number, (sentence, (inside, found)) in enumerate(
        zip(all_sentences, per_sentence, strict=True)
    ):
        relays = [a.relay for a in found if a.relay]
        groups = statement_quotes(body, sentence.start, inside, found)
        quoting = {id(group.attribution) for group in groups if group.attribution}
        for group in groups:
            if group.attribution is None:
                pending.append((number, group))
                continue
            candidates.append(_quote_candidate(body, group, number, relays))
        candidates.extend(
            _paraphrases(body, sentence, number, found, quoting, relays),
        )
    for number, group in pending:
        candidate = _quote_candidate(body, group, number, [])
        neighbour = _adjacent_attribution(body, all_sentences, per_sentence, number)
        if neighbour is not None:
            attribution, relays = neighbour
            candidate.speaker = attribution.speaker
            candidate.relays = relays
        candidates.append(candidate)

    candidates.sort(key=lambda c: (c.start, c.end))
    unique: list[_Candidate] = []
    for candidate in candidates:
        if unique and candidate.start < unique[-1].end:
            continue  # overlaps the one before: one statement, suggested once
        unique.append(candidate)

    statements = [
        Statement(
            start=c.start,
            end=c.end,
            speaker_key=_speaker_key(c.speaker),
            speaker_names=_speaker_names(c.speaker, by_id),
            content_start=c.content_start,
            denial=bool(c.attribution and c.attribution.denial),
        )
        for c in unique
    ]
    denied_by: dict[int, list[int]] = {}
    for denied, denying in denials(body, statements):
        denied_by.setdefault(denying, []).append(denied)

    return [
        Suggestion(
            start=c.start,
            end=c.end,
            quote=body[c.start : c.end],
            text=c.text,
            kind=c.kind,
            speaker=c.speaker,
            relays=tuple(dict.fromkeys(c.relays)),
            denies=tuple((unique[d].start, unique[d].end) for d in denied_by.get(index, [])),
            cue=body[c.attribution.start : c.attribution.end] if c.attribution else "",
        )
        for index, c in enumerate(unique)
    ]


def same_statement(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans mark the same statement? Yes when they overlap by at least half of
    each: a sentence and its clause do, a sentence and a word in it do not."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared * 2 >= a[1] - a[0] and shared * 2 >= b[1] - b[0] and shared > 0


def _earlier_full_name(speaker: SpeakerMatch, earlier: list[SpeakerMatch]) -> SpeakerMatch:
    """An unknown name that ends an unknown name met before is that person: after
    "Opposition leader Marek Dunn", "Dunn said" is Marek Dunn."""
    tail = fold(speaker.name).split()
    for full in reversed(earlier):
        names = fold(full.name).split()
        if len(names) > len(tail) and names[-len(tail) :] == tail:
            return SpeakerMatch(name=full.name, mention=speaker.mention)
    return speaker


def _speaker_key(speaker: SpeakerMatch | None) -> object:
    if speaker is None:
        return None
    return speaker.id if speaker.id is not None else fold(speaker.name)


def _speaker_names(speaker: SpeakerMatch | None, by_id: dict[int, KnownSpeaker]) -> set[str]:
    if speaker is None:
        return set()
    names = {fold(speaker.name), fold(speaker.mention)}
    if speaker.id in by_id:
        names |= {fold(alias) for alias in by_id[speaker.id].aliases}
    return {name for name in names if name}


def _quote_candidate(body: str, group: QuoteGroup, sentence: int, relays: list[str]) -> _Candidate:
    attribution = group.attribution
    return _Candidate(
        start=group.start,
        end=group.end,
        text=group.text(body),
        kind=DIRECT_QUOTE,
        attribution=attribution,
        sentence=sentence,
        relays=list(relays),
        speaker=attribution.speaker if attribution else None,
        content_start=group.start,
    )


def _trim_end(body: str, start: int, end: int) -> int:
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:—–-"):
        end -= 1
    return end


def _paraphrases(
    body: str,
    sentence: Sentence,
    number: int,
    found: list[Attribution],
    quoting: set[int],
    relays: list[str],
) -> list[_Candidate]:
    """Reported speech: one statement per speaking attribution, from its clause's start
    to the next clause that a conjunction opens with another speaker, or the sentence end."""
    speaking = [
        a
        for a in found
        if a.cue in (Cue.SPEECH, Cue.ACCORDING) and a.speaker is not None and id(a) not in quoting
    ]
    clauses: list[tuple[Attribution, int]] = []
    for attribution in speaking:
        if not clauses:
            clauses.append(
                (attribution, attribution.clause_start or _after_dateline(body, sentence))
            )
        elif attribution.opener_start is not None and attribution.clause_start is not None:
            clauses.append((attribution, attribution.clause_start))
        # Otherwise it is a verb inside the statement itself ("X said Y told him …").
    result = []
    for position, (attribution, start) in enumerate(clauses):
        if position + 1 < len(clauses):
            end = _trim_end(body, start, clauses[position + 1][0].opener_start)
        else:
            end = sentence.end
        end = _drop_trailing_relay(body, attribution, found, end)
        span_words = len(words(body, start, end))
        cue_words = len(words(body, attribution.start, attribution.end))
        if span_words - cue_words - attribution.mention_words < MIN_CONTENT_WORDS:
            continue  # "Smith said." attributes a quotation; it says nothing itself
        speaker_before = attribution.speaker and body.find(
            attribution.speaker.mention, start, attribution.start
        ) not in (-1, None)
        result.append(
            _Candidate(
                start=start,
                end=end,
                text=body[start:end],
                kind=PARAPHRASE,
                attribution=attribution,
                sentence=number,
                relays=list(relays),
                speaker=attribution.speaker,
                content_start=attribution.end if speaker_before else start,
            )
        )
    return result


# "PORT ALDEN, March 3 (Reuters) - ": where a wire story starts, not what anyone said.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,[^.\n]{0,40}?\s[-–—]\s+")


def _after_dateline(body: str, sentence: Sentence) -> int:
    dateline = _DATELINE.match(body, sentence.start, sentence.end)
    return dateline.end() if dateline else sentence.start


def _drop_trailing_relay(
    body: str, attribution: Attribution, found: list[Attribution], end: int
) -> int:
    """ "…, according to Reuters." ends the statement before the relay."""
    for relay in found:
        if not relay.relay or relay.cue is Cue.SPEECH or not attribution.end <= relay.start < end:
            continue
        comma = body.rfind(",", attribution.end, relay.start)
        trailing = comma != -1 and not body[comma + 1 : relay.start].strip()
        if trailing and len(words(body, relay.end, end)) <= 3:
            return _trim_end(body, attribution.end, comma)
    return end


def _adjacent_attribution(
    body: str,
    all_sentences: list[Sentence],
    per_sentence: list,
    number: int,
) -> tuple[Attribution, list[str]] | None:
    """Who speaks a quotation that has no attribution of its own: the sentence after it
    when that sentence points back ("Demikian pernyataan … mengutip …"), quotes someone,
    or only names a speaker ("Smith said."); else the speaker of the sentence before it
    in the same paragraph (a quotation that goes on)."""
    if number + 1 < len(all_sentences):
        following = all_sentences[number + 1]
        _, found = per_sentence[number + 1]
        with_speaker = [a for a in found if a.carries_statement and a.speaker is not None]
        first = words(body, following.start, following.end)[:1]
        points_back = bool(first) and first[0].folded in _BACK_REFERENCES
        for attribution in with_speaker:
            span_words = len(words(body, following.start, following.end))
            bare = span_words - attribution.mention_words - 1 < MIN_CONTENT_WORDS
            if attribution.cue is Cue.QUOTING or points_back or bare:
                return attribution, [a.relay for a in found if a.relay]
    if number > 0 and all_sentences[number - 1].paragraph == all_sentences[number].paragraph:
        _, found = per_sentence[number - 1]
        for attribution in reversed(found):
            if attribution.carries_statement and attribution.speaker is not None:
                return attribution, [a.relay for a in found if a.relay]
    return None
