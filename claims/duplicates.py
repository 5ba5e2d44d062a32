"""Records that may be one, entered twice: claims, speakers and sources.

- **Claims**: the same speaker, or speakers who speak for the same body (Lin Jian and
  China's foreign ministry both speak for China: `Claim.made_for`), and alike wording —
  the text against a text in the same language, the English translation against the other
  translation or English text, so that a Chinese and an Indonesian denial meet through
  their translations. "Alike" is `records.text.trigram_similarity` (pg_trgm's measure) on
  both databases; PostgreSQL only narrows the candidates with its trigram index first.
- **Speakers**: the same Wikidata item, the same name or alias once folded, or a near miss
  as `claims.matching` defines it ("Lavrov" is Sergei Lavrov, "Zahkarova" Zakharova,
  "Белоусов" Belousov) — unless both are described, differently: namesakes.
- **Sources**: the same address once normalised, or the same text (`sources.identity`).

What is found is stored (`PossibleDuplicate`), one row a pair, for the duplicates page; a
dismissed pair is not suggested again.
"""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections, models, transaction
from django.db.models.functions import Greatest
from django.db.models.lookups import GreaterThanOrEqual
from django.utils.translation import gettext_noop

from claims.matching import SpeakerMatcher, are_namesakes, skeleton
from claims.models import Claim, PossibleDuplicate, Role, Speaker
from claims.speaking import body_spoken_for
from records.text import WORD, fold, trigram_similarity
from sources.models import Source

# Wording at least this alike makes two claims of one voice a possible duplicate: China's
# two denials, in different words and languages, score 0.48 through their translations;
# two unrelated claims of one government about 0.1.
CLAIM_THRESHOLD = 0.35
# Claims compared at most for one ask, the latest first: on PostgreSQL among those its
# trigram index finds close, on SQLite (a laptop's collection) among all of the voice's.
MAX_CANDIDATES = 500
# A pg_trgm similarity below this cannot reach the threshold by any pairing worth showing.
PREFILTER = 0.15
ENGLISH = "en"


@dataclass(frozen=True)
class Likeness:
    other: models.Model
    score: float
    reason: str


@dataclass(frozen=True)
class Wording:
    """What is compared of a claim: its text in its language and its English translation."""

    text: str
    language: str
    translation: str = ""

    @classmethod
    def of(cls, claim: Claim) -> "Wording":
        return cls(claim.text, claim.language, claim.translation)

    def english(self) -> str:
        if self.translation:
            return self.translation
        return self.text if self.language.split("-")[0] == ENGLISH else ""


def wording_likeness(a: Wording, b: Wording) -> tuple[float, str]:
    """How alike two claims' words are, and through what: the same-language texts, or the
    English of each (a translation, or a text written in English)."""
    found = []
    if a.language and a.language == b.language:
        found.append((trigram_similarity(a.text, b.text), gettext_noop("alike wording")))
    if (english_a := a.english()) and (english_b := b.english()):
        found.append((trigram_similarity(english_a, english_b), gettext_noop("alike in English")))
    return max(found, default=(0.0, ""))


def claim_likeness(a: Wording, b: Wording, same_speaker: bool) -> tuple[float, str] | None:
    """Whether two claims of one voice may be one, and why: the one decision both the
    lookup on save and `find_all` make."""
    score, reason = wording_likeness(a, b)
    if score < CLAIM_THRESHOLD:
        return None
    return round(score, 3), f"{reason}, {'the same speaker' if same_speaker else 'the same voice'}"


@dataclass(frozen=True)
class Ask:
    """A claim about to be recorded (or recorded: `exclude` is its id), to look up."""

    speaker_id: int
    wording: Wording
    day: datetime.date | None = None
    exclude: int | None = None


def _close_to(wording: Wording) -> models.Q:
    """PostgreSQL's narrowing: a candidate whose text or translation pg_trgm finds at all
    close to the wording (its trigram measure is the one the score uses)."""
    closeness = [TrigramSimilarity("text", wording.text)]
    if english := wording.english():
        closeness += [TrigramSimilarity("translation", english), TrigramSimilarity("text", english)]
    return models.Q(GreaterThanOrEqual(Greatest(*closeness, models.Value(0.0)), PREFILTER))


def similar_claims_each(asks: list[Ask]) -> list[list[Likeness]]:
    """For each ask, the recorded claims it may duplicate, closest first: one query for
    all of them (an assistant's page asks for every suggestion at once)."""
    if not asks:
        return []
    edges = Role.objects.speaking_for()
    bodies = [body_spoken_for(ask.speaker_id, ask.day, edges) for ask in asks]
    postgres = connections[Claim.objects.db].vendor == "postgresql"
    wanted = models.Q()
    for ask, body in zip(asks, bodies, strict=True):
        theirs = models.Q(speaker_id=ask.speaker_id) | models.Q(made_for_id=body)
        if ask.exclude is not None:
            theirs &= ~models.Q(pk=ask.exclude)
        wanted |= theirs & _close_to(ask.wording) if postgres else theirs
    candidates = list(
        Claim.objects.filter(wanted)
        .select_related("speaker")
        .order_by("-pk")[: MAX_CANDIDATES * len(asks)]
    )
    found = []
    for ask, body in zip(asks, bodies, strict=True):
        likenesses = []
        for claim in candidates:
            same_speaker = claim.speaker_id == ask.speaker_id
            if claim.pk == ask.exclude or not (same_speaker or claim.made_for_id == body):
                continue
            if alike := claim_likeness(ask.wording, Wording.of(claim), same_speaker):
                likenesses.append(Likeness(claim, *alike))
        found.append(sorted(likenesses, key=lambda likeness: -likeness.score))
    return found


def similar_claims(ask: Ask) -> list[Likeness]:
    """The recorded claims `ask` may duplicate, closest first."""
    return similar_claims_each([ask])[0]


def _speaker_candidates(speaker: Speaker):
    """Speakers a match could be among. PostgreSQL looks each word up in its trigram index,
    forgiving typos, and in Latin letters too; a laptop's SQLite collection is small enough
    to hand to the matcher whole."""
    others = Speaker.objects.exclude(pk=speaker.pk).only(
        "name", "aliases", "description", "kind", "wikidata_id"
    )
    if connections[others.db].vendor != "postgresql":
        return list(others.order_by("pk"))
    found: dict[int, Speaker] = {}
    if speaker.wikidata_id:
        found.update((s.pk, s) for s in others.filter(wikidata_id=speaker.wikidata_id))
    for spelling in (speaker.name, *speaker.alias_list):
        for word in WORD.findall(spelling):
            for form in {word, skeleton(word)}:
                if len(form) >= 3:
                    found.update((s.pk, s) for s in others.search(form)[:MAX_CANDIDATES])
    return list(found.values())


def similar_speakers(speaker: Speaker) -> list[Likeness]:
    """Speakers that may be `speaker` under another spelling. Near misses are a person's:
    an organisation's last word is often a country ("… of China"), which is no surname."""
    candidates = _speaker_candidates(speaker)
    spellings = speaker.as_known().spellings
    theirs = SpeakerMatcher(other.as_known() for other in candidates)
    same_name = {known.id for spelling in spellings for known in theirs.named(spelling)}
    near = {known.id for spelling in spellings for known in theirs.near(spelling)}
    mine = SpeakerMatcher([speaker.as_known()])
    found = []
    for other in candidates:
        near_miss = other.pk in near or any(
            mine.near(spelling) for spelling in other.as_known().spellings
        )
        if alike := speaker_likeness(
            speaker, other, same_name=other.pk in same_name, near_miss=near_miss
        ):
            found.append(Likeness(other, *alike))
    return found


def speaker_likeness(
    speaker: Speaker, other: Speaker, *, same_name: bool, near_miss: bool
) -> tuple[float, str] | None:
    """Whether two speakers may be one, given what the speaker matcher says of their names,
    and why: the one decision both the lookup on save and `find_all` make."""
    if speaker.wikidata_id and other.wikidata_id == speaker.wikidata_id:
        return 1.0, f"the same Wikidata item {speaker.wikidata_id}"
    if are_namesakes(speaker.description, other.description):
        return None  # another person of the same name (claims.matching)
    if same_name:
        return 0.95, gettext_noop("the same name")
    if near_miss and speaker.kind == other.kind == Speaker.Kind.PERSON:
        return 0.8, gettext_noop("a near-miss spelling")
    return None


def similar_sources(source: Source) -> list[Likeness]:
    """Sources that are this one entered again: the same address, or the same text."""
    found = {}
    others = Source.objects.exclude(pk=source.pk)
    if source.text_key:
        for other in others.filter(text_key=source.text_key)[:MAX_CANDIDATES]:
            found[other.pk] = Likeness(other, 1.0, gettext_noop("the same text"))
    if source.url_key:
        for other in others.filter(url_key=source.url_key)[:MAX_CANDIDATES]:
            found.setdefault(other.pk, Likeness(other, 1.0, gettext_noop("the same address")))
    return list(found.values())


def find_for(kind: str, record) -> int:
    """Store what `record` may duplicate, in place of what was found for it before (a
    dismissed pair stays dismissed). Returns how many pairs are open for it."""
    Kind = PossibleDuplicate.Kind
    if not type(record).objects.filter(pk=record.pk).exists():
        return 0  # deleted or merged since it was saved, in the same transaction
    if kind == Kind.CLAIMS:
        found = similar_claims(
            Ask(record.speaker_id, Wording.of(record), record.stated_on, exclude=record.pk)
        )
    elif kind == Kind.SPEAKERS:
        found = similar_speakers(record)
    else:
        found = similar_sources(record)
    mine = models.Q(first_id=record.pk) | models.Q(second_id=record.pk)
    with transaction.atomic():
        stored = PossibleDuplicate.objects.filter(mine, kind=kind)
        kept = set()
        for likeness in found:
            first, second = sorted((record.pk, likeness.other.pk))
            pair, _ = PossibleDuplicate.objects.update_or_create(
                kind=kind,
                first_id=first,
                second_id=second,
                defaults={"score": likeness.score, "reason": likeness.reason[:200]},
            )
            kept.add(pair.pk)
        stored.filter(dismissed_at__isnull=True).exclude(pk__in=kept).delete()
    return PossibleDuplicate.objects.open().filter(mine, kind=kind).count()


def forget(kind: str, pk: int) -> None:
    """A record is gone (deleted or merged): no pair of it is left to decide."""
    PossibleDuplicate.objects.filter(
        models.Q(first_id=pk) | models.Q(second_id=pk), kind=kind
    ).delete()


def _store(kind: str, found: list[tuple[int, int, float, str]]) -> int:
    """Pairs found in bulk, each stored once; a dismissed pair keeps its dismissal."""
    rows = [
        PossibleDuplicate(
            kind=kind, first_id=min(a, b), second_id=max(a, b), score=score, reason=reason[:200]
        )
        for a, b, score, reason in found
        if a != b
    ]
    PossibleDuplicate.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["kind", "first_id", "second_id"],
        update_fields=["score", "reason"],
    )
    return len(rows)


def _claim_pairs(claims: list[Claim]) -> list[tuple[int, int, float, str]]:
    """The alike pairs among claims of one voice (the latest `MAX_CANDIDATES` of it)."""
    found = []
    recent = sorted(claims, key=lambda claim: -claim.pk)[:MAX_CANDIDATES]
    wordings = [Wording.of(claim) for claim in recent]
    for n, claim in enumerate(recent):
        for m in range(n + 1, len(recent)):
            same = claim.speaker_id == recent[m].speaker_id
            if alike := claim_likeness(wordings[n], wordings[m], same):
                found.append((claim.pk, recent[m].pk, *alike))
    return found


def _speaker_pairs(speakers: list[Speaker]) -> list[tuple[int, int, float, str]]:
    """The possible duplicates among `speakers`, as `similar_speakers` finds them one by one.
    Namesakes (both described, differently) are never a pair, so a described speaker is
    looked up only among the undescribed and those described as they are: a common
    surname shared by thousands of described people costs nothing."""
    person = Speaker.Kind.PERSON
    by_pk = {speaker.pk: speaker for speaker in speakers}
    everyone = SpeakerMatcher(speaker.as_known() for speaker in speakers)
    undescribed = [speaker for speaker in speakers if not speaker.description]
    by_description: dict[str, list[Speaker]] = {}
    for speaker in speakers:
        if speaker.description:
            by_description.setdefault(fold(speaker.description), []).append(speaker)
    matchers: dict[str, SpeakerMatcher] = {}

    def matcher_for(speaker: Speaker) -> SpeakerMatcher:
        if not speaker.description:
            return everyone
        key = fold(speaker.description)
        if key not in matchers:
            alike = [*undescribed, *by_description[key]]
            matchers[key] = SpeakerMatcher(other.as_known() for other in alike)
        return matchers[key]

    found, by_item = [], {}

    def add(speaker: Speaker, other: Speaker, **said) -> None:
        if alike := speaker_likeness(speaker, other, **said):
            found.append((speaker.pk, other.pk, *alike))

    for speaker in speakers:
        if speaker.wikidata_id:
            by_item.setdefault(speaker.wikidata_id, []).append(speaker)
        matcher = matcher_for(speaker)
        for spelling in speaker.as_known().spellings:
            for known in matcher.named(spelling):
                add(speaker, by_pk[known.id], same_name=True, near_miss=False)
            if speaker.kind == person:
                for known in matcher.near(spelling):
                    add(speaker, by_pk[known.id], same_name=False, near_miss=True)
    for same_item in by_item.values():
        for a in same_item:
            for b in same_item:
                if a.pk < b.pk:
                    add(a, b, same_name=False, near_miss=False)
    # The strongest reason a pair has is the one stored.
    best: dict[tuple[int, int], tuple[float, str]] = {}
    for a, b, score, reason in found:
        key = (min(a, b), max(a, b))
        if a != b and score > best.get(key, (0, ""))[0]:
            best[key] = (score, reason)
    return [(a, b, score, reason) for (a, b), (score, reason) in best.items()]


def find_all(kind: str) -> int:
    """Every pair of `kind`, for records that came in without a save of their own (an
    import's bulk insert, a generated newsroom). Claims are compared within each body
    they were made for; returns how many pairs were found."""
    Kind = PossibleDuplicate.Kind
    found: list[tuple[int, int, float, str]] = []
    stored = 0
    if kind == Kind.CLAIMS:
        claims = Claim.objects.only("text", "language", "translation", "speaker_id", "made_for_id")
        group: list[Claim] = []
        for claim in claims.order_by("made_for_id", "pk").iterator(chunk_size=5000):
            if group and claim.made_for_id != group[0].made_for_id:
                found += _claim_pairs(group)
                group = []
            group.append(claim)
            if len(found) >= 5000:
                stored += _store(kind, found)
                found = []
        found += _claim_pairs(group)
    elif kind == Kind.SPEAKERS:
        found = _speaker_pairs(
            list(Speaker.objects.only("name", "aliases", "description", "kind", "wikidata_id"))
        )
    else:
        for key, reason in (
            ("text_key", gettext_noop("the same text")),
            ("url_key", gettext_noop("the same address")),
        ):
            shared = (
                Source.objects.exclude(**{key: ""})
                .values(key)
                .annotate(count=models.Count("pk"))
                .filter(count__gt=1)
                .values(key)
            )
            groups: dict[str, list[int]] = {}
            rows = Source.objects.filter(**{f"{key}__in": shared}).values_list(key, "pk")
            for value, pk in rows:
                groups.setdefault(value, []).append(pk)
            found += [
                (a, b, 1.0, reason) for pks in groups.values() for a in pks for b in pks if a < b
            ]
    return stored + _store(kind, found)
