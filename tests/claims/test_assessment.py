import datetime
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pyld import jsonld

from claims.models import Assessment, Claim
from tests.factories import CitationFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "data" / "schemaorg-vocabulary.txt"
JSON_LD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def vocabulary() -> dict[str, set[str]]:
    """Each type's properties, its ancestors' included."""
    own, parents = {}, {}
    for line in VOCABULARY_FILE.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, properties = line.partition(":")
        name, _, parent = (part.strip() for part in head.partition("<"))
        own[name], parents[name] = set(properties.split()), parent or None
    allowed = {}
    for name in own:
        allowed[name], ancestor = set(), name
        while ancestor:
            allowed[name] |= own[ancestor]
            ancestor = parents[ancestor]
    return allowed


def unknown_terms(node, allowed, where="") -> list[str]:
    """Every type not in the vocabulary and every property not valid on its node's type."""
    if isinstance(node, list):
        return [term for item in node for term in unknown_terms(item, allowed, where)]
    if not isinstance(node, dict):
        return []
    node_type = node.get("@type")
    problems = []
    if node_type is not None and node_type not in allowed:
        problems.append(f"{where}@type {node_type}")
    for key, value in node.items():
        if not key.startswith("@") and node_type in allowed and key not in allowed[node_type]:
            problems.append(f"{where}{node_type}.{key}")
        problems += unknown_terms(value, allowed, f"{where}{key}/")
    return problems


def offline_loader(url, options=None):
    # A stand-in for https://schema.org's context, so no test touches the network: every
    # term is a schema.org term, which is what schema.org's own context says too.
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"No network in tests: {url}", "loading document failed")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


def expand(document: dict) -> list:
    return jsonld.expand(document, {"documentLoader": offline_loader})


@pytest.fixture
def assessed_demo_claim(demo, researcher):
    claim = Claim.objects.get(text__startswith="AS mengatakan China mendukung")
    Assessment.record(
        claim=claim,
        rating=Assessment.Rating.MISLEADING,
        explanation="China denies sending weapons; the US spoke of dual-use goods.",
        by=researcher,
    )
    publish(claim)
    return claim


def publish(*claims) -> None:
    """Published: its verdict is public (claims.workflow; the moves are tested there)."""
    Claim.objects.filter(pk__in=[claim.pk for claim in claims]).update(status="published")


def page_json_ld(client, claim) -> dict:
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    blocks = JSON_LD_BLOCK.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_claim_page_embeds_a_claimreview_that_expands_as_json_ld(
    reader_client, assessed_demo_claim
):
    document = page_json_ld(reader_client, assessed_demo_claim)
    expanded = expand(document)
    assert len(expanded) == 1
    review = expanded[0]
    assert review["@type"] == ["https://schema.org/ClaimReview"]
    item = review["https://schema.org/itemReviewed"][0]
    assert item["@type"] == ["https://schema.org/Claim"]
    assert item["https://schema.org/author"][0]["https://schema.org/name"][0]["@value"] == (
        "United States"
    )
    rating = review["https://schema.org/reviewRating"][0]
    assert rating["https://schema.org/alternateName"][0]["@value"] == "Misleading"
    assert rating["https://schema.org/ratingValue"][0]["@value"] == 2


def test_the_claimreview_says_who_what_where_and_when(reader_client, assessed_demo_claim):
    document = page_json_ld(reader_client, assessed_demo_claim)
    assert document["@type"] == "ClaimReview"
    assert document["claimReviewed"] == assessed_demo_claim.translation
    assert document["url"] == f"http://testserver/claims/{assessed_demo_claim.pk}/#assessment"
    assert document["author"] == {
        "@type": "Organization",
        "name": "Claimtrail",
        "url": "https://claimtrail.example",
    }
    assert document["datePublished"] == datetime.date.today().isoformat()
    item = document["itemReviewed"]
    # The US government is an organisation, not a person.
    assert item["author"]["@type"] == "Organization"
    assert item["firstAppearance"] == item["appearance"][0]
    assert item["appearance"][0]["headline"].startswith("Kompak Kritik Amerika")
    assert item["appearance"][0]["publisher"]["name"] == "Kontan"
    assert item["appearance"][0]["datePublished"] == "2024-10-16T14:45:00+00:00"
    assert document["reviewRating"] | {"ratingExplanation": ""} == {
        "@type": "Rating",
        "alternateName": "Misleading",
        "ratingExplanation": "",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_the_claimreview_uses_only_schema_org_terms(reader_client, assessed_demo_claim):
    allowed = vocabulary()
    assert unknown_terms(page_json_ld(reader_client, assessed_demo_claim), allowed) == []
    # The check can fail: an invented property is caught.
    assert unknown_terms({"@type": "Claim", "counterClaim": "x"}, allowed) == ["Claim.counterClaim"]


def test_a_person_speaker_is_a_person(reader_client, demo, researcher):
    claim = Claim.objects.filter(speaker__name="Andrei Belousov").first()
    Assessment.record(claim=claim, rating="accurate", explanation="Matches Reuters.", by=researcher)
    publish(claim)
    document = page_json_ld(reader_client, claim)
    assert document["itemReviewed"]["author"]["@type"] == "Person"
    assert document["itemReviewed"]["author"]["description"] == "Minister of Defence of Russia"


def test_a_source_that_gives_its_day_alone_appears_on_that_day(reader_client, researcher):
    claim = ClaimFactory()
    source = SourceFactory(published=datetime.date(2024, 10, 17))
    CitationFactory(claim=claim, source=source)
    Assessment.record(claim=claim, rating="false", explanation="No.", by=researcher)
    publish(claim)
    appearance = page_json_ld(reader_client, claim)["itemReviewed"]["appearance"][0]
    assert appearance["datePublished"] == "2024-10-17"
    page = reader_client.get(claim.get_absolute_url()).text
    # The day, without the midnight it is kept at.
    assert '<time datetime="2024-10-17">17 Oct 2024</time>' in page
    assert "17 Oct 2024, 00:00" not in page


def test_an_unverifiable_claim_has_a_rating_name_but_no_value(reader_client, researcher):
    claim = ClaimFactory()
    Assessment.record(claim=claim, rating="unverifiable", explanation="No record.", by=researcher)
    publish(claim)
    rating = page_json_ld(reader_client, claim)["reviewRating"]
    assert rating["alternateName"] == "Unverifiable" and "ratingValue" not in rating


def test_claim_text_cannot_break_out_of_the_json_ld_block(reader_client, researcher):
    hostile = "</script><script>alert(1)</script> & <!-- --> \u2028"
    claim = ClaimFactory(text=hostile, speaker__name="</script><b>x</b>")
    Assessment.record(claim=claim, rating="false", explanation=hostile, by=researcher)
    publish(claim)
    html = reader_client.get(claim.get_absolute_url()).content.decode()
    block = JSON_LD_BLOCK.search(html).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "<script>alert(1)" not in html
    document = json.loads(block)
    assert document["claimReviewed"] == hostile
    assert document["itemReviewed"]["author"]["name"] == "</script><b>x</b>"


def test_an_unassessed_claim_has_no_json_ld(reader_client):
    response = reader_client.get(ClaimFactory().get_absolute_url())
    assert b"application/ld+json" not in response.content
    assert b"Not assessed yet." in response.content


# --- The feed --------------------------------------------------------------------------


def test_the_feed_serves_every_claimreview_as_one_graph(
    reader_client, assessed_demo_claim, researcher, django_assert_num_queries
):
    other = Claim.objects.get(text__startswith="China mengatakan bahwa")
    Assessment.record(claim=other, rating="accurate", explanation="Its own words.", by=researcher)
    publish(other)
    # the claims, their joint speakers, their citations with sources, and those hops,
    # and who publishes
    with django_assert_num_queries(7):
        response = reader_client.get(reverse("claims:claimreview-feed"))
    assert response["Content-Type"] == "application/ld+json"
    document = json.loads(response.content)
    assert [node["itemReviewed"]["author"]["name"] for node in document["@graph"]] == sorted(
        ["United States", "China"],
        key=lambda name: {"United States": assessed_demo_claim.pk, "China": other.pk}[name],
    )
    assert len(expand(document)) == 2
    assert unknown_terms(document, vocabulary()) == []


def test_the_feed_query_count_does_not_grow(reader_client, researcher, django_assert_num_queries):
    for claim in ClaimFactory.create_batch(6):
        Assessment.record(claim=claim, rating="mixed", explanation="Partly.", by=researcher)
        publish(claim)
    # session, user, the claims, their joint speakers, their citations (none: no hops),
    # who publishes
    with django_assert_num_queries(6):
        response = reader_client.get(reverse("claims:claimreview-feed"))
    assert len(json.loads(response.content)["@graph"]) == 6


# --- Setting a verdict -----------------------------------------------------------------


def test_a_researcher_sets_then_changes_a_verdict_and_history_keeps_both(
    researcher_client, researcher
):
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    response = researcher_client.post(url, {"rating": "false", "explanation": "No evidence."})
    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url() + "#assessment"
    version = Assessment.objects.get(claim=claim).version
    response = researcher_client.post(
        url,
        {"rating": "mixed", "explanation": "Some truth.", "version": version},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="assessment"')
    assert b"Mixed" in response.content
    assessment = Assessment.objects.get(claim=claim)
    assert (assessment.rating, assessment.assessed_by) == ("mixed", researcher)
    ratings = [record.rating for record in assessment.history.order_by("history_date")]
    assert ratings == ["false", "mixed"]
    assert {record.history_user for record in assessment.history.all()} == {researcher}


def test_the_form_is_a_fragment_for_htmx_and_a_page_without(researcher_client):
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    fragment = researcher_client.get(url, headers={"HX-Request": "true"})
    assert fragment.content.lstrip().startswith(b'<section id="assessment"')
    assert b'name="rating"' in fragment.content
    page = researcher_client.get(url)
    assert page.content.startswith(b"<!doctype html>") and b'name="rating"' in page.content
    assert page["Vary"] == "HX-Request, Cookie" or "HX-Request" in page["Vary"]


def test_an_invalid_verdict_is_shown_with_its_errors(researcher_client):
    claim = ClaimFactory()
    url = reverse("claims:claim-assessment", args=[claim.pk])
    response = researcher_client.post(url, {"rating": "sort of", "explanation": ""})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert b"This field is required" in response.content
    assert not Assessment.objects.exists()


def test_readers_see_a_verdict_but_cannot_set_one(reader_client, researcher):
    claim = ClaimFactory()
    Assessment.record(claim=claim, rating="accurate", explanation="Checked.", by=researcher)
    page = reader_client.get(claim.get_absolute_url())
    assert b"Accurate" in page.content and b"Change the verdict" not in page.content
    url = reverse("claims:claim-assessment", args=[claim.pk])
    assert reader_client.get(url).status_code == 403
    assert reader_client.post(url, {"rating": "false", "explanation": "x"}).status_code == 403
    assert Assessment.objects.get().rating == "accurate"


def test_researchers_see_the_verdict_link(researcher_client):
    claim = ClaimFactory()
    page = researcher_client.get(claim.get_absolute_url())
    assert b"Give a verdict" in page.content


def test_every_rating_has_a_documented_value():
    assert set(Assessment.RATING_VALUES) == set(Assessment.Rating)
    values = [value for value in Assessment.RATING_VALUES.values() if value is not None]
    assert all(Assessment.WORST_RATING <= value <= Assessment.BEST_RATING for value in values)


def test_the_admin_shows_assessments(staff_client, researcher):
    claim = ClaimFactory()
    Assessment.record(claim=claim, rating="false", explanation="No.", by=researcher)
    assert staff_client.get(reverse("admin:claims_assessment_changelist")).status_code == 200
    response = staff_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert b"No." in response.content
