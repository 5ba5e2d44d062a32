"""The quote assistant's pages, through the client, with and without htmx."""

import pytest
from django.urls import reverse

from assistant import review
from assistant.models import DismissedSuggestion
from claims.demo import ARTICLE_FILE
from claims.models import Citation, Claim, ClaimRelation, Speaker
from sources.models import Outlet, Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

SEED = ARTICLE_FILE.read_text(encoding="utf-8")


@pytest.fixture
def pasted(demo):
    """The seed article pasted again as a new source, with the demo's speakers known."""
    return SourceFactory(title="Pasted Kontan article", body=SEED, language="id")


def url(source, action=""):
    name = {"": "suggestion-list", "accept": "suggestion-accept"}.get(action, "suggestion-dismiss")
    return reverse(f"assistant:{name}", args=[source.pk])


def accept_data(offer):
    suggestion = offer.suggestion
    return {
        "start": suggestion.start,
        "end": suggestion.end,
        "text": suggestion.text,
        "kind": suggestion.kind,
        "speaker_name": suggestion.speaker.name,
        "speaker_id": suggestion.speaker.id or "",
        "relays": ", ".join(suggestion.relays),
    }


def test_anonymous_visitors_are_sent_to_sign_in(client, pasted):
    response = client.get(url(pasted))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_reader_cannot_start_the_assistant_nor_accept_nor_dismiss(reader_client, pasted):
    for headers in ({}, {"HX-Request": "true"}):
        response = reader_client.get(url(pasted), headers=headers)
        assert response.status_code == 403
        assert "only Researchers can" in response.content.decode()
    assert b"Suggest claims" not in reader_client.get(pasted.get_absolute_url()).content
    offer = review.offers_for(pasted)[0]
    assert reader_client.post(url(pasted, "accept"), accept_data(offer)).status_code == 403
    assert reader_client.post(url(pasted, "dismiss"), {"start": 0, "end": 5}).status_code == 403
    assert not DismissedSuggestion.objects.exists()


def test_a_researcher_sees_suggestions_as_a_page_or_a_fragment(researcher_client, pasted):
    page = researcher_client.get(url(pasted))
    assert page.status_code == 200 and b"<html" in page.content
    assert b"9 open suggestions" in page.content
    assert b'data-action="accept"' in page.content
    assert b"Suggest claims" in researcher_client.get(pasted.get_absolute_url()).content
    fragment = researcher_client.get(url(pasted), headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and b"<html" not in fragment.content
    assert b'id="assistant"' in fragment.content


@pytest.fixture
def computations(monkeypatch) -> list[int]:
    """Each run of the rules, by the length of the text they read (the real rules run)."""
    runs, real = [], review.suggest

    def counted(body, **kwargs):
        runs.append(len(body))
        return real(body, **kwargs)

    monkeypatch.setattr(review, "suggest", counted)
    return runs


def test_view_accept_and_dismiss_compute_a_texts_suggestions_once(
    researcher_client, pasted, computations
):
    hx = {"HX-Request": "true"}
    offers = researcher_client.get(url(pasted)).context["offers"]
    dismissed, accepted = offers[0].suggestion, offers[1]
    span = {"start": dismissed.start, "end": dismissed.end}
    assert researcher_client.post(url(pasted, "dismiss"), span, headers=hx).status_code == 200
    response = researcher_client.post(url(pasted, "accept"), accept_data(accepted), headers=hx)
    assert response.status_code == 200
    assert researcher_client.get(url(pasted)).context["open_count"] == 7
    assert computations == [len(pasted.body)]


def test_the_suggestions_are_computed_again_when_the_text_or_a_name_changes(
    researcher_client, pasted, computations
):
    researcher_client.get(url(pasted))
    pasted.body = pasted.body.replace("Departemen militer", "Departemen-departemen militer")
    pasted.save()
    researcher_client.get(url(pasted))
    belousov = Speaker.objects.get(name="Andrei Belousov")
    belousov.aliases += "\nMenhan Rusia"
    belousov.save()
    researcher_client.get(url(pasted))
    Outlet.objects.create(name="Harian Rakyat")
    researcher_client.get(url(pasted))
    researcher_client.get(url(pasted))
    assert len(computations) == 4


@pytest.mark.parametrize(
    "body, message",
    [
        ("Kata dia. " * 20_001, "200,010 characters long, and the assistant reads texts of up to"),
        (
            '"Ya," kata dia. ' * 2_001,
            "4,002 quotation marks, and the assistant reads texts of up to",
        ),
    ],
    ids=["long text", "many quotation marks"],
)
def test_a_text_past_the_assistants_limits_is_refused_in_plain_words(
    researcher_client, db, computations, body, message
):
    source = SourceFactory(body=body)
    response = researcher_client.get(url(source))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not response.context["offers"]
    assert computations == []


def test_the_demo_article_is_already_fully_cited(researcher_client, demo):
    kontan = Source.objects.get(outlet__name="Kontan")
    response = researcher_client.get(url(kontan))
    offers = response.context["offers"]
    assert len(offers) == 9 and all(not offer.is_open for offer in offers)
    assert response.context["open_count"] == 0


def test_the_suggestions_page_runs_a_fixed_number_of_queries(
    researcher_client, pasted, django_assert_num_queries
):
    researcher_client.get(url(pasted))  # computes the suggestions and keeps them
    # session, user, source, speakers' and outlets' state, the cache, dismissals,
    # citations, roles and the recorded claims the suggestions may duplicate, user and
    # group perms
    with django_assert_num_queries(12):
        researcher_client.get(url(pasted))
    Speaker.objects.bulk_create(Speaker(name=f"Extra speaker {n}") for n in range(30))
    researcher_client.get(url(pasted))
    with django_assert_num_queries(12):
        researcher_client.get(url(pasted))


def test_accepting_every_suggestion_builds_the_claims_citations_and_the_denial(
    researcher_client, pasted
):
    for offer in review.offers_for(pasted):
        response = researcher_client.post(
            url(pasted, "accept"), accept_data(offer), headers={"HX-Request": "true"}
        )
        assert response.status_code == 200 and b"<html" not in response.content
    citations = Citation.objects.filter(source=pasted).select_related("claim__speaker")
    assert citations.count() == 9
    assert all(citation.verification == Citation.Verification.VERIFIED for citation in citations)
    speakers = sorted(citation.claim.speaker.name for citation in citations)
    assert speakers == sorted(
        ["Andrei Belousov"] * 4
        + [
            "Ministry of National Defense of China",
            "Chinese military",
            "Russia",
            "United States",
            "China",
        ]
    )
    us = citations.get(claim__speaker__name="United States").claim
    china = citations.get(claim__speaker__name="China").claim
    relation = ClaimRelation.objects.get(claim=us, counter=china)
    assert relation.kind == ClaimRelation.Kind.DENIES
    talks = citations.get(quote__startswith="Belousov mengatakan")
    # Reuters is a hop of the citation, not a text-less placeholder source.
    assert [hop.outlet.name for hop in talks.hops.all()] == ["Reuters"]
    assert talks.via is None and not Source.objects.filter(body="").exists()
    assert review.offers_for(pasted) and all(not o.is_open for o in review.offers_for(pasted))


def test_without_htmx_accepting_redirects_back_to_the_suggestions(researcher_client, pasted):
    offer = review.offers_for(pasted)[0]
    response = researcher_client.post(url(pasted, "accept"), accept_data(offer))
    assert response.status_code == 302 and response["Location"] == url(pasted)


def test_an_edited_suggestion_creates_a_new_speaker_and_names_an_unknown_relay(
    researcher_client, pasted
):
    offer = review.offers_for(pasted)[0]
    data = {
        **accept_data(offer),
        "speaker_name": "Someone Else",
        "speaker_id": "",
        "relays": "Harian Rakyat",
    }
    data["text"] = "An edited wording."
    researcher_client.post(url(pasted, "accept"), data)
    claim = Claim.objects.get(text="An edited wording.")
    assert claim.speaker.name == "Someone Else"
    citation = claim.citations.get(source=pasted)
    assert citation.quote == offer.suggestion.quote
    # An outlet we do not know stays a name on the hop: nothing is invented for it.
    assert [(hop.name, hop.outlet) for hop in citation.hops.all()] == [("Harian Rakyat", None)]
    assert not Outlet.objects.filter(name="Harian Rakyat").exists()


def test_bad_input_re_renders_with_an_error_and_saves_nothing(researcher_client, pasted):
    before = Claim.objects.count()
    response = researcher_client.post(
        url(pasted, "accept"),
        {"start": 10, "end": 999999, "text": "x", "kind": "paraphrase", "speaker_name": "X"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "no longer in the source" in response.content.decode()
    offer = review.offers_for(pasted)[0]
    response = researcher_client.post(
        url(pasted, "accept"), {**accept_data(offer), "speaker_name": "", "kind": "nonsense"}
    )
    assert response.status_code == 200 and b"This field is required" in response.content
    assert Claim.objects.count() == before


def test_a_dismissed_suggestion_does_not_come_back_until_its_words_change(
    researcher_client, pasted
):
    offer = next(o for o in review.offers_for(pasted) if "Departemen militer" in o.suggestion.quote)
    span = {"start": offer.suggestion.start, "end": offer.suggestion.end}
    response = researcher_client.post(url(pasted, "dismiss"), span, headers={"HX-Request": "true"})
    assert response.status_code == 200
    keys = [o.key for o in review.offers_for(pasted)]
    assert offer.key not in keys and len(keys) == 8
    researcher_client.post(url(pasted, "dismiss"), span)  # twice is harmless
    assert DismissedSuggestion.objects.count() == 1
    pasted.body = pasted.body.replace("Departemen militer", "Departemen-departemen militer")
    pasted.save()
    assert len(review.offers_for(pasted)) == 9


def test_a_dismissal_holds_when_the_text_is_edited_around_its_passage(researcher_client, pasted):
    offer = next(o for o in review.offers_for(pasted) if "Departemen militer" in o.suggestion.quote)
    researcher_client.post(
        url(pasted, "dismiss"), {"start": offer.suggestion.start, "end": offer.suggestion.end}
    )
    pasted.body = "Diperbarui pukul 22.00 WIB.\n\n" + pasted.body  # every offset moves
    pasted.save()
    quotes = [o.suggestion.quote for o in review.offers_for(pasted)]
    assert offer.suggestion.quote not in quotes and len(quotes) == 8


def test_suggestions_are_listed_most_confident_first_with_their_evidence(researcher_client, pasted):
    offers = review.offers_for(pasted)
    confidences = [o.suggestion.confidence for o in offers]
    assert confidences == sorted(confidences, reverse=True)
    page = researcher_client.get(url(pasted)).content.decode()
    first, last = offers[0].suggestion, offers[-1].suggestion
    assert page.index(f'id="suggestion-{first.key}"') < page.index(f'id="suggestion-{last.key}"')
    assert 'class="cue">mengatakan</mark>' in page or '<mark class="cue">' in page
    assert "confidence" in page


def test_accept_all_above_a_confidence_accepts_only_those(researcher_client, pasted):
    offers = review.offers_for(pasted)
    threshold = sorted(o.suggestion.confidence for o in offers)[len(offers) // 2]
    expected = [o for o in offers if o.suggestion.confidence >= threshold and o.suggestion.speaker]
    response = researcher_client.post(
        reverse("assistant:suggestion-bulk-accept", args=[pasted.pk]),
        {"threshold": threshold},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert Citation.objects.filter(source=pasted).count() == len(expected) > 0
    refused = researcher_client.post(
        reverse("assistant:suggestion-bulk-accept", args=[pasted.pk]), {"threshold": "7"}
    )
    assert refused.status_code == 302
    assert Citation.objects.filter(source=pasted).count() == len(expected)


def test_a_denial_pairs_with_a_claim_already_recorded(researcher_client, db):
    us = Speaker.objects.create(name="United States", aliases="AS\nAmerika Serikat")
    china = Speaker.objects.create(name="China", aliases="Tiongkok")
    earlier = SourceFactory(title="Earlier report", body="x")
    allegation, _ = Claim.objects.create_with_citation(
        speaker=us,
        text="China supplies drones that Russia uses in Ukraine.",
        language="en",
        source=earlier,
        quote="x",
    )
    source = SourceFactory(
        title="New article",
        language="id",
        body="Tiongkok membantah tuduhan Amerika Serikat soal pengiriman drone ke Rusia.",
    )
    offer = only_offer(review.offers_for(source))
    assert offer.suggestion.speaker.id == china.pk
    assert offer.denies_recorded == allegation
    page = researcher_client.get(url(source)).content.decode()
    assert "Denies the recorded claim" in page
    data = accept_data(offer) | {"denies_claim": allegation.pk}
    researcher_client.post(url(source, "accept"), data)
    denial = Citation.objects.get(source=source).claim
    assert ClaimRelation.objects.get(claim=allegation, counter=denial).kind == "denies"


def only_offer(offers):
    assert len(offers) == 1, offers
    return offers[0]


def test_a_source_without_text_says_so(researcher_client, db):
    source = SourceFactory(body="")
    response = researcher_client.get(url(source))
    assert response.status_code == 200 and b"no text to suggest claims from" in response.content


def test_a_missing_source_is_a_404(researcher_client, db):
    assert (
        researcher_client.get(reverse("assistant:suggestion-list", args=[999999])).status_code
        == 404
    )


def test_a_speaker_created_by_one_accept_is_matched_in_every_later_suggestion(
    researcher_client, db
):
    source = SourceFactory(
        title="Harbour",
        language="en",
        body=(
            "Opposition leader Marek Dunn said the harbour contract was rigged from the start.\n\n"
            "Dunn said he would take the documents to the prosecutor next week."
        ),
    )
    first, second = sorted(review.offers_for(source), key=lambda offer: offer.suggestion.start)
    assert first.suggestion.speaker.is_new and second.suggestion.speaker.is_new
    researcher_client.post(url(source, "accept"), accept_data(first))
    dunn = Speaker.objects.get(name="Marek Dunn")
    (left,) = [offer for offer in review.offers_for(source) if offer.is_open]
    assert left.suggestion.speaker.id == dunn.pk
    assert left.suggestion.speaker.mention == "Dunn"
