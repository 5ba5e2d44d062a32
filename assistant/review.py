"""The assistant meets the database: a source's suggestions with what became of each
(cited already, dismissed), and turning one into a claim with its citations and pairs."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from assistant.models import DismissedSuggestion
from assistant.rules import KnownSpeaker, Suggestion, same_statement, suggest
from assistant.rules.lexicon import is_wire_service
from assistant.rules.text import paragraphs
from claims.models import Citation, Claim, ClaimRelation, Speaker
from sources.models import Outlet, Source

# The relayed report's language is not known from a citation of it (BCP 47: undetermined).
UNKNOWN_LANGUAGE = "und"


@dataclass
class Offer:
    """One suggestion as the researcher sees it."""

    suggestion: Suggestion
    citation: Citation | None = None  # set when the statement is already cited here
    denies: list[Suggestion] = field(default_factory=list)

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


def suggestions_for(source: Source) -> list[Suggestion]:
    if not source.body:
        return []
    return suggest(
        source.body,
        speakers=_known_speakers(),
        outlets=Outlet.objects.values_list("name", flat=True),
    )


def offers_for(source: Source) -> list[Offer]:
    """The source's suggestions, less the dismissed ones, each with its citation if the
    statement is already cited from this source. Four queries, whatever the size."""
    suggestions = suggestions_for(source)
    dismissed = set(
        DismissedSuggestion.objects.filter(source=source).values_list("start", "end", "text_hash")
    )
    citations = list(
        Citation.objects.filter(source=source, anchor_start__isnull=False)
        .select_related("claim__speaker")
        .order_by("anchor_start")
    )
    by_span = {(s.start, s.end): s for s in suggestions}
    offers = []
    for suggestion in suggestions:
        if (
            suggestion.start,
            suggestion.end,
            DismissedSuggestion.hash_of(suggestion.quote),
        ) in dismissed:
            continue
        cited = next(
            (
                citation
                for citation in citations
                if same_statement(
                    (citation.anchor_start, citation.anchor_end), (suggestion.start, suggestion.end)
                )
            ),
            None,
        )
        denied = [by_span[span] for span in suggestion.denies if span in by_span]
        offers.append(Offer(suggestion, cited, denied))
    return offers


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


def _relayed_source(*, source: Source, outlet_name: str) -> Source:
    """The report this source relays, which we know only by its outlet."""
    outlet = Outlet.objects.filter(name__iexact=outlet_name).first()
    if outlet is None:
        wire = is_wire_service(outlet_name)
        outlet = Outlet(
            name=outlet_name, kind=Outlet.Kind.WIRE_AGENCY if wire else Outlet.Kind.OTHER
        )
        outlet.full_clean()
        outlet.save()
    title = f"{outlet.name}, as cited in “{source.title}”"[:500]
    relayed = Source.objects.filter(outlet=outlet, title=title).first()
    if relayed is None:
        relayed = Source(
            title=title,
            outlet=outlet,
            kind=Source.Kind.WIRE_REPORT
            if outlet.kind == Outlet.Kind.WIRE_AGENCY
            else Source.Kind.OTHER,
            language=UNKNOWN_LANGUAGE,
            notes=f"Known only from being cited in “{source.title}”.",
        )
        relayed.full_clean()
        relayed.save()
    return relayed


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
) -> Claim:
    """Make the claim a suggestion proposes: its speaker (created if new), a verified
    citation of the exact words in this source, `via` citations of the reports it relays
    (nearest first), and the denial pairs with statements of this source already claimed."""
    claim, _ = Claim.objects.create_with_citation(
        speaker=_speaker(speaker_id=speaker_id, name=speaker_name),
        text=text,
        kind=kind,
        language=source.language,
        source=source,
        quote=source.body[start:end],
        start=start,  # the suggestion's own place: it anchors there, however often it stands
        relays=[_relayed_source(source=source, outlet_name=name) for name in relays],
    )

    # Pairs the assistant saw, made as soon as both statements are claims.
    suggestions = suggestions_for(source)
    this = next((s for s in suggestions if (s.start, s.end) == (start, end)), None)
    if this is not None:
        for span in this.denies:
            if denied := _cited_claim(source, span):
                _relate(denied, claim, "Suggested by the quote assistant.")
        for other in suggestions:
            if (start, end) in other.denies and (
                denier := _cited_claim(source, (other.start, other.end))
            ):
                _relate(claim, denier, "Suggested by the quote assistant.")
    return claim


def highlighted(body: str, offers: list[Offer]) -> list[list[tuple[str, Offer | None]]]:
    """The body as paragraphs of (text, offer) pieces: each suggested span is one piece."""
    spans = sorted(offers, key=lambda offer: offer.suggestion.start)
    result = []
    for p_start, p_end in paragraphs(body):
        pieces: list[tuple[str, Offer | None]] = []
        position = p_start
        for offer in spans:
            start, end = offer.suggestion.start, offer.suggestion.end
            if start < position or end > p_end:
                continue
            if start > position:
                pieces.append((body[position:start], None))
            pieces.append((body[start:end], offer))
            position = end
        if position < p_end:
            pieces.append((body[position:p_end], None))
        result.append(pieces)
    return result
