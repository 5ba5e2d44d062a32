import datetime

import pytest
from django.urls import reverse

from claims.models import Speaker
from tests.factories import ClaimFactory, ClaimRelationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    "name, args",
    [
        ("claims:speaker-list", []),
        ("claims:speaker-create", []),
        ("claims:speaker-detail", [1]),
        ("claims:speaker-update", [1]),
        ("claims:speaker-delete", [1]),
    ],
)
def test_every_speaker_page_asks_an_anonymous_visitor_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", ["claims:speaker-update", "claims:speaker-delete"])
def test_a_reader_who_tries_to_change_a_speaker_gets_a_403(reader_client, method, name):
    speaker = SpeakerFactory(name="Kept")
    response = getattr(reader_client, method)(reverse(name, args=[speaker.pk]))
    assert response.status_code == 403
    assert "only Researchers can" in response.content.decode()
    speaker.refresh_from_db()
    assert speaker.name == "Kept"


def test_a_reader_cannot_create_a_speaker(reader_client):
    response = reader_client.post(reverse("claims:speaker-create"), {"name": "X", "kind": "person"})
    assert response.status_code == 403
    assert not Speaker.objects.exists()


def test_the_list_searches_by_alias_with_a_fragment_for_htmx(reader_client):
    SpeakerFactory(name="Andrei Belousov", aliases="Menhan Rusia")
    SpeakerFactory(name="Zhang Youxia")
    url = reverse("claims:speaker-list")
    full = reader_client.get(url, {"q": "menhan"})
    partial = reader_client.get(url, {"q": "menhan"}, headers=HX)
    assert [s.name for s in full.context["page"]] == ["Andrei Belousov"]
    assert "<html" in full.content.decode()
    assert "<html" not in partial.content.decode()
    assert "Andrei Belousov" in partial.content.decode()


def test_the_detail_lists_claims_in_date_order_and_counter_claims_against_them(reader_client):
    speaker = SpeakerFactory(name="United States")
    later = ClaimFactory(speaker=speaker, text="Later claim", stated_on=datetime.date(2024, 5, 2))
    earlier = ClaimFactory(
        speaker=speaker, text="Earlier claim", stated_on=datetime.date(2024, 1, 2)
    )
    denial = ClaimFactory(text="We deny it", speaker__name="China")
    ClaimRelationFactory(claim=later, counter=denial, kind="denies")

    response = reader_client.get(speaker.get_absolute_url())
    html = response.content.decode()

    assert [row["pk"] for row in response.context["page"]] == [earlier.pk, later.pk]
    assert html.index("Earlier claim") < html.index("Later claim")
    assert "We deny it" in html and "China" in html and "denies" in html


@pytest.mark.parametrize("rows", [2, 20])
def test_pages_cost_the_same_queries_whatever_the_number_of_claims(
    reader_client, django_assert_num_queries, rows
):
    speaker = SpeakerFactory()
    for claim in ClaimFactory.create_batch(rows, speaker=speaker):
        ClaimRelationFactory(claim=claim)
    # session, user, speaker, count, the page's ids, their rows, topics, counters, their
    # roles, who speaks for them, permissions (2)
    with django_assert_num_queries(12):
        reader_client.get(speaker.get_absolute_url())
    # session, user, count, page, permissions (2)
    with django_assert_num_queries(6):
        reader_client.get(reverse("claims:speaker-list"))


def test_a_researcher_creates_a_speaker(researcher_client):
    response = researcher_client.post(
        reverse("claims:speaker-create"),
        {"name": "Lloyd Austin", "kind": "person", "description": "US Secretary of Defense"},
    )
    speaker = Speaker.objects.get()
    assert response.status_code == 302
    assert response["Location"] == speaker.get_absolute_url()


def test_invalid_speaker_input_re_renders_with_errors(researcher_client):
    response = researcher_client.post(
        reverse("claims:speaker-create"),
        {"name": "", "kind": "alien", "wikidata_id": "P12", "country": "Narnia"},
    )
    assert response.status_code == 200
    assert {"name", "kind", "wikidata_id", "country"} <= set(response.context["form"].errors)


def test_the_inline_form_opens_prefilled_and_its_save_selects_the_new_speaker(researcher_client):
    url = reverse("claims:speaker-create")
    form = researcher_client.get(
        url, {"name": "Lloyd Austin", "inline": "claim-speaker-input"}, headers=HX
    )
    html = form.content.decode()
    assert "<html" not in html
    assert 'name="new_speaker-name"' in html and 'value="Lloyd Austin"' in html

    response = researcher_client.post(
        url,
        {
            "inline": "claim-speaker-input",
            "new_speaker-name": "Lloyd Austin",
            "new_speaker-kind": "person",
            "new_speaker-description": "US Secretary of Defense",
            # the half-filled claim form around it is posted too, and ignored
            "text": "Something",
            "kind": "direct_quote",
        },
        headers=HX,
    )
    speaker = Speaker.objects.get()
    assert response.status_code == 200
    assert response.content == b""
    assert (
        response["HX-Trigger"]
        == f'{{"combobox:created": {{"value": {speaker.pk}, "label": "Lloyd Austin"}}}}'
    )


def test_an_invalid_inline_speaker_comes_back_with_errors(researcher_client):
    response = researcher_client.post(
        reverse("claims:speaker-create"),
        {"inline": "claim-speaker-input", "new_speaker-name": "", "new_speaker-kind": "person"},
        headers=HX,
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Speaker.objects.exists()


def test_an_edit_over_someone_elses_save_is_a_409_with_the_input_kept(researcher_client):
    speaker = SpeakerFactory(name="Original")
    loaded = speaker.version
    Speaker.objects.get(pk=speaker.pk).save()
    response = researcher_client.post(
        reverse("claims:speaker-update", args=[speaker.pk]),
        {"name": "Mine", "kind": "person", "version": loaded},
    )
    assert response.status_code == 409
    assert 'value="Mine"' in response.content.decode()
    speaker.refresh_from_db()
    assert speaker.name == "Original"


def test_a_researcher_edits_a_speaker(researcher_client):
    speaker = SpeakerFactory(name="Belousov")
    response = researcher_client.post(
        reverse("claims:speaker-update", args=[speaker.pk]),
        {"name": "Andrei Belousov", "kind": "person", "version": speaker.version},
    )
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.name == "Andrei Belousov"


def test_deleting_a_speaker_with_claims_is_refused_and_names_them(researcher_client):
    speaker = SpeakerFactory()
    ClaimFactory(speaker=speaker, text="A claim that holds the speaker")
    url = reverse("claims:speaker-delete", args=[speaker.pk])
    page = researcher_client.get(url).content.decode()
    response = researcher_client.post(url)
    assert "cannot be deleted" in page and "A claim that holds the speaker" in page
    assert response.status_code == 200
    assert Speaker.objects.filter(pk=speaker.pk).exists()


def test_deleting_a_speaker_without_claims_works(researcher_client):
    speaker = SpeakerFactory()
    response = researcher_client.post(reverse("claims:speaker-delete", args=[speaker.pk]))
    assert response.status_code == 302
    assert not Speaker.objects.exists()
