import pytest
from django.contrib import admin
from django.urls import reverse

from claims.models import Claim, ClaimRelation, Speaker

pytestmark = pytest.mark.django_db

OUR_APPS = {"claims", "sources"}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_changelist_add_and_change_form_answers_for_a_superuser(staff_client, demo):
    ours = [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]
    assert len(ours) == 12  # with Assessment, Hop, Role, the publishing organisation and
    # DismissedContradiction
    for model in ours:
        assert staff_client.get(admin_url(model, "changelist")).status_code == 200, model
        assert staff_client.get(admin_url(model, "add")).status_code == 200, model
        first = model.objects.first()
        if first is not None:
            response = staff_client.get(admin_url(model, "change", first.pk))
            assert response.status_code == 200, model


def test_admin_search_and_filters_answer(staff_client, demo):
    response = staff_client.get(
        admin_url(Claim, "changelist"), {"q": "Belousov", "citations__verification": "verified"}
    )
    assert response.status_code == 200
    assert b"Departemen militer" in response.content


def test_admin_shows_a_readable_error_for_a_claim_related_to_itself(staff_client, demo):
    claim = Claim.objects.first()
    response = staff_client.post(
        admin_url(ClaimRelation, "add"),
        {"claim": claim.pk, "counter": claim.pk, "kind": "denies", "note": ""},
    )
    assert response.status_code == 200
    assert b"A claim cannot answer itself." in response.content


def test_admin_explains_why_a_speaker_with_claims_cannot_be_deleted(staff_client, demo):
    speaker = Speaker.objects.get(name="China")
    response = staff_client.post(admin_url(Speaker, "delete", speaker.pk), {"post": "yes"})
    assert response.status_code == 200
    assert b"protected" in response.content
    assert Speaker.objects.filter(pk=speaker.pk).exists()


def test_restoring_an_earlier_version_brings_back_the_claim_text(staff_client, demo):
    claim = Claim.objects.get(speaker__name="China")
    original = claim.text
    claim.text = "Changed by mistake."
    claim.save()
    earliest = claim.history.earliest()
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, earliest.history_id])
    form = staff_client.get(url)
    assert form.status_code == 200
    data = {
        "speaker": claim.speaker_id,
        "text": original,
        "language": "id",
        "translation": claim.translation,
        "kind": claim.kind,
        "stated_on": "",
        "topics": [topic.pk for topic in claim.topics.all()],
        "notes": "",
        "loaded_version": claim.version,
        **{
            f"{prefix}-{field}": value
            for prefix in ["citations", "relations_as_claim", "relations_as_counter"]
            for field, value in [("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0)]
        },
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content[:3000]
    claim.refresh_from_db()
    assert claim.text == original
    latest = claim.history.first()
    assert latest.text == original
    assert latest.history_user.username == "staff"


def test_a_deleted_claim_can_be_recovered_from_its_history(staff_client, demo):
    claim = Claim.objects.get(speaker__name="China")
    pk, text = claim.pk, claim.text
    claim.delete()
    recovered = Claim.history.filter(id=pk, history_type="-").get().instance
    recovered.save()
    assert Claim.objects.get(pk=pk).text == text
