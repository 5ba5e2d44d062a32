"""Merging two records that are one, and undoing it: every row back, the history kept."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from claims import merging
from claims.models import (
    Assessment,
    Citation,
    Claim,
    ClaimRelation,
    Hop,
    Merge,
    PossibleDuplicate,
    Role,
    Speaker,
)
from exchange.export import stream_pairs_csv
from sources.models import Source
from tests.factories import ClaimFactory, SourceFactory, SpeakerFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "China says it does not provide weapons to any party. Later the ministry repeated: "
    "we do not provide weapons to any party. The US says China supplies dual-use goods."
)


def snapshot() -> dict:
    """Every row of what a merge touches, stored fields and links, without the bookkeeping
    a save moves on (version, updated_at)."""
    skipped = {"version", "updated_at", "search_vector"}
    tables = {}
    for model in (Claim, Citation, Hop, ClaimRelation, Assessment, Speaker, Role, Source):
        names = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values(*[n for n in names if n not in skipped])
        tables[model.__name__] = list(rows)
    for through in (Claim.topics.through, Claim.joint_speakers.through):
        links = through.objects.values_list(*[f.attname for f in through._meta.concrete_fields][1:])
        tables[through.__name__] = sorted(links)
    return tables


def differences(before: dict, after: dict) -> list:
    """What differs between two snapshots, row by row: empty when they are the same."""
    found = []
    for table, rows in before.items():
        if len(rows) != len(after[table]):
            found.append((table, f"{len(rows)} rows before, {len(after[table])} after"))
            continue
        for old, new in zip(rows, after[table], strict=True):
            if old != new:
                keys = old if isinstance(old, dict) else range(len(old))
                found.append((table, {k: (old[k], new[k]) for k in keys if old[k] != new[k]}))
    return found


def pairs_csv() -> list[dict[str, str]]:
    content = b"".join(stream_pairs_csv(use_copy=False)).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content, newline="")))


@pytest.fixture
def two_of_one():
    """China's denial recorded twice from one article (two passages) with relations, a
    verdict and topics, and the US allegation both answer."""
    china = SpeakerFactory(name="China", kind="government")
    source = SourceFactory(body=BODY, dated=True)
    kept, _ = Claim.objects.create_with_citation(
        speaker=china,
        text="China does not provide weapons to any party.",
        language="en",
        source=source,
        quote="China says it does not provide weapons to any party.",
        topics=[TopicFactory(name="Weapons")],
    )
    merged, passage = Claim.objects.create_with_citation(
        speaker=china,
        text="China does not provide weapons to anyone.",
        language="en",
        source=source,
        quote="we do not provide weapons to any party",
        topics=[TopicFactory(name="Trade")],
        relays=[Hop.named("Ministry briefing")],
    )
    # The same passage as the kept claim's: it cannot move (one citation a passage).
    same = merged.add_passage(
        source=source, quote="China says it does not provide weapons to any party."
    )
    us, _ = Claim.objects.create_with_citation(
        speaker=SpeakerFactory(name="United States", kind="government"),
        text="China supplies dual-use goods.",
        language="en",
        source=source,
        quote="The US says China supplies dual-use goods.",
    )
    ClaimRelation.objects.create(claim=us, counter=kept, kind="denies")
    ClaimRelation.objects.create(claim=us, counter=merged, kind="denies")  # twice: dropped
    ClaimRelation.objects.create(claim=kept, counter=merged, kind="restates")  # itself: dropped
    Assessment.objects.create(
        claim=merged, rating="accurate", explanation="Checked.", assessed_by=UserFactory()
    )
    pair = PossibleDuplicate.objects.create(
        kind="claims", first_id=kept.pk, second_id=merged.pk, score=0.8, reason="alike wording"
    )
    return kept, merged, passage, same, us, pair


def test_the_preview_says_what_moves_and_what_is_dropped_and_why(two_of_one):
    kept, merged, passage, same, us, _pair = two_of_one
    plan = merging.preview("claims", kept, merged)
    assert plan.moves["citations"] == [passage]
    assert plan.moves["verdicts"] == [merged.assessment]
    reasons = {record.pk: why for record, why in plan.drops if isinstance(record, ClaimRelation)}
    assert sorted(reasons.values()) == [
        f"#{kept.pk} is already related to #{us.pk}",
        "it would relate the claim to itself",
    ]
    assert (same, f"#{kept.pk} already cites this passage") in plan.drops
    assert [topic.name for topic in plan.gains["topics"]] == ["Trade"]


def test_merge_then_unmerge_puts_every_row_back_and_keeps_the_history(two_of_one):
    kept, merged, passage, _same, _us, _pair = two_of_one
    user = UserFactory()
    before = snapshot()

    record = merging.merge("claims", kept, merged, by=user)
    assert not Claim.objects.filter(pk=merged.pk).exists()
    passage.refresh_from_db()
    assert passage.claim_id == kept.pk and list(passage.hops.values_list("name", flat=True)) == [
        "Ministry briefing"
    ]
    assert Assessment.objects.get().claim_id == kept.pk
    assert sorted(kept.topics.values_list("name", flat=True)) == ["Trade", "Weapons"]
    assert not PossibleDuplicate.objects.exists()
    # The export names no claim that is gone.
    ids = {str(pk) for pk in Claim.objects.values_list("pk", flat=True)}
    rows = pairs_csv()
    assert rows and all({row["claim_id"], row["counter_id"]} <= ids for row in rows)
    assert Claim.history.filter(id=merged.pk, history_type="-").get().history_change_reason == (
        f"Merged #{merged.pk} into #{kept.pk}"
    )

    assert merging.unmerge(record, by=user) == []
    assert differences(before, snapshot()) == []
    record.refresh_from_db()
    assert record.undone_by == user
    reasons = Claim.history.filter(id=merged.pk).values_list("history_change_reason", flat=True)
    assert f"Unmerged #{merged.pk} from #{kept.pk}" in list(reasons)
    with pytest.raises(ValidationError, match="already been undone"):
        merging.unmerge(record, by=user)


def test_merging_speakers_moves_their_claims_roles_and_names_and_unmerging_undoes_it():
    kept = SpeakerFactory(name="Sergei Lavrov", description="Minister of Foreign Affairs")
    merged = SpeakerFactory(name="Lavrov", aliases="Sergey Lavrov", wikidata_id="Q178506")
    russia = SpeakerFactory(name="Russia", kind="government")
    claim = ClaimFactory(speaker=merged, text="The reports are junk.")
    joint = ClaimFactory(speaker=russia, text="Russia and Lavrov agree.")
    joint.joint_speakers.add(merged)
    already = ClaimFactory(speaker=kept, text="Lavrov and Lavrov, says the typo.")
    already.joint_speakers.add(merged)
    Role.objects.create(speaker=merged, organisation=russia, title="Minister", speaks_for=True)
    user = UserFactory()
    before = snapshot()

    merging.merge("speakers", kept, merged, by=user)
    claim.refresh_from_db()
    kept.refresh_from_db()
    assert claim.speaker == kept and claim.made_for_id == russia.pk
    assert list(joint.joint_speakers.all()) == [kept]
    assert list(already.joint_speakers.all()) == []
    assert kept.alias_list == ["Lavrov", "Sergey Lavrov"] and kept.wikidata_id == "Q178506"

    assert merging.unmerge(Merge.objects.get(), by=user) == []
    assert differences(before, snapshot()) == []


def test_sources_with_different_texts_are_not_merged():
    kept = SourceFactory(url="https://kontan.co.id/a", body="One text.")
    other = SourceFactory(url="https://m.kontan.co.id/a/", body="Another text.")
    plan = merging.preview("sources", kept, other)
    assert plan.refused.startswith("Their texts differ")
    with pytest.raises(ValidationError, match="Their texts differ"):
        merging.merge("sources", kept, other, by=UserFactory())


def test_merging_one_document_entered_twice_moves_its_citations():
    kept = SourceFactory(body="China says it does not provide weapons to any party.")
    other = SourceFactory(body="China  says it does not provide weapons to any party.")
    _claim, citation = Claim.objects.create_with_citation(
        speaker=SpeakerFactory(),
        text="No weapons.",
        language="en",
        source=other,
        quote="does not provide weapons",
    )
    before = snapshot()
    record = merging.merge("sources", kept, other, by=UserFactory())
    citation.refresh_from_db()
    assert citation.source == kept and citation.is_verified
    assert kept.body[citation.anchor_start : citation.anchor_end] == "does not provide weapons"
    merging.unmerge(record, by=UserFactory())
    assert differences(before, snapshot()) == []


def test_the_pages_merge_and_unmerge_and_a_reader_can_do_neither(
    researcher_client, reader, two_of_one
):
    kept, merged, _passage, _same, _us, pair = two_of_one
    reader_client = Client()
    reader_client.force_login(reader)
    url = reverse("claims:merge-preview", args=[pair.pk])
    assert reader_client.get(url).status_code == 403
    page = researcher_client.get(url).content.decode()
    assert (
        "What cannot move, and is dropped" in page and "it would relate the claim to itself" in page
    )

    response = researcher_client.post(url, {"keep": kept.pk})
    record = Merge.objects.get()
    assert response.status_code == 302 and response.url == record.get_absolute_url()
    assert (
        f"Merge #{merged.pk} into #{kept.pk}"
        not in researcher_client.get(response.url).content.decode()
    )
    assert reader_client.post(reverse("claims:merge-undo", args=[record.pk])).status_code == 403

    response = researcher_client.post(reverse("claims:merge-undo", args=[record.pk]))
    assert response.status_code == 302 and response.url == merged.get_absolute_url()
    assert Claim.objects.filter(pk=merged.pk).exists()


def test_the_preview_reads_in_indonesian(researcher_client, two_of_one):
    *_, pair = two_of_one
    page = researcher_client.get(
        reverse("claims:merge-preview", args=[pair.pk]), headers={"accept-language": "id"}
    ).content.decode()
    assert "klaim akan terhubung dengan dirinya sendiri" in page
    assert "sudah mengutip petikan ini" in page
    assert "it would relate the claim to itself" not in page
    assert "already cites this passage" not in page
