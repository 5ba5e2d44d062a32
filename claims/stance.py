"""A speaker's stance over time, and where they may contradict themselves.

**Stance.** What a claim does is read from the relations in which it answers another
claim (it is their `counter`): one that retracts another is a retraction, one that
denies or disputes another a denial, one that restates another a restatement; any other
claim asserts. Where several hold, the first of that list wins.

**One voice.** Two claims speak with one voice when they have the same speaker, or were
made for the same body (`Claim.made_for`: the outermost body their speaker spoke for on
that day, `claims.speaking`), so that Lin Jian, China's foreign ministry and China speak
with one voice while Lin Jian's role holds.

**Possible self-contradictions** are pairs of claims of one voice, at least one of them
the speaker's own or made for them, that nobody has related to each other yet and that
a researcher has not dismissed, where
- *a relation says so*: one agrees with a third claim (supports or restates it, or is
  supported or restated by it) and the other disagrees with that claim (denies, disputes
  or retracts it, or is denied, disputed or retracted by it); or
- *the text says so*: their wordings are alike once the words that say no are left out
  (`records.text.trigram_similarity` of at least `TEXT_THRESHOLD`), and exactly one of
  them says no (`records.text.without_negations`: "not", "tidak", "не", "没有"…).
  Wordings are compared in the claims' language when both share it, else through their
  English (the text of an English claim, the translation of another); claims without
  one are not compared.

The text rule is deliberately plain. It finds "China supplies weapons to Russia" against
"China does not supply weapons to any party", not a contradiction worded with antonyms
("rises"/"falls") or a denial verb alone ("denies supplying"); and "we will not attack"
against "we will attack if provoked" is a suggestion a researcher dismisses. Pairs a
relation already joins (a denial between them is a contradiction *recorded*) are not
suggested again. Pure Python, no Django: the model reads the rows, this decides.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product

from records.text import primary_language, shared_trigrams, trigrams, without_negations

ASSERTS, DENIES, RESTATES, RETRACTS = "asserts", "denies", "restates", "retracts"
# Relation kinds (ClaimRelation.Kind) as what the answering claim does, strongest first.
STANCES = {"retracts": RETRACTS, "denies": DENIES, "disputes": DENIES, "restates": RESTATES}
STANCE_ORDER = (RETRACTS, DENIES, RESTATES)
# How a timeline marks each.
STANCE_LABELS = {ASSERTS: "Asserted", DENIES: "Denied", RESTATES: "Restated", RETRACTS: "Retracted"}
# How a relation sets its two claims: with each other, or against each other.
AGREE = {"supports", "restates"}
DISAGREE = {"denies", "disputes", "retracts"}

TEXT_THRESHOLD = 0.4
# A page asks for at most this many; the best come first.
MAX_SUGGESTIONS = 20


def stance(answered: Iterable[str]) -> str:
    """What a claim does, given the kinds of the relations in which it answers another."""
    found = {STANCES[kind] for kind in answered if kind in STANCES}
    return next((kind for kind in STANCE_ORDER if kind in found), ASSERTS)


@dataclass(frozen=True)
class Said:
    """A claim as these rules read it."""

    id: int
    speaker: int
    made_for: int | None
    stated_on: datetime.date | None
    text: str
    language: str
    translation: str = ""

    @property
    def english(self) -> str:
        return self.text if primary_language(self.language) == "en" else self.translation


@dataclass(frozen=True)
class Link:
    """A relation: `counter` answers `claim` so (`kind`)."""

    claim: int
    counter: int
    kind: str
    id: int = 0


@dataclass(frozen=True)
class Contradiction:
    first: int  # the earlier said, by date then id
    second: int
    reason: str  # RELATION or TEXT
    score: float = 1.0
    through: int | None = None  # the third claim a relation rule went through


RELATION, TEXT = "relation", "text"


def one_voice(a: Said, b: Said) -> bool:
    return a.speaker == b.speaker or (a.made_for is not None and a.made_for == b.made_for)


def in_order(a: Said, b: Said) -> tuple[Said, Said]:
    """The earlier said first (undated after dated), then by id."""
    return tuple(sorted((a, b), key=lambda said: (said.stated_on is None, said.stated_on, said.id)))


@dataclass
class _Wording:
    trigrams: set[str] = field(default_factory=set)
    negated: bool = False


def _wording(text: str, language: str) -> _Wording:
    kept, negated = without_negations(text, language)
    return _Wording(trigrams(kept), negated)


def contradictions(
    focus: set[int],
    claims: Iterable[Said],
    links: Iterable[Link],
    dismissed: set[tuple[int, int]],
) -> list[Contradiction]:
    """The possible self-contradictions among `claims` involving one of `focus`, best
    first: those a relation says, then those the text says, most alike first. `links`
    are the relations touching `claims`; `dismissed` the pairs (lower id first) a
    researcher turned down."""
    claims = {said.id: said for said in claims}
    related = {tuple(sorted((link.claim, link.counter))) for link in links}
    found: dict[tuple[int, int], Contradiction] = {}

    def consider(a: Said, b: Said, reason: str, score: float, through: int | None) -> None:
        key = tuple(sorted((a.id, b.id)))
        if a.id == b.id or key in related or key in dismissed or key in found:
            return
        if not (a.id in focus or b.id in focus) or not one_voice(a, b):
            return
        first, second = in_order(a, b)
        found[key] = Contradiction(first.id, second.id, reason, score, through)

    # A relation: with and against one third claim.
    sides: dict[int, dict[bool, set[int]]] = defaultdict(lambda: {True: set(), False: set()})
    for link in links:
        if link.kind in AGREE or link.kind in DISAGREE:
            agrees = link.kind in AGREE
            sides[link.claim][agrees].add(link.counter)
            sides[link.counter][agrees].add(link.claim)
    for third, by_side in sorted(sides.items()):
        for with_it in sorted(by_side[True]):
            for against_it in sorted(by_side[False]):
                if with_it in claims and against_it in claims:
                    consider(claims[with_it], claims[against_it], RELATION, 1.0, third)

    # The text: alike, and exactly one says no. Only pairs that differ in saying no are
    # looked at: in the language both are in, else through their English.
    by_text = []
    native = {pk: _wording(said.text, said.language) for pk, said in claims.items()}
    english = {
        pk: _wording(said.english, "en") for pk, said in claims.items() if said.english.strip()
    }
    for wordings, same in ((native, True), (english, False)):
        saying_no = [pk for pk, wording in wordings.items() if wording.negated]
        saying_yes = [pk for pk, wording in wordings.items() if not wording.negated]
        for no, yes in product(saying_no, saying_yes):
            a, b = claims[no], claims[yes]
            alike = primary_language(a.language) == primary_language(b.language)
            if alike != same or not (no in focus or yes in focus) or not one_voice(a, b):
                continue
            score = shared_trigrams(wordings[no].trigrams, wordings[yes].trigrams)
            if score >= TEXT_THRESHOLD:
                by_text.append((score, *sorted((a, b), key=lambda said: said.id)))
    for score, a, b in sorted(by_text, key=lambda found: (-found[0], found[1].id, found[2].id)):
        consider(a, b, TEXT, round(score, 2), None)
    return list(found.values())[:MAX_SUGGESTIONS]


def recorded(claims: Iterable[Said], links: Iterable[Link]) -> list[Link]:
    """The relations that already say two claims of one voice disagree."""
    claims = {said.id: said for said in claims}
    return [
        link
        for link in links
        if link.kind in DISAGREE
        and link.claim in claims
        and link.counter in claims
        and one_voice(claims[link.claim], claims[link.counter])
    ]
