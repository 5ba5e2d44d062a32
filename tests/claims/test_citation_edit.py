"""A citation edited in place: its quote anchored and verified again, its locator and
relay chain, version-checked, in history, and not for Readers."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Citation, Hop
from tests.factories import CitationFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
BODY = "Moscow. Belousov said the exercises would go on as planned, Reuters reported."


@pytest.fixture
def rita():
    client = Client()
    client.force_login(UserFactory(username="rita", researcher=True))
    return client


def edit(client, citation: Citation, version: int | None = None, **fields):
    data = {
        "quote": citation.quote,
        "locator": citation.locator,
        "via": "",
        "anchor_prefix": "",
        "anchor_suffix": "",
        "relays": "",
        "version": version or citation.version,
        **fields,
    }
    return client.post(reverse("claims:citation-update", args=[citation.pk]), data, headers=HX)


def test_a_corrected_quote_is_anchored_and_verified_again_and_the_edit_is_in_history(rita):
    citation = CitationFactory(source=SourceFactory(body=BODY), quote="the exercise will go on")
    assert citation.verification == Citation.Verification.NOT_FOUND

    answer = edit(rita, citation, quote="the exercises would go on", locator="para 1")

    assert answer.status_code == 200
    assert 'id="citations"' in answer.content.decode()  # the section, swapped in place
    citation.refresh_from_db()
    assert citation.verification == Citation.Verification.VERIFIED
    assert BODY[citation.anchor_start : citation.anchor_end] == "the exercises would go on"
    assert citation.locator == "para 1"
    assert citation.history.first().history_user.username == "rita"
    assert citation.history.count() == 2


def test_the_relay_chain_is_typed_again_and_hops_whose_names_stay_keep_their_words(rita):
    citation = CitationFactory(source=SourceFactory(body=BODY), quote="the exercises would go on")
    citation.set_hops([Hop.named("Reuters")])
    reuters = citation.hops.get()
    reuters.quote, reuters.language = "drills will continue as planned", "en"
    reuters.save()

    form = rita.get(reverse("claims:citation-update", args=[citation.pk]), headers=HX)
    assert 'value="Reuters"' in form.content.decode()
    edit(rita, citation, relays="Reuters", locator="lead")
    assert list(citation.hops.values_list("pk", "quote")) == [
        (reuters.pk, "drills will continue as planned")
    ]
    citation.refresh_from_db()
    edit(rita, citation, relays="Reuters ← Russian Ministry of Defence (Telegram)")
    assert list(citation.hops.order_by("position").values_list("name", flat=True)) == [
        "Reuters",
        "Russian Ministry of Defence (Telegram)",
    ]
    citation.refresh_from_db()
    edit(rita, citation, relays="")
    assert not citation.hops.exists()


def test_an_edit_over_someone_elses_newer_one_is_refused_and_keeps_both(rita):
    citation = CitationFactory(source=SourceFactory(body=BODY), quote="Belousov said")
    loaded = citation.version
    citation.locator = "their locator"
    citation.save()

    answer = edit(rita, citation, version=loaded, locator="my locator")

    assert answer.status_code == 409
    assert "my locator" in answer.content.decode()  # still in the form
    citation.refresh_from_db()
    assert citation.locator == "their locator"


def test_a_reader_sees_no_edit_link_and_cannot_edit(client):
    citation = CitationFactory(source=SourceFactory(body=BODY), quote="Belousov said")
    client.force_login(UserFactory(reader=True))
    page = client.get(citation.claim.get_absolute_url()).content.decode()
    assert reverse("claims:citation-update", args=[citation.pk]) not in page
    assert edit(client, citation, locator="x").status_code == 403
