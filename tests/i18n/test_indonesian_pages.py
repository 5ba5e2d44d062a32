"""Pages, messages, errors and dates in Bahasa Indonesia when the browser asks for it;
English when it does not."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from claims.models import Claim
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

INDONESIAN = {"accept-language": "id"}


def test_the_demo_home_and_claim_pages_speak_indonesian(demo, researcher_client):
    home = researcher_client.get(reverse("home"), headers=INDONESIAN).content.decode()
    for words in ["Klaim terbaru", "Sumber terbaru", "Cari klaim", "Tambah sumber", "Keluar"]:
        assert words in home
    assert "Latest claims" not in home

    claim = Claim.objects.filter(citations__isnull=False, stated_on__isnull=False).first()
    page = researcher_client.get(claim.get_absolute_url(), headers=INDONESIAN).content.decode()
    for words in ["Pembicara", "Kutipan", "Klaim terkait", "Tambah sanggahan", "Perlu diperiksa"]:
        assert words in page
    assert "Related claims" not in page
    # Dates: the month's name in Indonesian.
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"]
    months += ["September", "Oktober", "November", "Desember"]
    assert any(f"{claim.stated_on.day} {month} {claim.stated_on.year}" in page for month in months)


def test_without_accept_language_the_same_page_stays_english(demo, researcher_client):
    home = researcher_client.get(reverse("home")).content.decode()
    assert "Latest claims" in home
    assert "Klaim terbaru" not in home


def test_a_date_and_a_number_are_written_the_indonesian_way(researcher_client):
    claim = ClaimFactory(text="Kedua pihak sepakat.", stated_on=datetime.date(2024, 10, 16))
    page = researcher_client.get(claim.get_absolute_url(), headers=INDONESIAN).content.decode()
    assert "16 Oktober 2024" in page
    english = researcher_client.get(claim.get_absolute_url()).content.decode()
    assert "16 October 2024" in english


def test_a_message_a_form_error_and_a_choice_are_indonesian(researcher_client):
    response = researcher_client.post(
        reverse("claims:topic-create"), {"name": "Laut China Selatan"}, headers=INDONESIAN
    )
    assert response.status_code == 302
    page = researcher_client.get(response["Location"], headers=INDONESIAN).content.decode()
    assert "Topik “Laut China Selatan” ditambahkan." in page

    again = researcher_client.post(
        reverse("claims:topic-create"), {"name": "Laut China Selatan"}, headers=INDONESIAN
    )
    assert again.status_code == 200
    assert "Topik dengan nama ini sudah ada." in again.content.decode()

    claims = researcher_client.get(reverse("claims:claim-list"), headers=INDONESIAN)
    html = claims.content.decode()
    assert ">Kutipan langsung</option>" in html  # Claim.Kind's label in the filter
    assert ">Parafrasa</option>" in html


def test_the_mention_mail_is_written_in_the_language_of_each_recipient(
    client, researcher_client, django_capture_on_commit_callbacks
):
    edna = UserFactory(username="edna", email="edna@example.org", editor=True)
    UserFactory(username="rita", email="rita@example.org", editor=True)
    # Edna chose Indonesian with the switcher once; Rita never chose.
    edna_client = type(client)()
    edna_client.force_login(edna)
    edna_client.post(reverse("set_language"), {"language": "id", "next": "/"})
    claim = ClaimFactory(text="A claim to discuss.")

    with django_capture_on_commit_callbacks(execute=True):
        researcher_client.post(
            reverse("claims:claim-comment-create", args=[claim.pk]),
            {"text": "@edna @rita please check"},
        )
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "edna@example.org": "researcher menyebut Anda di Claimtrail",
        "rita@example.org": "researcher mentioned you on Claimtrail",
    }

    # Named from an Indonesian page, Rita's mail is still in English.
    mail.outbox.clear()
    other = ClaimFactory(text="Another claim.")
    with django_capture_on_commit_callbacks(execute=True):
        researcher_client.post(
            reverse("claims:claim-comment-create", args=[other.pk]),
            {"text": "@rita tolong periksa"},
            headers=INDONESIAN,
        )
    assert [message.subject for message in mail.outbox] == [
        "researcher mentioned you on Claimtrail"
    ]


def test_signing_in_keeps_the_language_of_the_page_for_the_users_mail(client):
    from claims.comments import UserLanguage

    UserFactory(username="dewi")
    client.post(
        reverse("login"),
        {"username": "dewi", "password": "correct horse battery staple"},
        headers=INDONESIAN,
    )
    assert UserLanguage.objects.get(user__username="dewi").language == "id"


def test_a_machine_readable_number_stays_a_number_in_indonesian(researcher_client):
    from claims.models import PossibleDuplicate
    from tests.factories import SpeakerFactory

    first, second = SpeakerFactory(name="Lavrov"), SpeakerFactory(name="Sergei Lavrov")
    PossibleDuplicate.objects.update_or_create(
        kind="speakers",
        first_id=first.pk,
        second_id=second.pk,
        defaults={"score": 0.85, "reason": "a near miss"},
    )
    page = researcher_client.get(
        reverse("claims:duplicate-list") + "?kind=speakers", headers=INDONESIAN
    ).content.decode()
    assert '<data value="0.85">0,85</data>' in page  # shown the Indonesian way, kept as data


def test_related_claims_are_grouped_under_indonesian_headings(demo, researcher_client):
    allegation = Claim.objects.get(speaker__name="United States")
    page = researcher_client.get(allegation.get_absolute_url(), headers=INDONESIAN)
    html = page.content.decode()
    assert '<h3 class="relation-group">Dibantah oleh</h3>' in html
    assert "Denied by" not in html


def test_a_reader_is_refused_in_indonesian(reader_client):
    response = reader_client.post(
        reverse("claims:topic-create"), {"name": "Laut China Selatan"}, headers=INDONESIAN
    )
    assert response.status_code == 403
    page = response.content.decode().replace("&#x27;", "'")
    assert "Anda bisa membaca dan mengekspor, tetapi tidak bisa mengubah catatan" in page
