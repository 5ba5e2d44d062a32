"""Many rows at once, for tests that pin query counts at two sizes.

Bulk inserts skip save(), so no history and no quote anchoring: these rows exist only to
be listed, fast enough on PostgreSQL that pinning at 200 rows costs seconds, not minutes.
"""

from claims.models import Citation, Claim, ClaimRelation
from tests.factories import OutletFactory, SourceFactory, SpeakerFactory, TopicFactory


def many_claims(count: int, *, cited: bool = True, topic=None) -> list[Claim]:
    speaker = SpeakerFactory()
    claims = Claim.objects.bulk_create(
        Claim(speaker=speaker, text=f"Statement about trade number {n}.", language="en")
        for n in range(count)
    )
    topic = topic or TopicFactory()
    Claim.topics.through.objects.bulk_create(
        Claim.topics.through(claim=claim, topic=topic) for claim in claims
    )
    if cited:
        source = SourceFactory()
        Citation.objects.bulk_create(
            Citation(claim=claim, source=source, quote=claim.text) for claim in claims
        )
    return claims


def many_citations(claim: Claim, count: int) -> list[Citation]:
    """`count` citations of one claim, each from its own source; all but the first relay
    the first."""
    outlet = OutletFactory()
    sources = SourceFactory._meta.model.objects.bulk_create(
        SourceFactory.build(outlet=outlet, title=f"Report {n}") for n in range(count)
    )
    first = Citation.objects.create(claim=claim, source=sources[0], quote="Words.")
    relays = Citation.objects.bulk_create(
        Citation(claim=claim, source=source, quote="Words.", via=first) for source in sources[1:]
    )
    return [first, *relays]


def many_pairs(count: int) -> list[ClaimRelation]:
    claims = many_claims(2 * count)
    return ClaimRelation.objects.bulk_create(
        ClaimRelation(claim=claims[2 * n], counter=claims[2 * n + 1], kind="denies")
        for n in range(count)
    )
