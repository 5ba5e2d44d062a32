"""One search for sources, speakers, claims and topics, grouped by kind."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, SourceFactory, SpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(db):
    speaker = SpeakerFactory(name="Maria Zakharova", description="Foreign ministry spokeswoman")
    return {
        "speaker": speaker,
        "claim": ClaimFactory(speaker=speaker, text="Zakharova said the sanctions would fail."),
        "source": SourceFactory(title="Zakharova briefing on sanctions", body="Sanctions."),
        "topic": TopicFactory(name="Sanctions"),
        "other": ClaimFactory(text="Nothing to do with it."),
    }


def test_the_page_groups_what_matches_by_kind(reader_client, found):
    page = reader_client.get(reverse("claims:everything-search"), {"q": "zakharova"})
    groups = dict(page.context["results"])
    assert [row["text"] for row in groups["claims"]] == [found["claim"].text]
    assert list(groups["speakers"]) == [found["speaker"]]
    assert list(groups["sources"]) == [found["source"]]
    assert list(groups["topics"]) == []
    html = page.content.decode()
    assert "Nothing to do with it." not in html and "No topics match." in html

    topics = dict(
        reader_client.get(reverse("claims:everything-search"), {"q": "SANCTIONS"}).context[
            "results"
        ]
    )
    assert list(topics["topics"]) == [found["topic"]]


def test_the_box_as_one_types_shows_a_few_of_each_and_links_to_all(reader_client, found):
    for n in range(7):
        ClaimFactory(speaker=found["speaker"], text=f"Zakharova statement {n}.")
    box = reader_client.get(
        reverse("claims:everything-search"),
        {"q": "Zakharova", "box": "1"},
        headers={"HX-Request": "true"},
    )
    html = box.content.decode()
    assert "<html" not in html
    assert html.count("Zakharova statement") + html.count("sanctions would fail") == 5
    assert "All 8 claims →" in html
    nothing = reader_client.get(
        reverse("claims:everything-search"),
        {"q": "xyzzy", "box": "1"},
        headers={"HX-Request": "true"},
    )
    assert "Nothing matches “xyzzy”." in nothing.content.decode()


def test_each_group_pages_on_its_own(reader_client, found):
    for n in range(25):
        ClaimFactory(text=f"Paged claim number {n}.")
    first = reader_client.get(reverse("claims:everything-search"), {"q": "paged"})
    groups = dict(first.context["results"])
    assert len(groups["claims"]) == 20 and groups["claims"].has_next()
    second = reader_client.get(
        reverse("claims:everything-search"), {"q": "paged", "claims_page": 2}
    )
    assert len(dict(second.context["results"])["claims"]) == 5


def test_every_page_has_the_search_box(reader_client):
    html = reader_client.get(reverse("home")).content.decode()
    assert 'id="site-search-q"' in html and 'aria-keyshortcuts="/"' in html
