"""Adding and removing a claim's citations in place, and the source picker."""

import pytest
from django.urls import reverse

from claims.models import Citation, Claim
from sources.models import Source
from tests.factories import CitationFactory, ClaimFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BODY = "The minister said: we stand together. Later the minister said: we stand together."


def add_url(claim: Claim) -> str:
    return reverse("claims:citation-create", args=[claim.pk])


def delete_url(citation: Citation) -> str:
    return reverse("claims:citation-delete", args=[citation.pk])


def test_the_citation_form_is_a_page_or_a_fragment(researcher_client):
    claim = ClaimFactory()
    page = researcher_client.get(add_url(claim))
    fragment = researcher_client.get(add_url(claim), headers=HTMX)
    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content and b"<html" not in fragment.content
    assert b'id="citation-form"' in fragment.content
    assert reverse("sources:source-autocomplete").encode() in fragment.content


def test_a_second_citation_relays_the_first_and_the_chain_shows_it(researcher_client):
    claim = ClaimFactory(text="We stand together.")
    wire = CitationFactory(claim=claim, source=SourceFactory(outlet=OutletFactory(name="Reuters")))
    kontan = SourceFactory(outlet=OutletFactory(name="Kontan"), body="He said: We stand together.")

    response = researcher_client.post(
        add_url(claim),
        {"source": kontan.pk, "quote": "We stand together.", "via": wire.pk, "locator": "¶ 3"},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#citations"
    citation = claim.citations.get(source=kontan)
    assert citation.via == wire
    assert citation.verification == Citation.Verification.VERIFIED
    assert citation.locator == "¶ 3"
    assert citation.chain_label() == "Kontan ← Reuters"
    html = response.content.decode()
    assert html.index("Kontan</a>") < html.index("Reuters</a>", html.index("Kontan</a>"))
    assert "Citation added." in html


def test_without_htmx_adding_a_citation_redirects_to_it(researcher_client):
    claim = ClaimFactory()
    source = SourceFactory()
    response = researcher_client.post(add_url(claim), {"source": source.pk, "quote": "Words."})
    citation = claim.citations.get()
    assert response.status_code == 302
    assert response["Location"] == citation.get_absolute_url()


def test_a_quote_that_occurs_twice_asks_for_context_and_then_anchors_where_it_says(
    researcher_client,
):
    claim = ClaimFactory()
    source = SourceFactory(body=BODY)
    data = {"source": source.pk, "quote": "we stand together"}

    refused = researcher_client.post(add_url(claim), data, headers=HTMX)

    assert refused.status_code == 200
    assert b"These words occur 2 times in the source" in refused.content
    assert b'<details class="quote-context" open>' in refused.content
    assert not claim.citations.exists()

    # Words typed as people type them: no trailing space.
    accepted = researcher_client.post(
        add_url(claim), {**data, "anchor_prefix": "Later the minister said:"}, headers=HTMX
    )
    assert accepted.status_code == 200
    citation = claim.citations.get()
    assert citation.anchor_start == BODY.rindex("we stand together")


def test_a_quote_not_in_the_source_is_saved_and_flagged(researcher_client):
    claim = ClaimFactory()
    source = SourceFactory(body=BODY)
    response = researcher_client.post(
        add_url(claim), {"source": source.pk, "quote": "Words nobody printed."}, headers=HTMX
    )
    assert response.status_code == 200
    assert claim.citations.get().verification == Citation.Verification.NOT_FOUND
    assert b"was not found in the source's text" in response.content
    assert b"verification-not_found" in response.content


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"quote": "Words."}, b"Choose a source."),
        ({"source": "999999", "quote": "Words."}, b"Choose a source from the suggestions."),
        ({"source": "abc", "quote": "Words."}, b"Choose a source from the suggestions."),
        ({"quote": ""}, b"This field is required."),
    ],
)
def test_invalid_citations_come_back_with_their_errors(researcher_client, data, error):
    claim = ClaimFactory()
    response = researcher_client.post(add_url(claim), data, headers=HTMX)
    assert response.status_code == 200
    assert error in response.content
    assert not claim.citations.exists()


def test_a_claim_is_cited_once_per_passage_of_a_source(researcher_client):
    source = SourceFactory(body="They said it was junk. Later: it is junk, funded from abroad.")
    existing = CitationFactory(source=source, quote="it was junk")
    again = researcher_client.post(
        add_url(existing.claim), {"source": source.pk, "quote": "it was junk"}
    )
    assert again.status_code == 200
    assert b"This passage is already cited for this claim." in again.content
    assert existing.claim.citations.count() == 1
    another = researcher_client.post(
        add_url(existing.claim), {"source": source.pk, "quote": "funded from abroad"}
    )
    assert another.status_code == 302
    assert existing.claim.citations.count() == 2


def test_via_offers_only_the_claims_own_citations(researcher_client):
    claim = ClaimFactory()
    own = CitationFactory(claim=claim)
    foreign = CitationFactory()
    form = researcher_client.get(add_url(claim)).context["form"]
    assert list(form.fields["via"].queryset) == [own]

    response = researcher_client.post(
        add_url(claim), {"source": SourceFactory().pk, "quote": "Words.", "via": foreign.pk}
    )
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content


def test_the_source_picker_finds_by_title_and_by_words_of_the_text(reader_client):
    SourceFactory(title="Kompak Kritik Amerika", outlet=OutletFactory(name="Kontan"))
    SourceFactory(title="Something else", body="Menteri pertahanan berkata.")
    by_title = reader_client.get(
        reverse("sources:source-autocomplete"), {"q": "kritik"}, headers={**HTMX, "HX-Target": "x"}
    )
    by_text = reader_client.get(reverse("sources:source-autocomplete"), {"q": "pertahanan"})
    nothing = reader_client.get(reverse("sources:source-autocomplete"), {"q": "<b>zzz</b>"})
    assert b'role="option"' in by_title.content and b"Kompak Kritik Amerika" in by_title.content
    assert b'id="x-' in by_title.content and b"Kontan" in by_title.content
    assert b"Something else" not in by_title.content
    assert b"Something else" in by_text.content
    assert b"No source matches" in nothing.content and b"&lt;b&gt;zzz" in nothing.content


@pytest.mark.parametrize("rows", [10, 200])
def test_the_source_picker_costs_the_same_queries_at_any_size(
    reader_client, django_assert_num_queries, rows
):
    outlet = OutletFactory()
    Source.objects.bulk_create(SourceFactory.build(outlet=outlet) for _ in range(rows))
    with django_assert_num_queries(3):
        response = reader_client.get(reverse("sources:source-autocomplete"), {"q": "Source"})
    assert response.content.count(b'role="option"') == 10


# Removing a citation


def test_removing_a_citation_asks_first_then_removes_it_in_place(researcher_client):
    citation = CitationFactory()
    page = researcher_client.get(delete_url(citation))
    confirm = researcher_client.get(delete_url(citation), headers=HTMX)
    assert page.status_code == confirm.status_code == 200
    assert b"<html" in page.content and b"<html" not in confirm.content
    assert b"Remove citation" in confirm.content

    response = researcher_client.post(delete_url(citation), headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#citations"
    assert not Citation.objects.filter(pk=citation.pk).exists()
    assert Citation.history.filter(id=citation.pk, history_type="-").exists()


def test_without_htmx_removing_a_citation_redirects_to_the_claim(researcher_client):
    citation = CitationFactory()
    response = researcher_client.post(delete_url(citation))
    assert response.status_code == 302
    assert response["Location"] == citation.claim.get_absolute_url()


def test_a_citation_that_another_relays_cannot_be_removed_and_the_page_says_which(
    researcher_client,
):
    original = CitationFactory(source=SourceFactory(outlet=OutletFactory(name="Russian MoD")))
    relay = CitationFactory(
        claim=original.claim,
        via=original,
        source=SourceFactory(outlet=OutletFactory(name="Reuters")),
    )

    confirm = researcher_client.get(delete_url(original), headers=HTMX)
    assert b"This citation cannot be removed" in confirm.content
    assert b"Reuters" in confirm.content and b"Remove citation" not in confirm.content

    refused = researcher_client.post(delete_url(original), headers=HTMX)
    assert refused.status_code == 409
    assert b"another citation relays it" in refused.content
    assert Citation.objects.filter(pk=original.pk).exists()
    assert relay.via_id == original.pk


@pytest.mark.timeout(60)  # Before, each anchoring searched afresh after every occurrence.
def test_a_quote_repeated_through_a_megabyte_is_refused_as_ambiguous_at_once(researcher_client):
    claim = ClaimFactory()
    source = SourceFactory(body="a " * 500_000)
    response = researcher_client.post(
        add_url(claim), {"source": source.pk, "quote": "a " * 50_000 + "a"}, headers=HTMX
    )
    assert response.status_code == 200
    assert "occur 450000 times in the source" in response.content.decode()
    assert not claim.citations.exists()
