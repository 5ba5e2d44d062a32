"""The claims list, the claim page and its click-to-edit fields, through the client."""

import datetime

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimRelation, Speaker
from tests.claims.rows import many_citations, many_claims
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def field_url(claim: Claim, field: str) -> str:
    return reverse("claims:claim-field-update", args=[claim.pk, field])


# The claims list


def test_the_claims_list_is_a_full_page_and_its_htmx_answer_is_the_results_alone(
    reader_client, demo
):
    url = reverse("claims:claim-list")
    page = reader_client.get(url, {"q": "Taiwan"})
    fragment = reader_client.get(url, {"q": "Taiwan"}, headers=HTMX)

    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content and b'id="filters"' in page.content
    assert b"<html" not in fragment.content and b'id="filters"' not in fragment.content
    assert b'id="claim-results"' in fragment.content
    assert page.context["page"].paginator.count == fragment.context["page"].paginator.count == 2
    assert fragment["HX-Push-Url"] == f"{url}?q=Taiwan"
    assert "HX-Request" in page["Vary"]


def test_the_claims_list_searches_quotes_and_filters_by_every_field(reader_client, demo):
    china = Speaker.objects.get(name="China")

    def speakers(params: dict) -> list[str]:
        response = reader_client.get(reverse("claims:claim-list"), params)
        assert response.status_code == 200
        return sorted(claim["speaker_name"] for claim in response.context["page"])

    assert speakers({"q": "mikroelektronika"}) == ["United States"]
    assert speakers({"speaker": china.pk}) == ["China"]
    assert speakers({"has_counter": "true"}) == ["Andrei Belousov", "United States"]
    assert speakers({"kind": "direct_quote"}) == ["Andrei Belousov"]
    # The demo's relays are hops, so nothing in it is unchecked; one text-less citation is.
    CitationFactory(claim=Claim.objects.get(kind="direct_quote"), source=SourceFactory(body=""))
    assert speakers({"verification": "no_text"}) == ["Andrei Belousov"]
    assert speakers({"language": "ru"}) == []
    assert speakers({"topic": "taiwan"}) == ["Chinese military", "Russia"]


def test_filter_values_that_do_not_parse_are_reported_not_a_500(reader_client, demo):
    response = reader_client.get(
        reverse("claims:claim-list"),
        {"speaker": "nobody", "kind": "rumour", "topic": "no-such-topic", "page": "x"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert b"Some filters were not understood and are ignored" in response.content
    assert response.context["page"].paginator.count == 9


def test_the_chosen_speaker_is_shown_in_the_filter_picker(reader_client, demo):
    china = Speaker.objects.get(name="China")
    response = reader_client.get(reverse("claims:claim-list"), {"speaker": china.pk})
    assert b'name="speaker_search"' in response.content
    assert f'value="{china.pk}"'.encode() in response.content


def test_the_export_link_carries_the_current_filters(reader_client, demo):
    response = reader_client.get(reverse("claims:claim-list"), {"q": "Taiwan", "page": "1"})
    assert b'/claims/export.csv?q=Taiwan"' in response.content


def test_the_claims_list_is_paginated_and_keeps_the_filters_in_page_links(reader_client):
    speaker = SpeakerFactory(name="Speaker Many")
    ClaimFactory.create_batch(60, speaker=speaker)
    response = reader_client.get(reverse("claims:claim-list"), {"q": "Many"})
    assert len(response.context["page"]) == 50
    assert b"/claims/?q=Many&amp;page=2" in response.content
    second = reader_client.get(reverse("claims:claim-list"), {"q": "Many", "page": 2})
    assert len(second.context["page"]) == 10


@pytest.mark.parametrize("rows", [10, 200])
def test_the_claims_list_costs_the_same_queries_at_any_size(
    reader_client, django_assert_num_queries, rows
):
    many_claims(rows)
    # session, user, count, the page's ids, their rows (with the representative citation
    # stored on each), topics, and the topics of the filter form
    with django_assert_num_queries(7):
        response = reader_client.get(reverse("claims:claim-list"))
    assert response.status_code == 200


# The claim page


def test_the_claim_page_draws_each_citation_chain_back_to_the_speaker(reader_client, demo):
    claim = Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)
    response = reader_client.get(claim.get_absolute_url())
    assert response.status_code == 200
    chains = [
        [link.label for link in chain]
        for _citation, chain in response.context["claim"].citations_with_chains()
    ]
    assert ["Kontan", "Reuters", "Russian Ministry of Defence (Telegram)"] in chains
    html = response.content.decode()
    drawn = [block.split("</ol>")[0] for block in html.split('<ol class="chain"')[1:]]
    longest = max(drawn, key=len)
    order = ["Kontan</a>", "Reuters</a>", "Russian Ministry of Defence (Telegram)</a>"]
    positions = [longest.index(name) for name in [*order, "Andrei Belousov</a>"]]
    assert positions == sorted(positions)
    assert "Verified" in html


def test_the_claim_page_groups_related_claims_as_read_from_either_side(reader_client, demo):
    allegation = Claim.objects.get(speaker__name="United States")
    denial = Claim.objects.get(speaker__name="China")

    on_allegation = reader_client.get(allegation.get_absolute_url())
    on_denial = reader_client.get(denial.get_absolute_url())

    assert b"Denied by" in on_allegation.content
    assert denial.get_absolute_url().encode() in on_allegation.content
    assert b">Denies</h3>" in on_denial.content
    assert allegation.get_absolute_url().encode() in on_denial.content


def test_the_claim_page_answers_htmx_with_the_article_alone(reader_client, demo):
    claim = Claim.objects.first()
    response = reader_client.get(claim.get_absolute_url(), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="claim"' in response.content


def test_a_reader_sees_no_edit_links_and_a_researcher_does(reader_client, client, demo):
    from tests.factories import UserFactory

    claim = Claim.objects.first()
    assert b"edit-link" not in reader_client.get(claim.get_absolute_url()).content
    client.force_login(UserFactory(researcher=True))
    page = client.get(claim.get_absolute_url()).content
    assert (
        page.count(b'class="edit-link"') == 10
    )  # every editable field, joint speakers and pin included
    assert b"Add citation" in page and b"Add counter-claim" in page


@pytest.mark.parametrize("rows", [10, 200])
def test_the_claim_page_costs_the_same_queries_however_many_citations_and_pairs(
    researcher_client, django_assert_num_queries, rows
):
    claim = ClaimFactory()
    claim.topics.add(TopicFactory())
    many_citations(claim, rows)
    others = many_claims(rows, cited=False)
    ClaimRelation.objects.bulk_create(
        ClaimRelation(claim=claim, counter=other, kind="denies")
        if n % 2
        else ClaimRelation(claim=other, counter=claim, kind="supports")
        for n, other in enumerate(others)
    )
    # session, user, claim, topics, joint speakers, citations, their hops, the speaker's
    # role on the day, permissions (2), relations, the claim's status history
    with django_assert_num_queries(12):
        response = researcher_client.get(claim.get_absolute_url())
    assert response.status_code == 200
    assert response.content.count(b'class="citation"') == rows


def test_an_unknown_claim_is_a_404(reader_client):
    assert reader_client.get(reverse("claims:claim-detail", args=[999])).status_code == 404


# Click-to-edit


def test_an_edit_form_is_a_page_without_htmx_and_the_form_alone_with_it(researcher_client):
    claim = ClaimFactory(text="Original words.")
    page = researcher_client.get(field_url(claim, "text"))
    fragment = researcher_client.get(field_url(claim, "text"), headers=HTMX)
    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content and b"<html" not in fragment.content
    assert b'id="claim-field-text"' in fragment.content
    assert b'name="version" value="1"' in fragment.content
    assert b"Original words." in fragment.content


@pytest.mark.parametrize(
    "field", ["speaker", "translation", "kind", "language", "stated_on", "topics", "notes"]
)
def test_every_editable_field_has_its_form(researcher_client, field):
    claim = ClaimFactory()
    response = researcher_client.get(field_url(claim, field), headers=HTMX)
    assert response.status_code == 200
    assert f'id="claim-field-{field}"'.encode() in response.content


def test_an_unknown_field_is_a_404(researcher_client):
    claim = ClaimFactory()
    assert researcher_client.get(field_url(claim, "created_at")).status_code == 404


def test_saving_a_field_in_place_returns_it_shown_with_the_new_value(researcher_client):
    claim = ClaimFactory(text="Old words.")
    response = researcher_client.post(
        field_url(claim, "text"), {"text": "New words.", "version": 1}, headers=HTMX
    )
    assert response.status_code == 200
    assert b'id="claim-field-text"' in response.content
    assert b"New words." in response.content and b"Saved" in response.content
    claim.refresh_from_db()
    assert (claim.text, claim.version) == ("New words.", 2)
    assert claim.history.first().history_user.username == "researcher"


def test_saving_a_field_without_htmx_redirects_to_the_claim(researcher_client):
    claim = ClaimFactory(stated_on=None)
    response = researcher_client.post(
        field_url(claim, "stated_on"), {"stated_on": "2024-10-15", "version": 1}
    )
    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url()
    claim.refresh_from_db()
    assert claim.stated_on == datetime.date(2024, 10, 15)


def test_speaker_and_topics_are_edited_in_place(researcher_client):
    claim = ClaimFactory()
    other = SpeakerFactory(name="Zhang Youxia")
    first, second = TopicFactory(name="Taiwan"), TopicFactory(name="Trade")
    researcher_client.post(field_url(claim, "speaker"), {"speaker": other.pk, "version": 1})
    response = researcher_client.post(
        field_url(claim, "topics"), {"topics": [first.pk, second.pk], "version": 2}, headers=HTMX
    )
    assert b"Taiwan" in response.content and b"Trade" in response.content
    claim.refresh_from_db()
    assert claim.speaker == other
    assert set(claim.topics.all()) == {first, second}


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("text", "", b"This field is required."),
        ("language", "not a language!", b"language"),
        ("stated_on", "2024-13-45", b"Enter a valid date."),
        ("kind", "rumour", b"Select a valid choice."),
        ("speaker", "999999", b"Choose a speaker from the suggestions."),
    ],
)
def test_invalid_input_comes_back_in_the_form_with_its_error(
    researcher_client, field, value, error
):
    claim = ClaimFactory(text="Kept.")
    for headers in ({}, HTMX):
        response = researcher_client.post(
            field_url(claim, field), {field: value, "version": 1}, headers=headers
        )
        assert response.status_code == 200
        assert error in response.content
    claim.refresh_from_db()
    assert (claim.text, claim.version) == ("Kept.", 1)


def test_a_stale_edit_is_refused_with_409_keeping_the_input_and_showing_the_saved_text(
    researcher_client,
):
    claim = ClaimFactory(text="First.")
    researcher_client.post(field_url(claim, "text"), {"text": "Theirs.", "version": 1})

    response = researcher_client.post(
        field_url(claim, "text"), {"text": "Mine.", "version": 1}, headers=HTMX
    )

    assert response.status_code == 409
    assert b"Someone else changed this while you were editing" in response.content
    assert b"Mine.</textarea>" in response.content
    assert b'class="conflict-saved">Theirs.' in response.content
    assert b'name="version" value="2"' in response.content
    claim.refresh_from_db()
    assert claim.text == "Theirs."


# Deleting a claim


def test_the_delete_page_says_what_goes_with_the_claim(researcher_client, demo):
    claim = Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)
    for headers in ({}, HTMX):
        response = researcher_client.get(
            reverse("claims:claim-delete", args=[claim.pk]), headers=headers
        )
        assert response.status_code == 200
        assert b"its 1 citation (Kontan)" in response.content
        assert b"history" in response.content
    assert (
        b"<html" in researcher_client.get(reverse("claims:claim-delete", args=[claim.pk])).content
    )


def test_deleting_a_claim_takes_its_citations_and_pairs_and_history_keeps_them(
    researcher_client, demo
):
    allegation = Claim.objects.get(speaker__name="United States")
    citations = list(allegation.citations.values_list("pk", flat=True))
    response = researcher_client.post(reverse("claims:claim-delete", args=[allegation.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:claim-list")
    assert not Claim.objects.filter(pk=allegation.pk).exists()
    assert Claim.objects.get(speaker__name="China").relations_as_counter.count() == 0
    assert Claim.history.filter(id=allegation.pk, history_type="-").exists()
    from claims.models import Citation, ClaimRelation

    assert Citation.history.filter(id__in=citations, history_type="-").count() == len(citations)
    assert ClaimRelation.history.filter(history_type="-").count() == 1


def test_deleting_a_claim_whose_citations_relay_each_other_works(researcher_client, demo):
    claim = Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)
    response = researcher_client.post(reverse("claims:claim-delete", args=[claim.pk]), headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("claims:claim-list")
    assert not Claim.objects.filter(pk=claim.pk).exists()


# The topic page


def test_the_topic_page_lists_its_claims_by_date(reader_client):
    topic = TopicFactory(name="Taiwan")
    later = ClaimFactory(text="Later.", stated_on=datetime.date(2024, 10, 16))
    earlier = ClaimFactory(text="Earlier.", stated_on=datetime.date(2024, 10, 1))
    ClaimFactory(text="Elsewhere.")
    later.topics.add(topic)
    earlier.topics.add(topic)
    page = reader_client.get(topic.get_absolute_url())
    fragment = reader_client.get(topic.get_absolute_url(), headers=HTMX)
    assert page.status_code == fragment.status_code == 200
    assert [claim["text"] for claim in page.context["page"]] == ["Earlier.", "Later."]
    assert b"<html" in page.content and b"<html" not in fragment.content
    assert b"Elsewhere." not in page.content
    assert b"/claims/?topic=taiwan" in page.content


@pytest.mark.parametrize("rows", [10, 200])
def test_the_topic_page_costs_the_same_queries_at_any_size(
    reader_client, django_assert_num_queries, rows
):
    topic = TopicFactory()
    many_claims(rows, topic=topic)
    # session, user, topic, count, page, topics, citations, and the user's permissions
    # (two: their own and their groups') for the topic's Edit and Delete links
    with django_assert_num_queries(9):
        reader_client.get(topic.get_absolute_url())
