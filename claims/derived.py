"""What is stored about a claim's citations so that every list, export and feed reads it
instead of working it out again: which citation represents the claim, and each citation's
attribution chain as one line of outlets.

Each rule is defined here once. `claims.receivers` keeps the stored values current in the
transaction of every change that affects them (a citation saved or deleted, a source's
date or outlet changed, an outlet renamed), the import's bulk path calls
`refresh_claims` itself, and migrations call these same functions with their
historical models. A test on generated data recomputes both from scratch and finds no
difference (tests/claims/test_derived.py).
"""

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from django.db.models import F, OuterRef, QuerySet, Subquery

CHAIN_SEPARATOR = " ← "
BATCH_SIZE = 2000


def appearance_order() -> list:
    """The order a claim's citations appeared in: earliest publication first, undated
    last, then the first entered."""
    return [F("source__published_at").asc(nulls_last=True), "pk"]


def store_representatives(claims: QuerySet, citations: QuerySet) -> int:
    """Store, for each of `claims`, the citation that represents it: its earliest
    appearance (`appearance_order`). `citations` is the citation model's queryset."""
    first = citations.filter(claim=OuterRef("pk")).order_by(*appearance_order()).values("pk")[:1]
    return claims.update(representative=Subquery(first))


def walk_chain[T](
    start: T, via: Callable[[T], T | None], key: Callable[[T], Hashable] = id
) -> list[T]:
    """`start`, then what it relays (`via`), and so on to the original; a loop stops at
    the first link met twice (links are told apart by `key`)."""
    chain, seen, current = [], set(), start
    while current is not None and key(current) not in seen:
        chain.append(current)
        seen.add(key(current))
        current = via(current)
    return chain


def chain_label(outlets: Iterable[str]) -> str:
    """The relay path as one line: "Kontan ← Reuters ← Russian MoD (Telegram)"."""
    return CHAIN_SEPARATOR.join(outlets)


def attribution_chains(
    citations: Iterable[tuple[int, int, int | None, str]],
) -> Iterator[tuple[int, str]]:
    """(citation, its attribution chain) for each of `citations`, given as (id, claim id,
    `via` id, its source's outlet name) and grouped by claim: a chain never leaves its
    claim."""
    for _, group in groupby(citations, key=itemgetter(1)):
        siblings = {pk: (via_id, outlet) for pk, _, via_id, outlet in group}

        def via(link: int, siblings: dict = siblings) -> int | None:
            return siblings[link][0] if link in siblings else None

        for pk in siblings:
            path = walk_chain(pk, via, key=int)
            yield pk, chain_label(siblings[link][1] for link in path if link in siblings)


def store_attribution_chains(citations: QuerySet, claim_ids: Collection[int] | None) -> int:
    """Store the attribution chain of every citation of the claims `claim_ids` (all claims
    when None); `citations` is the citation model's queryset. Returns how many changed."""
    if claim_ids is not None:
        citations = citations.filter(claim_id__in=claim_ids)
    rows = citations.order_by("claim_id").values_list(
        "pk", "claim_id", "via_id", "source__outlet__name", "attribution_chain"
    )
    stored = {}

    def remembering() -> Iterator[tuple[int, int, int | None, str]]:
        for pk, claim_id, via_id, outlet, chain in rows.iterator(chunk_size=BATCH_SIZE):
            stored[pk] = chain
            yield pk, claim_id, via_id, outlet

    changed = [
        citations.model(pk=pk, attribution_chain=label)
        for pk, label in attribution_chains(remembering())
        if stored[pk] != label
    ]
    citations.model._base_manager.bulk_update(changed, ["attribution_chain"], batch_size=BATCH_SIZE)
    return len(changed)
