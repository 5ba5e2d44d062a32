"""Claims as real reporting carries them, as a researcher met them on a first day of VOA,
Xinhua and Antara wires: several passages of one claim in one source, relay hops with no
placeholder sources, a representative citation pinned or chosen by default, spokespeople
speaking for their governments, roles that change with time, joint statements."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from claims.models import Citation, Claim, ClaimRelation, Role
from exchange.export import stream_pairs_csv
from sources.models import Source
from tests.factories import (
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

# A VOA-like report of Lavrov's Tuesday news conference: the claim that the reports on
# Russia are "junk" funded by the U.S. State Department, carried by seven passages.
VOA = (
    "Russian Foreign Minister Sergei Lavrov on Tuesday dismissed reports on Russian media "
    'as junk. Speaking at his annual news conference, Lavrov called the reports "junk". '
    "He said they were funded by the U.S. State Department. The minister repeated that the "
    'reports were junk, adding: "This is all funded by the U.S. State Department." Asked '
    'again, he said the claims were "nothing but junk". Lavrov did not give evidence. '
    'Washington has rejected the claims. Lavrov said the reports were "propaganda".'
)
PASSAGES = [
    "dismissed reports on Russian media as junk",
    '"junk"',
    "funded by the U.S. State Department",
    "the reports were junk",
    '"This is all funded by the U.S. State Department."',
    '"nothing but junk"',
    '"propaganda"',
]


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def pairs_csv() -> list[dict[str, str]]:
    return rows(b"".join(stream_pairs_csv(use_copy=False)))


def test_seven_passages_of_one_voa_report_carry_one_lavrov_claim(researcher_client):
    voa = SourceFactory(title="Lavrov dismisses reports", outlet__name="VOA", body=VOA)
    lavrov = SpeakerFactory(name="Sergei Lavrov", description="Minister of Foreign Affairs")
    claim, _ = Claim.objects.create_with_citation(
        speaker=lavrov,
        text="The reports are junk funded by the U.S. State Department.",
        language="en",
        source=voa,
        quote=PASSAGES[0],
    )
    url = reverse("claims:source-passage-create", args=[voa.pk])
    for passage in PASSAGES[1:]:
        start = VOA.index(passage)
        response = researcher_client.post(
            url, {"claim": claim.pk, "quote": passage, "start": start}
        )
        assert response.status_code == 302, response.content.decode()[:500]
    again = researcher_client.post(
        url, {"claim": claim.pk, "quote": '"junk"', "start": VOA.index('"junk"')}
    )

    assert again.status_code == 200 and "already cited for this claim" in again.content.decode()
    citations = list(claim.citations.order_by("anchor_start"))
    assert len(citations) == 7 == Claim.objects.get(pk=claim.pk).passage_count
    assert all(citation.verification == "verified" for citation in citations)
    assert [VOA[c.anchor_start : c.anchor_end] for c in citations] == sorted(
        PASSAGES, key=VOA.index
    )
    page = researcher_client.get(claim.get_absolute_url()).content.decode()
    assert "VOA: <a" in page and "7 passages" in page  # grouped under their source
    assert page.count('class="citation"') == 7
    ClaimRelationFactory(claim=claim)
    assert pairs_csv()[0]["claim_passages"] == "7"


def test_a_passage_is_added_to_a_claim_from_the_reader_without_a_new_claim(researcher_client):
    voa = SourceFactory(outlet__name="VOA", body=VOA)
    claim = ClaimFactory(text="The reports are junk.")
    response = researcher_client.post(
        reverse("claims:source-passage-create", args=[voa.pk]),
        {"claim_search": "The reports are junk", "quote": '"propaganda"', "relays": "TASS"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and 'id="reader-body"' in response.content.decode()
    assert Claim.objects.count() == 1
    citation = claim.citations.get()
    assert citation.verification == "verified"
    assert [hop.name for hop in citation.hops.all()] == ["TASS"]


def test_a_four_hop_chain_needs_no_placeholder_source(researcher_client):
    kontan = SourceFactory(outlet__name="Kontan", body=VOA)
    OutletFactory(name="Reuters", kind="wire_agency")
    sources_before = Source.objects.count()
    data = {
        "quote": PASSAGES[0],
        "start": VOA.index(PASSAGES[0]),
        "speaker": SpeakerFactory().pk,
        "text": "The reports are junk.",
        "kind": "paraphrase",
        "language": "en",
        "relays": "Reuters ← VOA ← Lavrov's news conference ← the ministry's Telegram post",
    }
    response = researcher_client.post(reverse("claims:source-claim-create", args=[kontan.pk]), data)

    assert response.status_code == 302
    assert Source.objects.count() == sources_before
    citation = Citation.objects.get()
    assert [(hop.name, hop.kind) for hop in citation.hops.all()] == [
        ("Reuters", "outlet"),
        ("VOA", "outlet"),
        ("Lavrov's news conference", "venue"),
        ("the ministry's Telegram post", "channel"),
    ]
    chain = "Kontan ← Reuters ← VOA ← Lavrov's news conference ← the ministry's Telegram post"
    assert citation.attribution_chain == chain
    ClaimRelationFactory(claim=citation.claim)
    assert pairs_csv()[0]["claim_attribution_chain"] == chain


def test_the_pairs_csv_shows_the_default_or_the_pinned_representative(researcher_client):
    # An earlier source we hold no text of, and the verified article: the article by default.
    wire = SourceFactory(
        outlet__name="Wire", published_at=datetime.datetime(2024, 10, 1, tzinfo=datetime.UTC)
    )
    article = SourceFactory(
        outlet__name="Kontan",
        body=VOA,
        published_at=datetime.datetime(2024, 10, 2, tzinfo=datetime.UTC),
    )
    claim = ClaimFactory(text="Junk.")
    unverified = Citation.objects.create(claim=claim, source=wire, quote="Reports are junk.")
    verified = Citation.objects.create(claim=claim, source=article, quote=PASSAGES[3])
    ClaimRelationFactory(claim=claim)
    default = pairs_csv()[0]
    assert (default["claim_source_outlet"], default["claim_verification"]) == ("Kontan", "verified")
    assert default["claim_representative_pinned"] == "false"
    assert Claim.objects.get(pk=claim.pk).representative == verified

    claim.refresh_from_db()
    response = researcher_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "pinned_citation"]),
        {"pinned_citation": unverified.pk, "version": claim.version},
    )
    assert response.status_code == 302
    pinned = pairs_csv()[0]
    assert (pinned["claim_source_outlet"], pinned["claim_verification"]) == ("Wire", "no_text")
    assert pinned["claim_representative_pinned"] == "true"

    unverified.delete()  # the pinned passage goes: the default comes back
    assert pairs_csv()[0]["claim_source_outlet"] == "Kontan"


def test_a_claim_cannot_pin_another_claims_citation(researcher_client):
    claim, other = ClaimFactory(), ClaimFactory()
    foreign = Citation.objects.create(claim=other, source=SourceFactory(), quote="Theirs.")
    response = researcher_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "pinned_citation"]),
        {"pinned_citation": foreign.pk, "version": claim.version},
    )
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).pinned_citation is None


def test_claims_made_for_china_include_its_ministry_and_its_spokesperson(reader_client):
    china = SpeakerFactory(name="China", kind="government")
    mfa = SpeakerFactory(name="Ministry of Foreign Affairs of China", kind="organisation")
    lin_jian = SpeakerFactory(name="Lin Jian")
    Role.objects.create(speaker=mfa, title="Ministry", organisation=china, speaks_for=True)
    Role.objects.create(
        speaker=lin_jian,
        title="Spokesperson",
        organisation=mfa,
        speaks_for=True,
        start=datetime.date(2024, 1, 1),
    )
    own = ClaimFactory(speaker=china, text="China supplies no weapons.")
    ministry = ClaimFactory(speaker=mfa, text="The ministry denies it.")
    spokesperson = ClaimFactory(
        speaker=lin_jian, text="Lin Jian denies it.", stated_on=datetime.date(2024, 10, 16)
    )
    before_his_time = ClaimFactory(
        speaker=lin_jian, text="Before he spoke for it.", stated_on=datetime.date(2023, 5, 1)
    )
    ClaimFactory(text="Someone else's.")

    response = reader_client.get(reverse("claims:claim-list"), {"made_for": china.pk})
    found = {row["pk"] for row in response.context["page"]}

    assert found == {own.pk, ministry.pk, spokesperson.pk}
    assert before_his_time.pk not in found
    assert Claim.objects.get(pk=spokesperson.pk).made_for == china
    assert Claim.objects.get(pk=before_his_time.pk).made_for == lin_jian


def test_the_claim_page_shows_the_role_the_speaker_held_that_day(reader_client):
    belousov = SpeakerFactory(name="Andrei Belousov", description="Economist")
    mod = SpeakerFactory(name="Ministry of Defence of Russia", kind="organisation")
    Role.objects.create(
        speaker=belousov,
        title="First Deputy Prime Minister",
        start=datetime.date(2020, 1, 21),
        end=datetime.date(2024, 5, 12),
    )
    Role.objects.create(
        speaker=belousov,
        title="Minister of Defence",
        organisation=mod,
        speaks_for=True,
        start=datetime.date(2024, 5, 14),
    )
    then = ClaimFactory(speaker=belousov, stated_on=datetime.date(2023, 3, 1))
    now = ClaimFactory(speaker=belousov, stated_on=datetime.date(2024, 10, 15))

    assert str(then.speaker_role) == "First Deputy Prime Minister"
    assert str(now.speaker_role) == "Minister of Defence, Ministry of Defence of Russia"
    page = reader_client.get(now.get_absolute_url()).content.decode()
    assert "Minister of Defence, Ministry of Defence of Russia" in page
    assert "Made for" in page and "Ministry of Defence of Russia" in page


def test_a_joint_claim_names_both_speakers_in_the_export(researcher_client):
    indonesia = SpeakerFactory(name="Indonesia", kind="government")
    malaysia = SpeakerFactory(name="Malaysia", kind="government")
    claim = ClaimFactory(speaker=indonesia, text="Kami menolak klaim itu.", language="id")
    response = researcher_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "joint_speakers"]),
        {"joint_speakers": "Malaysia", "version": claim.version},
    )
    assert response.status_code == 302
    assert list(claim.joint_speakers.all()) == [malaysia]
    ClaimRelation.objects.create(claim=ClaimFactory(), counter=claim, kind="denies")

    row = pairs_csv()[0]
    assert (row["counter_speaker_name"], row["counter_joint_speakers"]) == ("Indonesia", "Malaysia")
    response = researcher_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "joint_speakers"]),
        {"joint_speakers": "Nobody We Know", "version": Claim.objects.get(pk=claim.pk).version},
    )
    assert "No speaker is named “Nobody We Know”" in response.content.decode()


def test_a_joint_speaker_name_the_database_cannot_hold_is_refused(researcher_client):
    claim = ClaimFactory()
    response = researcher_client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "joint_speakers"]),
        {"joint_speakers": "Malaysia\x00", "version": claim.version},
    )
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()
    assert not Claim.objects.get(pk=claim.pk).joint_speakers.exists()
