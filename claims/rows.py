"""What a row of the claims list or the Pairs page shows, read as plain values.

A 50-row Pairs page built from model instances created about 750 of them (relations,
claims, speakers, every citation with its source and outlet) to show a few strings per
row, and that cost more than all its queries together. Here a page's rows are read with
`values()`: the claims with their speakers in one query, each claim's first citation
(picked in SQL) with its source and outlet in another, the topics in a third, whatever
the number of rows. The list views paginate ids and hand the page's ids to these
functions, which keep that order.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Subquery

from claims.models import Citation, Claim, ClaimRelation
from config.links import record_url


@dataclass(frozen=True, slots=True)
class FirstCitation:
    """Where a claim first appeared: the earliest published source that cites it."""

    source_id: int
    source_title: str
    outlet_name: str
    verification: str

    @property
    def source_url(self) -> str:
        return record_url("sources:source-detail", self.source_id)

    @property
    def verification_label(self) -> str:
        return Citation.Verification(self.verification).label


@dataclass(frozen=True, slots=True)
class TopicLink:
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    pk: int
    text: str
    translation: str
    language: str
    kind: str
    stated_on: date | None
    speaker_id: int
    speaker_name: str
    first_citation: FirstCitation | None = None
    topics: list[TopicLink] = field(default_factory=list)

    @property
    def url(self) -> str:
        return record_url("claims:claim-detail", self.pk)

    @property
    def speaker_url(self) -> str:
        return record_url("claims:speaker-detail", self.speaker_id)

    @property
    def kind_label(self) -> str:
        return Claim.Kind(self.kind).label


@dataclass(frozen=True, slots=True)
class PairRow:
    pk: int
    kind: str
    note: str
    claim: ClaimRow
    counter: ClaimRow

    @property
    def kind_label(self) -> str:
        return ClaimRelation.Kind(self.kind).label


# The order of Citation.appearance_order: earliest publication first, undated last.
_FIRST_CITATION = Subquery(
    Citation.objects.filter(claim=OuterRef("pk"))
    .order_by(F("source__published_at").asc(nulls_last=True), "pk")
    .values("pk")[:1]
)
_CLAIM_FIELDS = (
    "pk",
    "text",
    "translation",
    "language",
    "kind",
    "stated_on",
    "speaker_id",
    "speaker__name",
)


def claim_rows(ids: Sequence[int], *, with_topics: bool = True) -> list[ClaimRow]:
    """Rows for the claims `ids`, in that order: three queries, two without topics."""
    found = (
        Claim.objects.filter(pk__in=ids)
        .annotate(first_citation_id=_FIRST_CITATION)
        .values(*_CLAIM_FIELDS, "first_citation_id")
    )
    values = {row["pk"]: row for row in found}
    firsts = _first_citations([row["first_citation_id"] for row in values.values()])
    topics = _topics(list(values)) if with_topics else {}
    return [
        ClaimRow(
            pk=row["pk"],
            text=row["text"],
            translation=row["translation"],
            language=row["language"],
            kind=row["kind"],
            stated_on=row["stated_on"],
            speaker_id=row["speaker_id"],
            speaker_name=row["speaker__name"],
            first_citation=firsts.get(row["first_citation_id"]),
            topics=topics.get(row["pk"], []),
        )
        for row in (values[pk] for pk in ids if pk in values)
    ]


def pair_rows(ids: Sequence[int]) -> list[PairRow]:
    """Rows for the relations `ids`, in that order, each with both claims: three queries."""
    found = {
        row["pk"]: row
        for row in ClaimRelation.objects.filter(pk__in=ids).values(
            "pk", "kind", "note", "claim_id", "counter_id"
        )
    }
    sides = {
        claim.pk: claim
        for claim in claim_rows(
            [pk for row in found.values() for pk in (row["claim_id"], row["counter_id"])],
            with_topics=False,
        )
    }
    return [
        PairRow(
            pk=row["pk"],
            kind=row["kind"],
            note=row["note"],
            claim=sides[row["claim_id"]],
            counter=sides[row["counter_id"]],
        )
        for row in (found[pk] for pk in ids if pk in found)
    ]


def _first_citations(ids: list[int | None]) -> dict[int, FirstCitation]:
    wanted = [pk for pk in ids if pk is not None]
    if not wanted:
        return {}
    return {
        row["pk"]: FirstCitation(
            source_id=row["source_id"],
            source_title=row["source__title"],
            outlet_name=row["source__outlet__name"],
            verification=row["verification"],
        )
        for row in Citation.objects.filter(pk__in=wanted)
        .order_by()
        .values("pk", "source_id", "source__title", "source__outlet__name", "verification")
    }


def _topics(claim_ids: list[int]) -> dict[int, list[TopicLink]]:
    if not claim_ids:
        return {}
    topics = defaultdict(list)
    links = (
        Claim.topics.through.objects.filter(claim_id__in=claim_ids)
        .order_by("topic__name")
        .values_list("claim_id", "topic__name", "topic__slug")
    )
    for claim_id, name, slug in links:
        topics[claim_id].append(TopicLink(name, record_url("claims:topic-detail", slug)))
    return topics
