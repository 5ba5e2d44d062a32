import pytest
from django.urls import reverse

from tests.factories import SpeakerFactory

pytestmark = pytest.mark.django_db

URL = reverse("claims:speaker-autocomplete")


def test_the_autocomplete_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(URL, {"q": "Bel"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_matches_by_name_and_by_alias_and_shows_the_description(reader_client):
    belousov = SpeakerFactory(
        name="Andrei Belousov",
        description="Minister of Defence of Russia",
        aliases="Menhan Rusia\nAndrey Belousov",
    )
    SpeakerFactory(name="Zhang Youxia")

    by_name = reader_client.get(URL, {"q": "belou"}, headers={"HX-Request": "true"})
    by_alias = reader_client.get(URL, {"q": "Menhan"}, headers={"HX-Request": "true"})

    for response in (by_name, by_alias):
        assert response.status_code == 200
        html = response.content.decode()
        assert f'data-value="{belousov.pk}"' in html
        assert "Minister of Defence of Russia" in html
        assert "Zhang Youxia" not in html
        assert "<html" not in html


def test_namesakes_are_told_apart_by_their_description(reader_client):
    SpeakerFactory(name="Wang Yi", description="Foreign Minister of China")
    SpeakerFactory(name="Wang Yi", description="Badminton player")
    html = reader_client.get(URL, {"q": "wang yi"}).content.decode()
    assert html.count('role="option" id=') == 2
    assert "Foreign Minister of China" in html and "Badminton player" in html


def test_it_offers_at_most_ten_speakers(reader_client):
    SpeakerFactory.create_batch(14, name="Ivanov")
    html = reader_client.get(URL, {"q": "Ivanov"}).content.decode()
    assert html.count("data-value=") == 10


def test_option_ids_are_prefixed_with_the_listbox_they_fill(reader_client):
    speaker = SpeakerFactory(name="Xi Jinping")
    html = reader_client.get(
        URL, {"q": "Xi"}, headers={"HX-Request": "true", "HX-Target": "claim-speaker-listbox"}
    ).content.decode()
    assert f'id="claim-speaker-listbox-{speaker.pk}"' in html


def test_a_researcher_is_offered_to_create_the_speaker_typed(researcher_client):
    html = researcher_client.get(URL, {"q": "Lloyd Austin"}).content.decode()
    assert 'data-create="Lloyd Austin"' in html
    assert "Create speaker “Lloyd Austin”" in html


def test_a_reader_is_not_offered_to_create_a_speaker(reader_client):
    html = reader_client.get(URL, {"q": "Lloyd Austin"}).content.decode()
    assert "data-create" not in html
    assert "No speaker matches" in html


def test_typed_markup_is_shown_as_text(researcher_client):
    SpeakerFactory(name="<script>alert(1)</script>", description='"><img src=x onerror=alert(2)>')
    html = researcher_client.get(URL, {"q": "<script>"}).content.decode()
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("rows", [3, 30])
def test_the_autocomplete_costs_the_same_queries_whatever_the_number_of_speakers(
    reader_client, django_assert_num_queries, rows
):
    SpeakerFactory.create_batch(rows, name="Sergei")
    # session, user, the search itself, and the user's permissions (for the create option)
    with django_assert_num_queries(5):
        response = reader_client.get(URL, {"q": "Sergei"})
    assert response.status_code == 200
