"""Verdicts on claims in their schema.org ClaimReview form.

schema.org can say that an organisation reviewed a claim made by someone, where it
appeared, and with what rating; it has no term for "this claim denies that one", so the
relations between claims stay out of it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims.models import Assessment, Citation, Claim, Hop, Publisher, Speaker
from sources.models import Source

# The same escapes as Django's json_script: nothing in the data can close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` element, escaped as `json_script` does."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        # Safe: "<", ">" and "&" are escaped, as json_script does.
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),
    )


def _publisher(source: Source) -> dict:
    outlet = {"@type": "Organization", "name": source.outlet.name}
    if source.outlet.homepage:
        outlet["url"] = source.outlet.homepage
    return outlet


def _creative_work(citation: Citation) -> dict:
    """Where the claim appeared, and what that source had it from (its hops, nearest
    first, as the works it is based on)."""
    source = citation.source
    work = {"@type": "CreativeWork", "headline": source.title, "publisher": _publisher(source)}
    if source.url:
        work["url"] = source.url
    if source.published:
        # schema.org's Date or DateTime: a day alone stays a day.
        work["datePublished"] = source.published.isoformat()
    if source.language:
        work["inLanguage"] = source.language
    if hops := list(citation.hops.all()):
        work["isBasedOn"] = [_based_on(hop) for hop in hops]
    return work


def _based_on(hop: Hop) -> dict:
    based_on = {"@type": "CreativeWork", "name": hop.label}
    if hop.date:
        based_on["datePublished"] = hop.date.isoformat()
    if hop.source_id and hop.source.url:
        based_on["url"] = hop.source.url
    return based_on


def _author(speaker: Speaker) -> dict:
    author = {
        "@type": "Person" if speaker.kind == Speaker.Kind.PERSON else "Organization",
        "name": speaker.name,
    }
    if speaker.description:
        author["description"] = speaker.description
    if speaker.wikidata_id:
        author["sameAs"] = f"https://www.wikidata.org/wiki/{speaker.wikidata_id}"
    return author


def claim_review(claim: Claim, *, base_url: str, publisher: Publisher | None = None) -> dict:
    """The ClaimReview of an assessed claim (its assessment, citations with their sources
    and outlets, and speaker already loaded)."""
    assessment = claim.assessment
    # In the order they appeared (`Claim.objects.for_claimreview` loads them so).
    appearances = [_creative_work(citation) for citation in claim.citations.all()]
    # A joint statement has each of its speakers as an author, the speaker first.
    authors = [_author(speaker) for speaker in [claim.speaker, *claim.joint_speakers.all()]]
    item = {
        "@type": "Claim",
        "author": authors[0] if len(authors) == 1 else authors,
        "inLanguage": claim.language,
    }
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    if claim.stated_on:
        item["datePublished"] = claim.stated_on.isoformat()
    rating = {
        "@type": "Rating",
        "alternateName": assessment.get_rating_display(),
        "ratingExplanation": assessment.explanation,
        "bestRating": Assessment.BEST_RATING,
        "worstRating": Assessment.WORST_RATING,
    }
    if assessment.rating_value is not None:
        rating["ratingValue"] = assessment.rating_value
    if assessment.reviewer:
        # A verdict brought in from another fact-checker's review stays theirs.
        author = {"@type": "Organization", "name": assessment.reviewer}
        if assessment.reviewer_url:
            author["url"] = assessment.reviewer_url
    else:
        organisation = publisher or Publisher.current()
        author = {"@type": "Organization", "name": organisation.name, "url": organisation.url}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": assessment.review_url or base_url + assessment.get_absolute_url(),
        "claimReviewed": claim.translation or claim.text,
        "itemReviewed": item,
        "reviewRating": rating,
        "author": author,
        "datePublished": assessment.assessed_at.date().isoformat(),
        "dateModified": assessment.updated_at.isoformat(),
    }


def claim_review_feed(claims, *, base_url: str, as_data_feed: bool = False) -> dict:
    """The claims' reviews as one JSON-LD document: an `@graph`, or a schema.org `DataFeed`
    (one `DataFeedItem` a review, as feeds for Google and Data Commons are written)."""
    reviews = []
    publisher = Publisher.current()
    for claim in claims:
        review = claim_review(claim, base_url=base_url, publisher=publisher)
        del review["@context"]
        reviews.append(review)
    if not as_data_feed:
        return {"@context": "https://schema.org", "@graph": reviews}
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{publisher.name}: ClaimReview feed",
        "url": f"{base_url}{reverse('claims:claimreview-feed')}?as=datafeed",
        "dateModified": max((review["dateModified"] for review in reviews), default=None),
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "dateCreated": review["datePublished"],
                "dateModified": review["dateModified"],
                "item": [review],
            }
            for review in reviews
        ],
    }


def fact_check_tools_page(claim: Claim, *, base_url: str) -> dict:
    """The body Google's Fact Check Tools API takes to publish one claim's review
    (`pages.create`: a ClaimReviewMarkupPage), read off the same ClaimReview as the page
    and the feed embed, so that the two say the same."""
    review = claim_review(claim, base_url=base_url)
    item, rating = review["itemReviewed"], review["reviewRating"]
    authors = item["author"] if isinstance(item["author"], list) else [item["author"]]
    claimant = {"name": authors[0]["name"]}
    if description := authors[0].get("description"):
        claimant["jobTitle"] = description
    if same_as := authors[0].get("sameAs"):
        claimant["sameAs"] = same_as
    markup = {
        "claimReviewed": review["claimReviewed"],
        "claimAuthor": claimant,
        "rating": {
            key: rating[name]
            for key, name in (
                ("textualRating", "alternateName"),
                ("ratingValue", "ratingValue"),
                ("bestRating", "bestRating"),
                ("worstRating", "worstRating"),
                ("ratingExplanation", "ratingExplanation"),
            )
            if rating.get(name) not in (None, "")
        },
        "url": review["url"],
    }
    if "datePublished" in item:
        markup["claimDate"] = item["datePublished"]
    appearances = [work["url"] for work in item.get("appearance", []) if work.get("url")]
    if appearances:
        markup["claimAppearances"] = appearances
        markup["claimFirstAppearance"] = appearances[0]
    return {
        "pageUrl": review["url"],
        "publishDate": review["datePublished"],
        "claimReviewAuthor": {"name": review["author"]["name"]},
        "claimReviewMarkups": [markup],
    }
