import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim
from sources.models import Source
from tests.factories import CitationFactory, ClaimFactory, SourceFactory, UserFactory
from tests.trust.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


def admin_client(username: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=username, staff=True))
    return client


def change_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def test_the_admin_change_form_carries_the_version_it_showed():
    claim = ClaimFactory()
    claim.save()
    response = admin_client("ada").get(change_url(claim))
    assert response.status_code == 200
    assert b'name="loaded_version" value="2"' in response.content


@pytest.mark.parametrize("factory", [ClaimFactory, SourceFactory, CitationFactory])
def test_of_two_admins_saving_the_same_version_the_second_gets_a_readable_error(factory):
    record = factory()
    ada, bob = admin_client("ada"), admin_client("bob")
    ada_form = admin_form_data(ada.get(change_url(record)))
    bob_form = admin_form_data(bob.get(change_url(record)))
    field = {"Claim": "text", "Source": "title", "Citation": "locator"}[type(record).__name__]

    first = ada.post(change_url(record), {**ada_form, field: "Ada's edit"})
    second = bob.post(change_url(record), {**bob_form, field: "Bob's edit"})

    assert first.status_code == 302, first.context["adminform"].form.errors
    assert second.status_code == 200
    html = second.content.decode()
    assert "ada saved a newer version of this record" in html
    assert "Bob&#x27;s edit" in html  # Bob's input is still in the form
    record.refresh_from_db()
    assert getattr(record, field) == "Ada's edit"
    assert record.history.filter(history_type="~").count() == 1


def test_a_claim_edited_in_admin_with_its_citations_inline_saves_and_moves_the_version():
    claim = CitationFactory(quote="Statement.", claim__text="Statement.").claim
    ada = admin_client("ada")
    data = admin_form_data(ada.get(change_url(claim)))
    response = ada.post(change_url(claim), {**data, "text": "Statement, revised."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.text, claim.version) == ("Statement, revised.", 2)


def test_admin_revert_from_history_is_guarded_too():
    source = SourceFactory(title="First title")
    first = source.history.first()
    source.title = "Second title"
    source.save()
    ada = admin_client("ada")
    url = reverse("admin:sources_source_simple_history", args=[source.pk, first.history_id])
    form = ada.get(url)
    assert b'name="loaded_version" value="2"' in form.content
    data = admin_form_data(form)
    source.title = "Third title, meanwhile"
    source.save()

    refused = ada.post(url, data)

    assert refused.status_code == 200
    assert b"saved a newer version of this record" in refused.content
    source.refresh_from_db()
    assert source.title == "Third title, meanwhile"
    accepted = ada.post(url, {**data, "loaded_version": "3"})
    assert accepted.status_code == 302
    assert Source.objects.get(pk=source.pk).title == "First title"


def test_a_deleted_record_can_still_be_recovered_in_admin():
    claim = ClaimFactory(text="Recover me.")
    pk = claim.pk
    ada = admin_client("ada")
    ada.post(reverse("admin:claims_claim_delete", args=[pk]), {"post": "yes"})
    created = Claim.history.get(id=pk, history_type="+")
    url = reverse("admin:claims_claim_simple_history", args=[pk, created.history_id])
    data = admin_form_data(ada.get(url))
    response = ada.post(url, data)
    assert response.status_code == 302, response.content[:3000]
    assert Claim.objects.get(pk=pk).text == "Recover me."


def test_a_citation_saved_meanwhile_is_not_overwritten_by_the_claims_inline_rows():
    citation = CitationFactory(quote="Statement.", claim__text="Statement.", locator="p. 1")
    claim = citation.claim
    bob = admin_client("bob")
    bob_form = admin_form_data(bob.get(change_url(claim)))
    locator = next(name for name in bob_form if name.endswith("-locator"))
    assert any(name.endswith("-loaded_version") for name in bob_form)
    # Ada corrects the citation on its own (its admin page, or the claim page) meanwhile:
    # the claim itself is unchanged, so only the inline row can tell.
    ada = admin_client("ada")
    ada_form = admin_form_data(ada.get(change_url(citation)))
    assert ada.post(change_url(citation), {**ada_form, "locator": "p. 2 (Ada)"}).status_code == 302

    answer = bob.post(change_url(claim), {**bob_form, locator: "p. 3 (Bob)"})

    assert answer.status_code == 200
    assert "ada saved a newer version of this record" in answer.content.decode()
    citation.refresh_from_db()
    assert citation.locator == "p. 2 (Ada)"
    claim.refresh_from_db()
    assert claim.version == 1  # nothing of Bob's save was kept, the claim's row included
