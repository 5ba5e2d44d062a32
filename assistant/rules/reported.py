"""Reported speech: the attribution verbs and phrases in a sentence, whom each points to,
and which part of the sentence is the statement it introduces."""

from dataclasses import dataclass

from assistant.rules import lexicon
from assistant.rules.lexicon import Cue
from assistant.rules.relays import OutletIndex, reported_by_name, skip_fillers
from assistant.rules.speakers import SpeakerIndex, SpeakerMatch, capitalised_run, resolve
from assistant.rules.text import Quote, Sentence, Word, words

# Words that join a reported clause, not part of its subject: "…, mientras que la Alianza".
_COMPLEMENTISERS = {"que", "that", "bahwa"}
_ARTICLES = {"the", "el", "la", "los", "las"}
# How many words beside a verb may name its speaker.
_PHRASE_LIMIT = 8
# A statement needs this many words of its own, beside the speaker and the verb.
MIN_CONTENT_WORDS = 3


@dataclass
class Attribution:
    cue: Cue
    start: int
    end: int
    denial: bool = False
    speaker: SpeakerMatch | None = None
    # The speaker is a pronoun ("dia mengatakan", "katanya"): whoever spoke last.
    pronoun: bool = False
    relay: str | None = None
    # Where the statement this attribution introduces starts; set for a subject that
    # follows a conjunction or a relay clause ("… saat militer China berjanji …").
    clause_start: int | None = None
    # Where the conjunction that opens this clause starts: the clause before ends there.
    opener_start: int | None = None
    mention_words: int = 0

    @property
    def carries_statement(self) -> bool:
        """Does this cue say who made a statement (rather than only who relayed it)?"""
        return self.cue in (Cue.SPEECH, Cue.ACCORDING, Cue.QUOTING) and (
            self.speaker is not None or self.pronoun
        )


def _gap_is_space(body: str, left: Word, right: Word) -> bool:
    # A plural possessive's apostrophe stays inside a phrase: "the port workers' union".
    return body[left.end : right.start].strip("'’").isspace()


def _match_cue(sentence_words: list[Word], index: int) -> tuple[Cue, int] | None:
    for length in range(min(lexicon.LONGEST_CUE, len(sentence_words) - index), 0, -1):
        key = tuple(word.folded for word in sentence_words[index : index + length])
        if key in lexicon.CUES:
            return lexicon.CUES[key], length
    return None


def attributions(
    body: str,
    sentence: Sentence,
    quotes: list[Quote],
    speakers: SpeakerIndex,
    outlets: OutletIndex,
) -> list[Attribution]:
    """The attribution cues of one sentence, outside its quotations, in order."""
    all_words = words(body, sentence.start, sentence.end)
    quoted = [any(quote.start < word.start < quote.end for quote in quotes) for word in all_words]
    found: list[Attribution] = []
    index = 0
    while index < len(all_words):
        match = None if quoted[index] else _match_cue(all_words, index)
        if match is None:
            index += 1
            continue
        cue, length = match
        cue_words = all_words[index : index + length]
        attribution = Attribution(
            cue=cue,
            start=cue_words[0].start,
            end=cue_words[-1].end,
            denial=tuple(word.folded for word in cue_words) in lexicon.DENIAL_VERBS,
        )
        before, boundary = _before(body, all_words, quoted, index)
        after = _after(body, all_words, quoted, index + length)
        if cue is Cue.SPEECH:
            apposed = [] if before else _apposition(body, all_words, quoted, index)
            _speech(attribution, cue_words, before, after, apposed, body, speakers, outlets)
        elif cue in (Cue.ACCORDING, Cue.QUOTING):
            if outlet := outlets.outlet_at_start(after, body):
                attribution.relay = outlet
            else:
                attribution.speaker = resolve(
                    skip_fillers(after), body, speakers, head_at_end=False
                )
        else:
            attribution.relay = reported_by_name(after, body, outlets)
        if attribution.speaker and attribution.speaker.mention:
            attribution.mention_words = len(attribution.speaker.mention.split())
        if before and boundary is not None and cue is Cue.SPEECH:
            opener = all_words[boundary]
            if opener.folded in lexicon.CLAUSE_OPENERS:
                attribution.clause_start = before[0].start
                attribution.opener_start = opener.start
        found.append(attribution)
        index += length
    _start_after_relay_clauses(body, sentence, found)
    return found


def _before(
    body: str, all_words: list[Word], quoted: list[bool], index: int
) -> tuple[list[Word], int | None]:
    """The words just before the cue, back to punctuation, a quotation, a conjunction or
    another cue; adverbs next to the verb dropped. Also the index of a conjunction that
    stopped the walk, if one did."""
    phrase: list[Word] = []
    position = index - 1
    boundary = None
    while position >= 0 and len(phrase) < _PHRASE_LIMIT:
        word = all_words[position]
        if quoted[position] or not _gap_is_space(body, word, all_words[position + 1]):
            break
        if word.folded in lexicon.CLAUSE_OPENERS:
            boundary = position
            break
        if _match_cue(all_words, position):
            break
        phrase.insert(0, word)
        position -= 1
    while phrase and phrase[-1].folded in lexicon.ADVERBS:
        phrase.pop()
    while phrase and phrase[0].folded in _COMPLEMENTISERS:
        phrase.pop(0)
    return phrase, boundary


def _apposition(body: str, all_words: list[Word], quoted: list[bool], index: int) -> list[Word]:
    """A name set off by commas before the verb: "El ministro de Exteriores, Tomás
    Ibarra, negó …", "La Alianza Cívica, un grupo de oposición, afirmó …": the nearer of
    the two comma-delimited segments before the verb that is a name (an article allowed)."""
    end = index
    for _ in range(2):
        if end <= 0 or quoted[end - 1]:
            return []
        if body[all_words[end - 1].end : all_words[end].start].strip() != ",":
            return []
        position = end - 1
        while position > 0 and _gap_is_space(body, all_words[position - 1], all_words[position]):
            position -= 1
        segment = all_words[position:end]
        if any(quoted[position:end]):
            return []
        name = capitalised_run(segment, from_end=True)
        unnamed = segment[: len(segment) - len(name)]
        if name and all(word.folded in _ARTICLES for word in unnamed):
            return segment
        end = position
    return []


def _after(body: str, all_words: list[Word], quoted: list[bool], index: int) -> list[Word]:
    phrase: list[Word] = []
    position = index
    while position < len(all_words) and len(phrase) < _PHRASE_LIMIT:
        word = all_words[position]
        if quoted[position]:
            break
        if phrase and not _gap_is_space(body, phrase[-1], word):
            break
        if not phrase and position > 0 and not _gap_is_space(body, all_words[position - 1], word):
            break
        phrase.append(word)
        position += 1
    return phrase


def _speech(
    attribution: Attribution,
    cue_words: list[Word],
    before: list[Word],
    after: list[Word],
    apposed: list[Word],
    body: str,
    speakers: SpeakerIndex,
    outlets: OutletIndex,
) -> None:
    told = after[1:] if after and after[0].folded in lexicon.TO_WORDS else after
    if outlet := outlets.outlet_at_start(told, body):
        # "told Reuters", "mengatakan kepada Reuters": the outlet relays, it does not speak.
        attribution.relay = outlet
        after = []
    if tuple(word.folded for word in cue_words) in lexicon.PRONOUN_SUFFIXED_VERBS:
        attribution.pronoun = True
        return
    if before:
        if before[-1].folded in lexicon.PRONOUNS:
            attribution.pronoun = True
            return
        attribution.speaker = resolve(before, body, speakers, head_at_end=True)
        return
    if after and after[0].folded in lexicon.PRONOUNS:
        attribution.pronoun = True
        return
    attribution.speaker = resolve(after, body, speakers, head_at_end=False) or resolve(
        apposed, body, speakers, head_at_end=True
    )


def _start_after_relay_clauses(body: str, sentence: Sentence, found: list[Attribution]) -> None:
    """A statement does not include the relay clause before it: in "Mengutip Reuters,
    Belousov mengatakan …" it starts at "Belousov"."""
    for position, attribution in enumerate(found):
        if attribution.clause_start is not None or attribution.cue is not Cue.SPEECH:
            continue
        relays_before = [
            earlier
            for earlier in found[:position]
            if earlier.relay and earlier.cue is not Cue.SPEECH and not earlier.carries_statement
        ]
        if not relays_before:
            continue
        comma = body.find(",", relays_before[-1].end, attribution.start)
        if comma == -1:
            continue
        start = comma + 1
        while start < attribution.start and body[start].isspace():
            start += 1
        if body[sentence.start : relays_before[0].start].strip() == "":
            attribution.clause_start = start
