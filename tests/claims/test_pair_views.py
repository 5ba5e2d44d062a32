"""Counter-claims on a claim's page, the claim picker, and the Pairs page."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimRelation, Speaker
from tests.claims.rows import many_claims, many_pairs
from tests.factories import (
    ClaimFactory,
    ClaimRelationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def add_url(claim: Claim) -> str:
    return reverse("claims:relation-create", args=[claim.pk])


def test_the_counter_claim_form_is_a_page_or_a_fragment(researcher_client):
    claim = ClaimFactory()
    page = researcher_client.get(add_url(claim))
    fragment = researcher_client.get(add_url(claim), headers=HTMX)
    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content and b"<html" not in fragment.content
    assert b'id="pair-form"' in fragment.content
    assert f"/claims/search/?exclude={claim.pk}".encode() in fragment.content
    # The unused "new claim" part shows no errors.
    assert b"errorlist" not in fragment.content


def test_an_existing_claim_is_paired_as_the_counter_of_this_one(researcher_client):
    allegation, denial = ClaimFactory(), ClaimFactory()
    response = researcher_client.post(
        add_url(allegation),
        {"other": denial.pk, "direction": "answered", "kind": "denies", "note": "Flat denial."},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#relations"
    relation = ClaimRelation.objects.get()
    assert (relation.claim, relation.counter, relation.kind, relation.note) == (
        allegation,
        denial,
        "denies",
        "Flat denial.",
    )
    assert b"Denied by" in response.content and b"Pair recorded." in response.content


def test_this_claim_can_be_the_one_that_answers(researcher_client):
    allegation, denial = ClaimFactory(), ClaimFactory()
    response = researcher_client.post(
        add_url(denial), {"other": allegation.pk, "direction": "answers", "kind": "disputes"}
    )
    assert response.status_code == 302
    assert response["Location"] == denial.get_absolute_url()
    relation = ClaimRelation.objects.get()
    assert (relation.claim, relation.counter) == (allegation, denial)


def test_a_new_counter_claim_is_written_in_place(researcher_client):
    allegation = ClaimFactory(language="id")
    china = SpeakerFactory(name="China")
    response = researcher_client.post(
        add_url(allegation),
        {
            "other": "",
            "new-speaker": china.pk,
            "new-text": "China does not supply weapons to any party.",
            "new-language": "en",
            "new-kind": "paraphrase",
            "new-stated_on": "2024-10-16",
            "direction": "answered",
            "kind": "denies",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    denial = Claim.objects.get(speaker=china)
    assert denial.text == "China does not supply weapons to any party."
    assert ClaimRelation.objects.get().counter == denial
    assert Claim.history.filter(id=denial.pk).get().history_user.username == "researcher"


def test_an_incomplete_new_claim_comes_back_with_its_errors_and_nothing_is_saved(
    researcher_client,
):
    allegation = ClaimFactory()
    response = researcher_client.post(
        add_url(allegation),
        {
            "new-text": "Words without a speaker.",
            "new-language": "en",
            "direction": "answered",
            "kind": "denies",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert b"Choose a speaker." in response.content
    assert b"Words without a speaker." in response.content
    assert b'<details class="new-claim" id="pair-new-claim" open>' in response.content
    assert Claim.objects.count() == 1 and not ClaimRelation.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, b"Choose an existing claim, or write the other claim below."),
        ({"other": "999999"}, b"Choose a claim from the suggestions."),
        ({"other": "x"}, b"Choose a claim from the suggestions."),
        ({"kind": "rumour"}, b"Select a valid choice."),
        ({"direction": "sideways"}, b"Select a valid choice."),
    ],
)
def test_invalid_pairs_come_back_with_their_errors(researcher_client, data, error):
    claim, other = ClaimFactory(), ClaimFactory()
    base = {"other": other.pk, "direction": "answered", "kind": "denies"}
    if not data:
        base.pop("other")
    response = researcher_client.post(add_url(claim), {**base, **data}, headers=HTMX)
    assert response.status_code == 200
    assert error in response.content
    assert not ClaimRelation.objects.exists()


def test_a_claim_cannot_answer_itself(researcher_client):
    claim = ClaimFactory()
    response = researcher_client.post(
        add_url(claim), {"other": claim.pk, "direction": "answered", "kind": "denies"}
    )
    assert response.status_code == 200
    assert b"A claim cannot answer itself." in response.content
    assert not ClaimRelation.objects.exists()


@pytest.mark.parametrize("direction", ["answered", "answers"])
def test_a_pair_is_recorded_once_in_either_direction(researcher_client, direction):
    existing = ClaimRelationFactory()
    response = researcher_client.post(
        add_url(existing.counter),
        {"other": existing.claim_id, "direction": direction, "kind": "supports"},
    )
    assert response.status_code == 200
    assert b"These two claims are already related." in response.content
    assert ClaimRelation.objects.count() == 1


def test_the_claim_picker_shows_speaker_text_and_date_and_leaves_out_this_claim(
    reader_client, demo
):
    allegation = Claim.objects.get(speaker__name="United States")
    response = reader_client.get(
        reverse("claims:claim-search"),
        {"q": "China", "exclude": allegation.pk},
        headers={**HTMX, "HX-Target": "pair-other-listbox"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="pair-other-listbox-' in html
    assert "China mengatakan bahwa pihaknya tidak menyediakan" in html
    assert f'data-value="{allegation.pk}"' not in html
    assert "15 Oct 2024" in html
    # Readers may search but are not offered to write a claim.
    assert "data-create" not in html


def test_the_claim_picker_offers_to_write_a_new_claim_to_researchers(researcher_client):
    response = researcher_client.get(reverse("claims:claim-search"), {"q": "<i>unheard</i>"})
    assert b'data-create="&lt;i&gt;unheard&lt;/i&gt;"' in response.content


@pytest.mark.parametrize("rows", [10, 200])
def test_the_claim_picker_costs_the_same_queries_at_any_size(
    researcher_client, django_assert_num_queries, rows
):
    many_claims(rows, cited=False)
    # session, user, claims, permissions (2)
    with django_assert_num_queries(5):
        response = researcher_client.get(reverse("claims:claim-search"), {"q": "trade"})
    assert response.content.count(b'data-value="') == 10


# Removing a pair


def test_removing_a_pair_asks_first_and_keeps_both_claims(researcher_client):
    relation = ClaimRelationFactory()
    url = reverse("claims:relation-delete", args=[relation.pk]) + f"?from={relation.counter_id}"
    page = researcher_client.get(url)
    confirm = researcher_client.get(url, headers=HTMX)
    assert page.status_code == confirm.status_code == 200
    assert b"<html" in page.content and b"<html" not in confirm.content
    assert b"Both claims stay" in confirm.content

    response = researcher_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == relation.counter.get_absolute_url()
    assert not ClaimRelation.objects.exists()
    assert Claim.objects.count() == 2
    assert ClaimRelation.history.filter(history_type="-").count() == 1


def test_removing_a_pair_in_place_returns_the_related_claims(researcher_client):
    relation = ClaimRelationFactory()
    response = researcher_client.post(
        reverse("claims:relation-delete", args=[relation.pk]), headers=HTMX
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#relations"
    assert b"No related claims yet." in response.content


# The Pairs page


def test_the_pairs_page_shows_claim_relation_and_counter_side_by_side(reader_client, demo):
    response = reader_client.get(reverse("claims:pair-list"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = [row.split("</tr>")[0] for row in html.split('<tr id="pair-')[1:]]
    denial = next(row for row in rows if "relation-badge badge-denies" in row)
    claim_cell, kind_cell, counter_cell = denial.split("<td")[1:]
    assert "United States" in claim_cell and "denies" in kind_cell and "China" in counter_cell
    assert "Kontan" in claim_cell and "Kontan" in counter_cell
    assert "Verified" in claim_cell and "Verified" in counter_cell


def test_the_pairs_page_filters_by_relation_kind_and_by_either_side(reader_client, demo):
    china = Speaker.objects.get(name="China")

    def kinds(params: dict) -> list[str]:
        response = reader_client.get(reverse("claims:pair-list"), params)
        assert response.status_code == 200
        return sorted(pair["kind"] for pair in response.context["page"])

    assert kinds({}) == ["denies", "supports"]
    assert kinds({"relation_kind": "supports"}) == ["supports"]
    assert kinds({"speaker": china.pk}) == ["denies"]
    assert kinds({"q": "mikroelektronika"}) == ["denies"]
    assert kinds({"relation_kind": "bogus", "speaker": "x"}) == ["denies", "supports"]


def test_the_pairs_page_answers_htmx_with_its_results_and_pushes_the_url(reader_client, demo):
    url = reverse("claims:pair-list")
    response = reader_client.get(url, {"relation_kind": "denies"}, headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content and b'id="pair-results"' in response.content
    assert response["HX-Push-Url"] == f"{url}?relation_kind=denies"


def test_the_pairs_page_links_its_export_with_the_filters_and_import_for_researchers(
    reader_client, client, demo
):
    from tests.factories import UserFactory

    params = {"relation_kind": "denies", "q": "China"}
    as_reader = reader_client.get(reverse("claims:pair-list"), params).content.decode()
    assert '/pairs/export.csv?relation_kind=denies&amp;q=China"' in as_reader
    assert "/pairs/import/" not in as_reader
    client.force_login(UserFactory(researcher=True))
    assert "/pairs/import/" in client.get(reverse("claims:pair-list")).content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_the_pairs_page_costs_the_same_queries_at_any_size(
    reader_client, django_assert_num_queries, rows
):
    many_pairs(rows)
    # session, user, count, the page's ids, their rows, both sides' claims (with their
    # stored representative citations), topics of the filter form, permissions (2)
    with django_assert_num_queries(9):
        response = reader_client.get(reverse("claims:pair-list"))
    assert response.status_code == 200
