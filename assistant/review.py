"""The assistant meets the database: a source's suggestions with what became of each
(cited already, dismissed), and turning one into a claim with its citations and pairs."""

import datetime
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from django.db import transaction
from django.db.models import Q

from assistant.cache import cached
from assistant.models import DismissedSuggestion
from assistant.rules import KnownSpeaker, Suggestion, same_statement, suggest
from assistant.rules.disputes import content_words, shared_words
from assistant.rules.lexicon import LANGUAGES, Language
from assistant.rules.text import paragraphs
from claims.duplicates import Ask, Likeness, Wording, similar_claims_each
from claims.models import Citation, Claim, ClaimRelation, Hop, Speaker
from sources.models import Outlet, Source

PAIR_NOTE = "Suggested by the quote assistant."
# Recorded claims looked at for a denial's pair: the newest of the speakers it names.
RECORDED_CANDIDATES = 200


@dataclass
class Offer:
    """One suggestion as the researcher sees it."""

    suggestion: Suggestion
    citation: Citation | None = None  # set when the statement is already cited here
    denies: list[Suggestion] = field(default_factory=list)
    # A claim already recorded (from another source) that this denial answers.
    denies_recorded: Claim | None = None
    # Claims already recorded that this statement may be (claims.duplicates): the
    # researcher may add the passage to one of them instead of making a new claim.
    duplicates: list[Likeness] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.suggestion.key

    @property
    def is_open(self) -> bool:
        return self.citation is None


def _known_speakers() -> list[KnownSpeaker]:
    return [
        speaker.as_known()
        for speaker in Speaker.objects.only("name", "aliases", "description").order_by("pk")
    ]


def published_on(source: Source) -> datetime.date | None:
    return source.published_at.date() if source.published_at else None


# What the assistant reads at most; past either, the page says so and suggests nothing.
# A long report is 20 000 words, about 130 000 characters; an article quoting heavily
# holds a few hundred quotation marks.
MAX_BODY_CHARS = 200_000
MAX_QUOTATION_MARKS = 4_000
QUOTATION_MARKS = '"“”„«»‹›「」『』'


def refusal(body: str) -> str:
    """Why the assistant does not read this text, or "" when it does."""
    if len(body) > MAX_BODY_CHARS:
        return (
            f"This text is {len(body):,} characters long, and the assistant reads texts of "
            f"up to {MAX_BODY_CHARS:,}. Add its claims by selecting passages in the reader."
        )
    marks = sum(map(body.count, QUOTATION_MARKS))
    if marks > MAX_QUOTATION_MARKS:
        return (
            f"This text holds {marks:,} quotation marks, and the assistant reads texts of "
            f"up to {MAX_QUOTATION_MARKS:,}. Add its claims by selecting passages in the reader."
        )
    return ""


def suggestions_for(source: Source) -> list[Suggestion]:
    """The text's suggestions, computed once per version of it (assistant.cache)."""
    if not source.body or refusal(source.body):
        return []
    return cached(
        source,
        lambda: suggest(
            source.body,
            speakers=_known_speakers(),
            outlets=Outlet.objects.values_list("name", flat=True),
            language=source.language,
            publisher=source.outlet.name if source.outlet_id else None,
            published=published_on(source),
        ),
    )


def _dismissed_passages(source: Source) -> set[str]:
    """The passages dismissed in this source, by the hash of their words: a dismissal
    holds wherever the same words stand after the text is edited around them."""
    return set(
        DismissedSuggestion.objects.filter(source=source).values_list("text_hash", flat=True)
    )


def offers_for(source: Source) -> list[Offer]:
    """The source's suggestions, most confident first, less the dismissed ones, each with
    its citation if the statement is already cited from this source, the suggestions it
    denies and, for a denial that answers nothing in this text, the recorded claim it
    answers, and the recorded claims it may duplicate. Seven queries, whatever the size."""
    suggestions = suggestions_for(source)
    dismissed = _dismissed_passages(source)
    citations = list(
        Citation.objects.filter(source=source, anchor_start__isnull=False)
        .select_related("claim__speaker")
        .order_by("anchor_start")
    )
    by_span = {(s.start, s.end): s for s in suggestions}
    starts = [citation.anchor_start for citation in citations]
    longest = max((c.anchor_end - c.anchor_start for c in citations), default=0)
    offers = []
    for suggestion in suggestions:
        if DismissedSuggestion.hash_of(suggestion.quote) in dismissed:
            continue
        # Only citations that start near the passage can mark the same statement.
        near = citations[
            bisect_left(starts, suggestion.start - longest) : bisect_left(starts, suggestion.end)
        ]
        cited = next(
            (
                citation
                for citation in near
                if same_statement(
                    (citation.anchor_start, citation.anchor_end), (suggestion.start, suggestion.end)
                )
            ),
            None,
        )
        denied = [by_span[span] for span in suggestion.denies if span in by_span]
        offers.append(Offer(suggestion, cited, denied))
    _pair_with_recorded(source, offers)
    _warn_of_duplicates(source, offers)
    offers.sort(key=lambda offer: (-offer.suggestion.confidence, offer.suggestion.start))
    return offers


def _pair_with_recorded(source: Source, offers: list[Offer]) -> None:
    """A denial that answers nothing in this text answers a recorded claim by a speaker it
    names (China's denial in a new article, the US allegation already recorded): the one
    sharing most of its words, the newest between equals. One query for all of them."""
    answering = [
        offer
        for offer in offers
        if offer.is_open
        and offer.suggestion.denial
        and not offer.denies
        and offer.suggestion.mentions
    ]
    named = {speaker for offer in answering for speaker in offer.suggestion.mentions}
    if not named:
        return
    recorded = list(
        Claim.objects.said_by(named)
        .exclude(citations__source=source)
        .select_related("speaker")
        .order_by("-pk")[:RECORDED_CANDIDATES]
    )
    language = LANGUAGES.get(source.language.split("-")[0], LANGUAGES["en"])
    for offer in answering:
        suggestion = offer.suggestion
        own = suggestion.speaker.id if suggestion.speaker else None
        vocabulary = _content_words(suggestion.text, language)
        best, best_score = None, 0
        for claim in recorded:
            if claim.speaker_id not in suggestion.mentions or claim.speaker_id == own:
                continue
            score = 1 + shared_words(vocabulary, _content_words(claim.text, language))
            if score > best_score:
                best, best_score = claim, score
        offer.denies_recorded = best


# Warnings shown on one suggestion: the closest few are what a researcher checks.
DUPLICATES_SHOWN = 3


def _warn_of_duplicates(source: Source, offers: list[Offer]) -> None:
    """Each open suggestion by a known speaker, looked up among the claims recorded from
    any source (two queries for all of them)."""
    asking = [
        offer
        for offer in offers
        if offer.is_open and offer.suggestion.speaker and not offer.suggestion.speaker.is_new
    ]
    asks = [
        Ask(
            offer.suggestion.speaker.id,
            Wording(offer.suggestion.text, source.language),
            offer.suggestion.stated_on,
        )
        for offer in asking
    ]
    for offer, found in zip(asking, similar_claims_each(asks), strict=True):
        offer.duplicates = found[:DUPLICATES_SHOWN]


def add_passage(*, source: Source, start: int, end: int, claim: Claim, relays=()) -> Citation:
    """The suggestion's words as one more passage of a claim already recorded (the
    warning's "add it instead"), not as a new claim."""
    return claim.add_passage(
        source=source,
        quote=source.body[start:end],
        start=start,
        relays=[Hop.named(name) for name in relays],
    )


def _content_words(text: str, language: Language) -> set[str]:
    return content_words(text, 0, len(text), language)


def find(source: Source, start: int, end: int) -> Suggestion | None:
    return next(
        (s for s in suggestions_for(source) if (s.start, s.end) == (start, end)),
        None,
    )


@transaction.atomic
def dismiss(*, source: Source, start: int, end: int, user) -> DismissedSuggestion:
    text_hash = DismissedSuggestion.hash_of(source.body[start:end])
    dismissal, _ = DismissedSuggestion.objects.get_or_create(
        source=source,
        start=start,
        end=end,
        text_hash=text_hash,
        defaults={"dismissed_by": user if user.is_authenticated else None},
    )
    return dismissal


def _speaker(*, speaker_id: int | None, name: str) -> Speaker:
    """The chosen speaker: the suggested one if the name is still one of theirs, else the
    speaker the name means (`claims.matching`), else a new speaker of this name."""
    existing = Speaker.objects.matching(name, hint=speaker_id)
    if existing:
        return existing
    speaker = Speaker(name=name)
    speaker.full_clean()
    speaker.save()
    return speaker


def _cited_claim(source: Source, span: tuple[int, int]) -> Claim | None:
    for citation in Citation.objects.filter(source=source, anchor_start__isnull=False).only(
        "claim_id", "anchor_start", "anchor_end"
    ):
        if same_statement((citation.anchor_start, citation.anchor_end), span):
            return Claim.objects.get(pk=citation.claim_id)
    return None


def _relate(claim: Claim, counter: Claim, note: str) -> None:
    exists = ClaimRelation.objects.filter(
        Q(claim=claim, counter=counter) | Q(claim=counter, counter=claim)
    ).exists()
    if not exists and claim.pk != counter.pk:
        relation = ClaimRelation(
            claim=claim, counter=counter, kind=ClaimRelation.Kind.DENIES, note=note
        )
        relation.full_clean()
        relation.save()


@transaction.atomic
def accept(
    *,
    source: Source,
    start: int,
    end: int,
    text: str,
    kind: str,
    speaker_name: str,
    speaker_id: int | None = None,
    relays: list[str] = (),
    stated_on: datetime.date | None = None,
    denies_claim: int | None = None,
) -> Claim:
    """Make the claim a suggestion proposes: its speaker (created if new), a verified
    citation of the exact words in this source with the hops it was relayed through
    (nearest first), the denial pairs with statements of this source already claimed,
    and with the recorded claim `denies_claim` it answers."""
    claim, _ = Claim.objects.create_with_citation(
        speaker=_speaker(speaker_id=speaker_id, name=speaker_name),
        text=text,
        kind=kind,
        language=source.language,
        source=source,
        quote=source.body[start:end],
        start=start,  # the suggestion's own place: it anchors there, however often it stands
        stated_on=stated_on,
        relays=[Hop.named(name) for name in relays],
    )

    # Pairs the assistant saw, made as soon as both statements are claims.
    suggestions = suggestions_for(source)
    this = next((s for s in suggestions if (s.start, s.end) == (start, end)), None)
    if this is not None:
        for span in this.denies:
            if denied := _cited_claim(source, span):
                _relate(denied, claim, PAIR_NOTE)
        for other in suggestions:
            if (start, end) in other.denies and (
                denier := _cited_claim(source, (other.start, other.end))
            ):
                _relate(claim, denier, PAIR_NOTE)
    if denies_claim is not None and (recorded := Claim.objects.filter(pk=denies_claim).first()):
        _relate(recorded, claim, PAIR_NOTE)
    return claim


def accept_all(*, source: Source, threshold: float) -> list[Claim]:
    """Accept, as suggested, every open suggestion with a speaker whose confidence is at
    least `threshold`, most confident first; all of them or none."""
    with transaction.atomic():
        claims = []
        for offer in offers_for(source):
            suggestion = offer.suggestion
            if not offer.is_open or suggestion.speaker is None:
                continue
            if suggestion.confidence < threshold:
                continue
            claims.append(
                accept(
                    source=source,
                    start=suggestion.start,
                    end=suggestion.end,
                    text=suggestion.text,
                    kind=suggestion.kind,
                    speaker_name=suggestion.speaker.name,
                    speaker_id=suggestion.speaker.id,
                    relays=list(suggestion.relays),
                    stated_on=suggestion.stated_on,
                    denies_claim=offer.denies_recorded.pk if offer.denies_recorded else None,
                )
            )
        return claims


@dataclass
class Piece:
    """A stretch of the text as the reader shows it: plain, or part of a suggestion's
    passage (`offer`), or its cue (`cue`); `first` marks where a passage starts."""

    text: str
    offer: Offer | None = None
    cue: bool = False
    first: bool = False


def highlighted(body: str, offers: list[Offer]) -> list[list[Piece]]:
    """The body as paragraphs of pieces: each suggested passage marked, and the cue of
    each open one. Passages never overlap; a cue may stand inside its passage or by it."""
    passages = sorted(offers, key=lambda offer: offer.suggestion.start)
    starts = [offer.suggestion.start for offer in passages]
    cues = sorted(
        (o.suggestion.cue_start, o.suggestion.cue_end)
        for o in offers
        if o.suggestion.cue_start is not None and o.is_open
    )
    cue_starts = [start for start, _ in cues]
    result = []
    for p_start, p_end in paragraphs(body):
        first = max(0, bisect_right(starts, p_start) - 1)
        here = [
            o for o in passages[first : bisect_left(starts, p_end)] if o.suggestion.end > p_start
        ]
        near = cues[max(0, bisect_right(cue_starts, p_start) - 1) : bisect_left(cue_starts, p_end)]
        near = [(start, end) for start, end in near if end > p_start]
        cuts = {p_start, p_end}
        for offer in here:
            cuts |= {max(offer.suggestion.start, p_start), min(offer.suggestion.end, p_end)}
        for start, end in near:
            cuts |= {max(start, p_start), min(end, p_end)}
        ordered = sorted(cuts)
        pieces = []
        for left, right in pairwise(ordered):
            offer = next(
                (o for o in here if o.suggestion.start <= left and right <= o.suggestion.end),
                None,
            )
            is_cue = any(start <= left and right <= end for start, end in near)
            starts_here = offer is not None and offer.suggestion.start == left
            pieces.append(Piece(body[left:right], offer, is_cue, starts_here))
        result.append(pieces)
    return result
