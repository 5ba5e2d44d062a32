"""The exports for the rest of the field, read back with a real JSON parser: the DataFeed
of published verdicts (which our own import reads back to what it came from), the bodies
Google's Fact Check Tools API takes, and citations as W3C Web Annotations."""

import datetime
import io
import json

import pytest
from django.urls import reverse

from claims.models import Assessment, Citation, Claim, Publisher, Speaker
from exchange.claimreview_import import ClaimReviewImporter, read_reviews
from sources.intake import keep_snapshot
from sources.models import Outlet, Source
from tests.claims.test_assessment import expand, unknown_terms, vocabulary
from tests.exchange.claimreview_examples import ENGLISH
from tests.factories import ClaimFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def publish(*claims) -> None:
    Claim.objects.filter(pk__in=[claim.pk for claim in claims]).update(status="published")


@pytest.fixture
def verdicts(researcher):
    """Two published verdicts (ours, on a claim cited twice; another fact-checker's,
    imported) and one not yet published."""
    speaker = SpeakerFactory(name="Andrei Belousov", description="Minister of Defence of Russia")
    claim = ClaimFactory(
        speaker=speaker,
        text="Departemen militer Rusia dan China bersatu.",
        language="id",
        stated_on=datetime.date(2024, 10, 16),
    )
    kontan = Source.objects.create(
        title="Rusia dan China",
        outlet=Outlet.objects.create(name="Kontan", homepage="https://www.kontan.co.id/"),
        url="https://internasional.kontan.co.id/news/rusia-china",
        language="id",
        body="Kata Belousov: Departemen militer Rusia dan China bersatu. Lalu pergi.",
        published_at=datetime.datetime(2024, 10, 16, 14, 45, tzinfo=datetime.UTC),
    )
    claim.add_passage(source=kontan, quote="Departemen militer Rusia dan China bersatu.")
    claim.add_passage(
        source=SourceFactory(title="Telegram post", url="", outlet__name="Russian MoD"),
        quote="Departemen militer Rusia dan China bersatu.",
    )
    Assessment.record(
        claim=claim, rating="mostly_accurate", explanation="Both ministries said so.", by=researcher
    )
    ClaimReviewImporter(apply=True, user=researcher).run_all(
        read_reviews(io.BytesIO(json.dumps(ENGLISH).encode()))
    )
    imported = Claim.objects.get(speaker__name="Rick Perry")
    unpublished = ClaimFactory(text="Not yet published.")
    Assessment.record(claim=unpublished, rating="false", explanation="Wrong.", by=researcher)
    publish(claim, imported)
    return claim, imported, unpublished


def get_json(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_datafeed_holds_each_published_verdict_once_in_schema_org_terms(
    reader_client, verdicts
):
    claim, imported, _ = verdicts
    response, feed = get_json(reader_client, reverse("claims:claimreview-feed") + "?as=datafeed")

    assert response["Content-Type"] == "application/ld+json"
    assert feed["@context"] == "https://schema.org"
    assert feed["@type"] == "DataFeed"
    assert feed["url"].endswith("/claimreview.jsonld?as=datafeed")
    items = feed["dataFeedElement"]
    assert [item["@type"] for item in items] == ["DataFeedItem", "DataFeedItem"]
    reviews = [item["item"][0] for item in items]
    assert [review["claimReviewed"] for review in reviews] == [claim.text, imported.text]
    assert all(review["@type"] == "ClaimReview" for review in reviews)
    assert reviews[0]["author"]["name"] == Publisher.current().name
    # Another fact-checker's verdict stays theirs, at their address.
    assert reviews[1]["author"] == {
        "@type": "Organization",
        "name": "Example Fact",
        "url": "https://factcheck.example.org/",
    }
    assert reviews[1]["url"] == ENGLISH["url"]
    assert unknown_terms(feed, vocabulary()) == []
    assert expand(feed)  # a JSON-LD processor reads it


def test_the_graph_feed_is_what_it_was(reader_client, verdicts):
    _, graph = get_json(reader_client, reverse("claims:claimreview-feed"))
    assert set(graph) == {"@context", "@graph"}
    assert len(graph["@graph"]) == 2


def test_the_datafeed_reads_back_through_the_import_as_what_it_came_from(
    reader_client, researcher, verdicts
):
    _, feed = get_json(reader_client, reverse("claims:claimreview-feed") + "?as=datafeed")
    data = json.dumps(feed).encode()

    # Into the same database: every record is matched, none made again.
    counts = ClaimReviewImporter(apply=True, user=researcher).run_all(
        read_reviews(io.BytesIO(data))
    )
    assert {kind: count["create"] for kind, count in counts.items()} == dict.fromkeys(counts, 0)
    assert counts["assessment"]["match"] == 2

    # Into an empty one: the same claims, speakers, sources and verdicts again.
    before = [
        (
            c.speaker.name,
            c.speaker.description,
            c.text,
            c.language,
            c.stated_on,
            c.assessment.rating,
            sorted((x.source.url, x.source.title, x.source.outlet.name) for x in c.citations.all()),
        )
        for c in Claim.objects.for_claimreview()
    ]
    for model in (Assessment, Citation, Claim, Source, Outlet, Speaker):
        model.objects.all().delete()
    ClaimReviewImporter(apply=True, user=researcher).run_all(read_reviews(io.BytesIO(data)))
    publish(*Claim.objects.all())
    after = [
        (
            c.speaker.name,
            c.speaker.description,
            c.text,
            c.language,
            c.stated_on,
            c.assessment.rating,
            sorted((x.source.url, x.source.title, x.source.outlet.name) for x in c.citations.all()),
        )
        for c in Claim.objects.for_claimreview()
    ]
    assert after == before
    ours = Claim.objects.get(text__startswith="Departemen").assessment
    assert (ours.reviewer, ours.review_url) == ("", "")  # our own verdict is ours again


def test_the_fact_check_tools_bodies_say_what_the_claimreview_says(reader_client, verdicts):
    claim, _, _ = verdicts
    _, bodies = get_json(reader_client, reverse("claims:claimreview-factcheck-export"))

    assert len(bodies) == 2
    ours = bodies[0]
    assert set(ours) == {"pageUrl", "publishDate", "claimReviewAuthor", "claimReviewMarkups"}
    assert ours["pageUrl"].endswith(claim.get_absolute_url() + "#assessment")
    assert ours["publishDate"] == claim.assessment.assessed_at.date().isoformat()
    (markup,) = ours["claimReviewMarkups"]
    assert markup["claimReviewed"] == claim.text
    assert markup["claimDate"] == "2024-10-16"
    assert markup["claimAuthor"] == {
        "name": "Andrei Belousov",
        "jobTitle": "Minister of Defence of Russia",
    }
    assert markup["claimAppearances"] == ["https://internasional.kontan.co.id/news/rusia-china"]
    assert markup["claimFirstAppearance"] == markup["claimAppearances"][0]
    assert markup["rating"] == {
        "textualRating": "Mostly accurate",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "Both ministries said so.",
    }
    assert markup["url"] == ours["pageUrl"]
    theirs = bodies[1]
    assert theirs["claimReviewAuthor"] == {"name": "Example Fact"}
    assert theirs["claimReviewMarkups"][0]["rating"]["textualRating"] == "False"


def test_citations_are_web_annotations_with_quote_and_position_selectors_and_the_snapshot(
    reader_client, verdicts
):
    claim, _, _ = verdicts
    kontan = Source.objects.get(title="Rusia dan China")
    snapshot = keep_snapshot(b"<p>" + kontan.body.encode() + b"</p>", content_type="text/html")
    snapshot.source = kontan
    snapshot.save()
    Source.objects.filter(pk=kontan.pk).update(snapshot=snapshot)
    citation = claim.citations.get(source=kontan)
    citation.source.refresh_from_db()
    citation.anchor()
    citation.save()

    response, collection = get_json(
        reader_client, reverse("claims:claim-annotation-export", args=[claim.pk])
    )

    assert response["Content-Type"].startswith("application/ld+json")
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == 2
    first, second = collection["first"]["items"]
    assert first["type"] == "Annotation"
    assert first["id"].endswith(citation.get_absolute_url())
    assert first["body"][0] == {
        "type": "TextualBody",
        "value": claim.text,
        "language": "id",
        "format": "text/plain",
        "purpose": "identifying",
    }
    target = first["target"]
    assert target["source"] == kontan.url
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "Departemen militer Rusia dan China bersatu.",
        "prefix": "Kata Belousov: ",
        "suffix": " Lalu pergi.",
    }
    assert position == {"type": "TextPositionSelector", "start": 15, "end": 58}
    assert kontan.body[position["start"] : position["end"]] == quote["exact"]
    assert target["state"]["type"] == "TimeState"
    assert target["state"]["cached"].endswith(snapshot.get_absolute_url())
    # A source without its text: the quote alone, and the source's page in the app.
    assert second["target"]["selector"] == {
        "type": "TextQuoteSelector",
        "exact": "Departemen militer Rusia dan China bersatu.",
    }
    assert "state" not in second["target"]


def test_an_unknown_claim_has_no_annotations(reader_client, db):
    assert (
        reader_client.get(reverse("claims:claim-annotation-export", args=[999])).status_code == 404
    )
