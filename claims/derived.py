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

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from django.db.models import Case, Count, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from claims.speaking import body_spoken_for

CHAIN_SEPARATOR = " ← "
JOINT_SEPARATOR = "; "
VERIFIED = ["verified", "verified_normalised"]  # Citation.Verification's found-in-text codes
BATCH_SIZE = 2000


def appearance_order() -> list:
    """The order a claim's citations appeared in: earliest publication first, undated
    last; within one source, in the order of its text; then the first entered."""
    return [
        F("source__published_at").asc(nulls_last=True),
        "source_id",
        F("anchor_start").asc(nulls_last=True),
        "pk",
    ]


def representative_order() -> list:
    """Which citation represents a claim, unless a researcher pinned one: the earliest
    appearance we hold whose quote verified, else the earliest appearance."""
    verified = Case(When(verification__in=VERIFIED, then=Value(0)), default=Value(1))
    return [verified, *appearance_order()]


def store_representatives(claims: QuerySet, citations: QuerySet) -> int:
    """Store, for each of `claims`, the citation that represents it (the pinned one, else
    by `representative_order`) and how many passages cite it. `citations` is the citation
    model's queryset (a migration's historical one, too, which may predate pinning)."""
    theirs = citations.filter(claim=OuterRef("pk"))
    chosen = Subquery(theirs.order_by(*representative_order()).values("pk")[:1])
    fields = {field.name for field in claims.model._meta.get_fields()}
    stored = {"representative": chosen}
    if "pinned_citation" in fields:
        stored["representative"] = Coalesce(F("pinned_citation"), chosen)
    if "passage_count" in fields:
        counted = theirs.order_by().values("claim").annotate(total=Count("pk")).values("total")
        stored["passage_count"] = Coalesce(Subquery(counted), 0)
    return claims.update(**stored)


def chosen_representatives(citations: QuerySet) -> dict[int, tuple[int, int]]:
    """{claim: (the citation that represents it, how many passages cite it)} among
    `citations`, by `representative_order`, for claims none of which is pinned: what
    `store_representatives` would store for claims whose citations these all are (new
    claims of a bulk insert, their citations written first). PostgreSQL only."""
    counts = dict(
        citations.order_by().values("claim_id").annotate(n=Count("pk")).values_list("claim_id", "n")
    )
    first = citations.order_by("claim_id", *representative_order()).distinct("claim_id")
    return {claim: (pk, counts[claim]) for claim, pk in first.values_list("claim_id", "pk")}


def chosen_representatives_among(
    citations: Collection, every_citation: QuerySet
) -> dict[int, tuple[int, int]]:
    """`chosen_representatives` for new claims whose citations are all `citations` (saved,
    in memory; `every_citation` the table's): a claim cited once is represented by that
    citation whatever the order, so only the claims cited more than once are asked of
    the database (none, mostly)."""
    passages = Counter(citation.claim_id for citation in citations)
    chosen = {
        citation.claim_id: (citation.pk, 1)
        for citation in citations
        if passages[citation.claim_id] == 1
    }
    if several := {claim for claim, count in passages.items() if count > 1}:
        chosen.update(chosen_representatives(every_citation.filter(claim_id__in=several)))
    return chosen


def store_voices(claims: QuerySet, edges: list, joint: QuerySet) -> int:
    """Store, for each of `claims`, the body it was made for (`claims.speaking`, on the day
    it was stated) and its joint speakers' names; `edges` are the roles that speak for a
    body, `joint` the joint speakers' through table. Returns how many changed."""
    names = defaultdict(list)
    rows = joint.filter(claim__in=claims.values("pk")).order_by("claim_id", "speaker__name", "pk")
    for claim_id, name in rows.values_list("claim_id", "speaker__name"):
        names[claim_id].append(name)
    changed = []
    found = claims.values_list("pk", "speaker_id", "stated_on", "made_for_id", "joint_names")
    for pk, speaker, day, made_for, joint_names in found.iterator(chunk_size=BATCH_SIZE):
        body = body_spoken_for(speaker, day, edges)
        names_now = JOINT_SEPARATOR.join(names.get(pk, ()))
        if (body, names_now) != (made_for, joint_names):
            changed.append(claims.model(pk=pk, made_for_id=body, joint_names=names_now))
    claims.model._base_manager.bulk_update(
        changed, ["made_for", "joint_names"], batch_size=BATCH_SIZE
    )
    return len(changed)


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
    citations: Iterable[tuple[int, int, int | None, tuple[str, ...]]],
) -> Iterator[tuple[int, str]]:
    """(citation, its attribution chain) for each of `citations`, given as (id, claim id,
    `via` id, its links) and grouped by claim. A citation's links are its source's outlet
    and its hops, nearest first; its chain is its links, then those of the citation it
    relays, and so on (a chain never leaves its claim)."""
    for _, group in groupby(citations, key=itemgetter(1)):
        siblings = {pk: (via_id, links) for pk, _, via_id, links in group}

        def via(link: int, siblings: dict = siblings) -> int | None:
            return siblings[link][0] if link in siblings else None

        for pk in siblings:
            path = walk_chain(pk, via, key=int)
            yield pk, chain_label(name for link in path for name in siblings[link][1])


def store_attribution_chains(
    citations: QuerySet, claim_ids: Collection[int] | None, hops: QuerySet | None = None
) -> int:
    """Store the attribution chain of every citation of the claims `claim_ids` (all claims
    when None); `citations` and `hops` are those models' querysets (no `hops` before they
    existed). Returns how many changed."""
    if claim_ids is not None:
        citations = citations.filter(claim_id__in=claim_ids)
    hop_labels = defaultdict(list)
    if hops is not None:
        if claim_ids is not None:
            hops = hops.filter(citation__claim_id__in=claim_ids)
        for citation_id, name, outlet in hops.order_by("citation_id", "position").values_list(
            "citation_id", "name", "outlet__name"
        ):
            hop_labels[citation_id].append(outlet or name)
    rows = citations.order_by("claim_id").values_list(
        "pk", "claim_id", "via_id", "source__outlet__name", "attribution_chain"
    )
    stored = {}

    def remembering() -> Iterator[tuple[int, int, int | None, tuple[str, ...]]]:
        for pk, claim_id, via_id, outlet, chain in rows.iterator(chunk_size=BATCH_SIZE):
            stored[pk] = chain
            yield pk, claim_id, via_id, (outlet, *hop_labels.get(pk, ()))

    changed = [
        citations.model(pk=pk, attribution_chain=label)
        for pk, label in attribution_chains(remembering())
        if stored[pk] != label
    ]
    citations.model._base_manager.bulk_update(changed, ["attribution_chain"], batch_size=BATCH_SIZE)
    return len(changed)
