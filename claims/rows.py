"""What a row of the claims list or the Pairs page shows, read as plain values.

A 50-row Pairs page built from model instances created about 750 of them (relations,
claims, speakers, every citation with its source and outlet) to show a few strings per
row, and rendering them cost more than all the page's queries together: every
`{{ claim.speaker.name }}` tries a dictionary lookup, fails, and falls back to
attributes, and every link ran `reverse()`. Here a page's rows are read with `values()`
(the claims with their speakers in one query, their citations with source and outlet
the topics in another, whatever the number of rows) and handed to the template as dictionaries with their links and dates ready, which
the template reads with its fastest lookup. Profiled on the Pairs page: 750 instances
and 300 reversed links were 23 of its 28 ms.

The list views paginate ids (`claims_page`, `pairs_page`) and the page's rows are read
for those ids, in their order.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TypedDict

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import get_language

from claims.models import Citation, Claim, ClaimRelation
from claims.workflow import Status, is_overdue
from records.links import record_urls
from records.pagination import LargeTablePaginator


class FirstCitation(TypedDict):
    """The citation that represents a claim (stored on it: `claims.derived`)."""

    source_url: str
    source_title: str
    outlet_name: str
    verification: str
    verification_label: str


class TopicLink(TypedDict):
    name: str
    url: str


class ClaimRow(TypedDict):
    pk: int
    url: str
    text: str
    translation: str
    language: str
    kind_label: str
    stated_on: str  # "2024-10-24", or "" when the date is not known
    stated_on_text: str  # "24 Oct 2024", as `date:"SHORT_DATE_FORMAT"` writes it
    speaker_name: str
    speaker_url: str
    first_citation: FirstCitation | None
    topics: list[TopicLink]
    work: "Work"


class Work(TypedDict):
    """Where the claim is in the newsroom's work (claims.workflow)."""

    status: str
    status_label: str
    assignee_id: int | None
    assignee_name: str  # "" when nobody has taken it
    due_on: str  # "2024-10-24" or ""
    due_on_text: str
    overdue: bool
    version: int  # what a one-click assignment from a list sends back


class PairRow(TypedDict):
    pk: int
    kind: str
    kind_label: str
    note: str
    claim: ClaimRow
    counter: ClaimRow


_CLAIM_FIELDS = (
    "pk",
    "text",
    "translation",
    "language",
    "kind",
    "stated_on",
    "speaker_id",
    "speaker__name",
    "representative__source_id",
    "representative__source__title",
    "representative__source__outlet__name",
    "representative__verification",
    "status",
    "assignee_id",
    "assignee__username",
    "due_on",
    "version",
)
_CLAIM_KINDS = dict(Claim.Kind.choices)
_RELATION_KINDS = dict(ClaimRelation.Kind.choices)
_VERIFICATIONS = dict(Citation.Verification.choices)
_STATUSES = dict(Status.choices)


def claims_page(claims: QuerySet, number, per_page: int) -> Page:
    """Page `number` of `claims` (any filter or order), its rows as ClaimRow."""
    page = LargeTablePaginator(claims.values_list("pk", flat=True), per_page).get_page(number)
    page.object_list = claim_rows(list(page.object_list))
    return page


def pairs_page(pairs: QuerySet, number, per_page: int) -> Page:
    """Page `number` of `pairs` (any filter or order), its rows as PairRow."""
    page = LargeTablePaginator(pairs.values_list("pk", flat=True), per_page).get_page(number)
    page.object_list = pair_rows(list(page.object_list))
    return page


def claim_rows(ids: Sequence[int], *, with_topics: bool = True) -> list[ClaimRow]:
    """Rows for the claims `ids`, in that order: two queries, one without topics."""
    found = {
        row["pk"]: row for row in Claim.objects.filter(pk__in=ids).order_by().values(*_CLAIM_FIELDS)
    }
    topics = _topics(list(found)) if with_topics else {}
    claim_url = record_urls("claims:claim-detail")
    speaker_url = record_urls("claims:speaker-detail")
    source_url = record_urls("sources:source-detail")
    return [
        ClaimRow(
            pk=row["pk"],
            url=claim_url(row["pk"]),
            text=row["text"],
            translation=row["translation"],
            language=row["language"],
            kind_label=_CLAIM_KINDS[row["kind"]],
            stated_on=_iso(row["stated_on"]),
            stated_on_text=_day_text(row["stated_on"], get_language()),
            speaker_name=row["speaker__name"],
            speaker_url=speaker_url(row["speaker_id"]),
            first_citation=_first_citation(row, source_url),
            topics=topics.get(row["pk"], []),
            work=_work(row),
        )
        for row in (found[pk] for pk in ids if pk in found)
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
        claim["pk"]: claim
        for claim in claim_rows(
            [pk for row in found.values() for pk in (row["claim_id"], row["counter_id"])],
            with_topics=False,
        )
    }
    return [
        PairRow(
            pk=row["pk"],
            kind=row["kind"],
            kind_label=_RELATION_KINDS[row["kind"]],
            note=row["note"],
            claim=sides[row["claim_id"]],
            counter=sides[row["counter_id"]],
        )
        for row in (found[pk] for pk in ids if pk in found)
    ]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@lru_cache(maxsize=4096)
def _day_text(day: date | None, language: str) -> str:
    """ "24 Oct 2024" in the active language, as the `date:"SHORT_DATE_FORMAT"` filter writes it;
    remembered, since a page's claims were mostly made on a few days."""
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def _first_citation(row: dict, source_url) -> FirstCitation | None:
    if row["representative__source_id"] is None:
        return None
    return FirstCitation(
        source_url=source_url(row["representative__source_id"]),
        source_title=row["representative__source__title"],
        outlet_name=row["representative__source__outlet__name"],
        verification=row["representative__verification"],
        verification_label=_VERIFICATIONS[row["representative__verification"]],
    )


def _work(row: dict) -> Work:
    return Work(
        status=row["status"],
        status_label=_STATUSES[row["status"]],
        assignee_id=row["assignee_id"],
        assignee_name=row["assignee__username"] or "",
        due_on=_iso(row["due_on"]),
        due_on_text=_day_text(row["due_on"], get_language()),
        overdue=is_overdue(row["status"], row["due_on"]),
        version=row["version"],
    )


def _topics(claim_ids: list[int]) -> dict[int, list[TopicLink]]:
    if not claim_ids:
        return {}
    topic_url = record_urls("claims:topic-detail")
    topics = defaultdict(list)
    links = (
        Claim.topics.through.objects.filter(claim_id__in=claim_ids)
        .order_by("topic__name")
        .values_list("claim_id", "topic__name", "topic__slug")
    )
    for claim_id, name, slug in links:
        topics[claim_id].append(TopicLink(name=name, url=topic_url(slug)))
    return topics
