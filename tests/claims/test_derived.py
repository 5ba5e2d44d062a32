"""What is stored about claims' citations (claims.derived) stays what a recomputation from
scratch gives, whatever edits came before: citations added, relayed, moved and deleted,
sources redated and moved to other outlets, outlets renamed, claims edited, an import."""

import datetime
import random

import pytest

from claims.derived import store_attribution_chains, store_representatives
from claims.models import Citation, Claim, Hop
from exchange.imports import PairImporter
from sources.models import Outlet, Source
from tests.exchange.test_import import row
from tests.factories import ClaimFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
START = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def stored() -> tuple[dict, dict]:
    return (
        dict(Claim.objects.values_list("pk", "representative_id")),
        dict(Citation.objects.values_list("pk", "attribution_chain")),
    )


def from_scratch() -> tuple[dict, dict]:
    Claim.objects.update(representative=None)
    Citation.objects.update(attribution_chain="")
    store_representatives(Claim.objects.all(), Citation.objects.all())
    store_attribution_chains(Citation.objects.all(), None, Hop.objects.all())
    return stored()


def random_edits(rng: random.Random, steps: int) -> None:
    outlets = [OutletFactory() for _ in range(4)]
    sources = [
        SourceFactory(outlet=rng.choice(outlets), published_at=rng.choice([None, START]))
        for _ in range(8)
    ]
    claims = [ClaimFactory() for _ in range(6)]
    for _ in range(steps):
        action = rng.randrange(7)
        claim = rng.choice(claims)
        citations = list(claim.citations.all())
        if action <= 1:
            taken = {citation.source_id for citation in citations}
            free = [source for source in sources if source.pk not in taken]
            if free:
                via = rng.choice([None, *citations])
                Citation.objects.create(
                    claim=claim, source=rng.choice(free), quote=claim.text, via=via
                )
        elif action == 2 and citations:
            leaf = [c for c in citations if not c.relayed_by.exists()]
            if leaf:
                rng.choice(leaf).delete()
        elif action == 3:
            source = Source.objects.get(pk=rng.choice(sources).pk)
            source.published_at = rng.choice([None, START + rng.randrange(30) * DAY])
            source.save()
        elif action == 4:
            source = Source.objects.get(pk=rng.choice(sources).pk)
            source.outlet = rng.choice(outlets)
            source.save()
        elif action == 5:
            outlet = Outlet.objects.get(pk=rng.choice(outlets).pk)
            outlet.name = f"{outlet.name.split(' /')[0]} / {rng.randrange(1000)}"
            outlet.save()
        else:
            claim = Claim.objects.get(pk=claim.pk)
            claim.notes = f"edited {rng.random()}"
            claim.save()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_what_is_stored_is_what_a_recomputation_gives_after_any_edits(seed):
    random_edits(random.Random(seed), steps=120)
    assert Citation.objects.filter(via__isnull=False).exists()  # the edits made chains

    kept = stored()

    assert from_scratch() == kept


def test_the_representative_follows_a_source_redated_before_the_others():
    claim = ClaimFactory()
    early = SourceFactory(published_at=START)
    late = SourceFactory(published_at=START + 9 * DAY)
    Citation.objects.create(claim=claim, source=early, quote=claim.text)
    moved = Citation.objects.create(claim=claim, source=late, quote=claim.text)

    late.published_at = START - DAY
    late.save()

    assert Claim.objects.get(pk=claim.pk).representative == moved


def test_an_import_stores_what_represents_its_claims_and_their_chains():
    importer = PairImporter(apply=True, reason="test")
    importer.run_all([(2, row(), []), (3, row(claim_text="Another one."), [])])
    assert Claim.objects.filter(representative__isnull=False).exists()

    kept = stored()

    assert from_scratch() == kept
