"""Possible duplicates: which claims, speakers and sources are suggested as one (and which
are not), stored when a record is saved, listed, dismissed, warned of before recording."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from claims import duplicates
from claims.duplicates import Ask, Wording, similar_claims, similar_sources, similar_speakers
from claims.models import Claim, PossibleDuplicate, Role
from exchange.export import stream_pairs_csv
from tests.factories import ClaimFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

KONTAN_DENIAL = (
    "China mengatakan bahwa pihaknya tidak menyediakan persenjataan kepada pihak mana pun, "
    "dan bahwa perdagangan normal dengan Rusia tidak boleh diganggu atau dibatasi."
)
KONTAN_TRANSLATION = (
    "China says it does not provide weapons to any party, and that normal trade with Russia "
    "must not be disrupted or restricted."
)
VOA_DENIAL = "中方从未向冲突任何一方提供致命性武器，中俄之间的正常贸易不应受到干扰。"
VOA_TRANSLATION = (
    "China has never provided lethal weapons to any party to the conflict, and its normal "
    "trade with Russia should not be interfered with."
)


@pytest.fixture
def china():
    """China, its foreign ministry speaking for it, and Lin Jian speaking for the ministry."""
    china = SpeakerFactory(name="China", kind="government")
    ministry = SpeakerFactory(name="Ministry of Foreign Affairs of China", kind="organisation")
    lin_jian = SpeakerFactory(name="Lin Jian", description="Spokesperson")
    Role.objects.create(speaker=ministry, organisation=china, title="Ministry", speaks_for=True)
    Role.objects.create(
        speaker=lin_jian,
        organisation=ministry,
        title="Spokesperson",
        speaks_for=True,
        start=datetime.date(2024, 1, 1),
    )
    return china, ministry, lin_jian


def kontan_denial(china) -> Claim:
    return ClaimFactory(
        speaker=china, text=KONTAN_DENIAL, language="id", translation=KONTAN_TRANSLATION
    )


def voa_denial(lin_jian) -> Claim:
    return ClaimFactory(
        speaker=lin_jian,
        text=VOA_DENIAL,
        language="zh",
        translation=VOA_TRANSLATION,
        stated_on=datetime.date(2024, 10, 17),
    )


def test_chinas_denial_in_chinese_is_found_as_its_denial_in_indonesian(china):
    china, _ministry, lin_jian = china
    kontan = ClaimFactory(
        speaker=china,
        text=KONTAN_DENIAL,
        language="id",
        translation=KONTAN_TRANSLATION,
        stated_on=datetime.date(2024, 10, 16),
    )
    unrelated = ClaimFactory(
        speaker=china,
        text="Militer China berjanji untuk mengambil tindakan lebih lanjut terhadap Taiwan.",
        language="id",
        translation="China's military pledged to take further action against Taiwan.",
    )
    ask = Ask(lin_jian.pk, Wording(VOA_DENIAL, "zh", VOA_TRANSLATION), datetime.date(2024, 10, 17))
    found = similar_claims(ask)
    assert [likeness.other for likeness in found] == [kontan]
    assert found[0].reason == "alike in English, the same voice"
    assert unrelated not in [likeness.other for likeness in found]


def test_a_spokesperson_outside_their_role_is_not_the_body(china):
    china, _ministry, lin_jian = china
    ClaimFactory(speaker=china, text=KONTAN_DENIAL, language="id", translation=KONTAN_TRANSLATION)
    before_the_role = Ask(
        lin_jian.pk, Wording(VOA_DENIAL, "zh", VOA_TRANSLATION), datetime.date(2023, 6, 1)
    )
    assert similar_claims(before_the_role) == []


def test_unrelated_claims_of_one_speaker_are_not_duplicates():
    lavrov = SpeakerFactory(name="Sergei Lavrov")
    ClaimFactory(speaker=lavrov, text="The reports are junk funded by the U.S. State Department.")
    ClaimFactory(speaker=lavrov, text="Russia will answer any attack on its territory.")
    ask = Ask(lavrov.pk, Wording("We will keep talking with our partners in Beijing.", "en"))
    assert similar_claims(ask) == []


def test_the_same_words_of_another_speaker_are_not_a_duplicate():
    ClaimFactory(speaker=SpeakerFactory(), text=KONTAN_DENIAL, language="id")
    ask = Ask(SpeakerFactory().pk, Wording(KONTAN_DENIAL, "id"))
    assert similar_claims(ask) == []


def test_saving_a_claim_stores_the_pair_and_a_dismissed_pair_stays_dismissed(
    china, django_capture_on_commit_callbacks
):
    china, _ministry, lin_jian = china
    with django_capture_on_commit_callbacks(execute=True):
        kontan = kontan_denial(china)
        voa = voa_denial(lin_jian)
    pair = PossibleDuplicate.objects.get(kind="claims")
    assert (pair.first_id, pair.second_id) == (kontan.pk, voa.pk)
    assert pair.score > duplicates.CLAIM_THRESHOLD

    pair.dismissed_at = datetime.datetime(2024, 10, 18, tzinfo=datetime.UTC)
    pair.save()
    with django_capture_on_commit_callbacks(execute=True):
        voa.notes = "Edited."
        voa.save()
    assert PossibleDuplicate.objects.open().filter(kind="claims").count() == 0
    assert PossibleDuplicate.objects.filter(pk=pair.pk, dismissed_at__isnull=False).exists()

    with django_capture_on_commit_callbacks(execute=True):
        voa.translation, voa.text = "Beijing will host the talks next week.", "会谈下周举行。"
        voa.save()
        kontan.delete()
    assert not PossibleDuplicate.objects.exists()


@pytest.mark.parametrize(
    ("existing", "new", "reason"),
    [
        ("Sergei Lavrov", "Lavrov", "a near-miss spelling"),
        ("Lavrov", "Sergei Lavrov", "a near-miss spelling"),
        ("Maria Zakharova", "Maria Zahkarova", "a near-miss spelling"),
        ("Andrei Belousov", "Белоусов", "a near-miss spelling"),
        ("Andrei Belousov", "ANDREI  BÉLOUSOV", "the same name"),
    ],
)
def test_a_speaker_under_another_spelling_is_suggested(existing, new, reason):
    known = SpeakerFactory(name=existing)
    SpeakerFactory(name="Sergei Shoigu")
    found = similar_speakers(SpeakerFactory(name=new))
    assert [(likeness.other, likeness.reason) for likeness in found] == [(known, reason)]


def test_one_wikidata_item_is_one_speaker_whatever_the_names():
    known = SpeakerFactory(name="Xi Jinping", wikidata_id="Q15031")
    found = similar_speakers(SpeakerFactory(name="习近平", wikidata_id="Q15031"))
    assert [(likeness.other, likeness.score) for likeness in found] == [(known, 1.0)]


def test_a_body_is_not_a_near_miss_of_the_country_it_belongs_to():
    SpeakerFactory(name="China", kind="government")
    SpeakerFactory(name="Ministry of National Defense of China", kind="organisation")
    ministry = SpeakerFactory(name="Ministry of Foreign Affairs of China", kind="organisation")
    assert similar_speakers(ministry) == []


def test_one_document_entered_twice_is_suggested_by_its_address_or_its_text():
    first = SourceFactory(
        url="https://www.kontan.co.id/news/rusia-dan-china/", body="Rusia dan China  bersatu."
    )
    by_address = SourceFactory(
        url="https://m.kontan.co.id/news/rusia-dan-china?utm_source=twitter#top", body="Other."
    )
    by_text = SourceFactory(url="https://mirror.example/copy", body="rusia dan china bersatu.")
    SourceFactory(url="https://www.kontan.co.id/news/another-story", body="Another story.")
    found = {likeness.other: likeness.reason for likeness in similar_sources(first)}
    assert found == {by_address: "the same address", by_text: "the same text"}


def test_finding_all_pairs_at_once_agrees_with_saving_each(china):
    china, _ministry, lin_jian = china
    kontan = kontan_denial(china)
    voa = voa_denial(lin_jian)
    ClaimFactory(speaker=china, text="Beijing will host the talks.", language="en")
    lavrov = SpeakerFactory(name="Sergei Lavrov")
    short = SpeakerFactory(name="Lavrov")
    assert duplicates.find_all("claims") == 1
    assert duplicates.find_all("speakers") == 1
    stored = PossibleDuplicate.objects.order_by("kind")
    assert [(pair.kind, pair.first_id, pair.second_id) for pair in stored] == [
        ("claims", kontan.pk, voa.pk),
        ("speakers", lavrov.pk, short.pk),
    ]


# The pages.


def test_the_duplicates_page_lists_pairs_with_both_records_in_a_fixed_number_of_queries(
    reader_client, django_assert_num_queries
):
    for n in range(3):
        speaker = SpeakerFactory(name=f"Speaker {n}")
        a = ClaimFactory(speaker=speaker, text=f"The talks in round {n} were substantive.")
        b = ClaimFactory(speaker=speaker, text=f"The talks in round {n} were very substantive.")
        PossibleDuplicate.objects.create(
            kind="claims", first_id=a.pk, second_id=b.pk, score=0.9, reason="alike wording"
        )
    # session, user, count, page, the claims with speakers and representatives, the
    # user's and groups' permissions (may they merge?)
    with django_assert_num_queries(7):
        response = reader_client.get(reverse("claims:duplicate-list"))
    page = response.content.decode()
    assert page.count('class="duplicate-pair"') == 3
    assert "The talks in round 2 were very substantive." in page
    assert "Merge…" not in page  # a Reader sees, and cannot merge


def test_a_pair_dismissed_is_gone_from_the_list(researcher_client):
    a, b = SpeakerFactory(name="Lavrov"), SpeakerFactory(name="Sergei Lavrov")
    pair = PossibleDuplicate.objects.create(
        kind="speakers", first_id=a.pk, second_id=b.pk, score=0.8, reason="a near-miss spelling"
    )
    response = researcher_client.post(reverse("claims:duplicate-dismiss", args=[pair.pk]))
    assert response.status_code == 302
    page = researcher_client.get(reverse("claims:duplicate-list") + "?kind=speakers")
    assert "No possible duplicates of this kind." in page.content.decode()


def test_the_claim_form_warns_of_a_claim_already_recorded(researcher_client, china):
    china, _ministry, lin_jian = china
    kontan = ClaimFactory(
        speaker=china,
        text=KONTAN_DENIAL,
        language="id",
        translation=KONTAN_TRANSLATION,
        stated_on=datetime.date(2024, 10, 16),
    )
    source = SourceFactory(body=VOA_DENIAL, language="zh")
    query = {
        "speaker": lin_jian.pk,
        "text": VOA_DENIAL,
        "language": "zh",
        "translation": VOA_TRANSLATION,
        "stated_on": "2024-10-17",
        "source": source.pk,
    }
    page = researcher_client.get(reverse("claims:duplicate-check"), query).content.decode()
    assert f'This looks like <a href="{kontan.get_absolute_url()}"' in page
    assert f"#{kontan.pk}</a> by China (government), 2024-10-16" in page
    assert f"Add this passage to #{kontan.pk} instead" in page


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"speaker": "x", "text": "a"},
        {"speaker": "999999", "text": "a"},
        {"speaker": "1", "text": "\x00", "stated_on": "99999-1-1", "source": "\x00"},
    ],
)
def test_the_warning_never_fails_whatever_the_half_filled_form_holds(researcher_client, query):
    response = researcher_client.get(reverse("claims:duplicate-check"), query)
    assert response.status_code == 200
    assert "This looks like" not in response.content.decode()


# "Restates": the same position stated again, a relation of its own.


def test_a_restatement_is_recorded_shown_on_both_claims_mapped_and_exported(
    researcher_client, china
):
    china, _ministry, lin_jian = china
    kontan = ClaimFactory(speaker=china, text=KONTAN_DENIAL, language="id")
    voa = ClaimFactory(speaker=lin_jian, text=VOA_DENIAL, language="zh")
    response = researcher_client.post(
        reverse("claims:relation-create", args=[kontan.pk]),
        {"other": voa.pk, "direction": "answered", "kind": "restates", "note": "Same denial."},
    )
    assert response.status_code == 302
    assert (
        researcher_client.get(kontan.get_absolute_url()).content.decode().count("Restated by") == 1
    )
    assert "Restates" in researcher_client.get(voa.get_absolute_url()).content.decode()

    svg = researcher_client.get(reverse("claims:claim-map-svg", args=[kontan.pk])).content
    assert b">restates<" in svg and b"#2e7d6b" in svg

    exported = b"".join(stream_pairs_csv(use_copy=False)).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(exported, newline="")))
    assert (row["relation_kind"], row["claim_id"], row["counter_id"]) == (
        "restates",
        str(kontan.pk),
        str(voa.pk),
    )


def test_namesakes_described_differently_are_two_people():
    SpeakerFactory(name="Wang Wei", description="Governor of Yunnan")
    SpeakerFactory(name="Wang Wei", description="Spokesperson, Ministry of Commerce")
    undescribed = SpeakerFactory(name="Wang Wei")
    assert similar_speakers(SpeakerFactory(name="Wang Wei", description="Governor of Yunnan"))
    found = similar_speakers(SpeakerFactory(name="Wang Wei", description="Poet"))
    assert [likeness.other for likeness in found] == [undescribed]
