"""Citations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): each one
an annotation whose body is the claim and whose target is the passage of its source, found
by its exact words with the words around them (`TextQuoteSelector`) and by its place in
the source's text (`TextPositionSelector`), and, when the quote was anchored in a
snapshot, that snapshot as the state of the page it was read in (`TimeState`)."""

from django.urls import reverse

from claims.models import Citation, Claim

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation(citation: Citation, *, base_url: str) -> dict:
    """One citation (its claim, source with its text, and snapshot loaded) as an
    annotation, without its `@context`."""
    claim, source = citation.claim, citation.source
    anchored = citation.anchor_start is not None and citation.anchor_end is not None
    # The words as the source's text has them: a quote found once spacing and quotation
    # marks were set aside differs from them in those alone.
    exact = source.body[citation.anchor_start : citation.anchor_end] if anchored else ""
    quote = {"type": "TextQuoteSelector", "exact": exact or citation.quote}
    if citation.anchor_prefix:
        quote["prefix"] = citation.anchor_prefix
    if citation.anchor_suffix:
        quote["suffix"] = citation.anchor_suffix
    selectors = [quote]
    if anchored:
        selectors.append(
            {
                "type": "TextPositionSelector",
                "start": citation.anchor_start,
                "end": citation.anchor_end,
            }
        )
    target = {
        "type": "SpecificResource",
        "source": source.url or base_url + source.get_absolute_url(),
        "selector": selectors if len(selectors) > 1 else selectors[0],
    }
    if citation.snapshot_id:
        snapshot = citation.snapshot
        target["state"] = {
            "type": "TimeState",
            "sourceDate": snapshot.fetched_at.isoformat(),
            "cached": base_url + snapshot.get_absolute_url(),
        }
    if source.language:
        target["language"] = source.language
    return {
        "id": base_url + citation.get_absolute_url(),
        "type": "Annotation",
        "motivation": "identifying",
        "created": citation.created_at.isoformat(),
        "modified": citation.updated_at.isoformat(),
        "body": [
            {
                "type": "TextualBody",
                "value": claim.text,
                "language": claim.language,
                "format": "text/plain",
                "purpose": "identifying",
            },
            {"type": "SpecificResource", "source": base_url + claim.get_absolute_url()},
        ],
        "target": target,
    }


def claim_annotations(claim: Claim, citations, *, base_url: str) -> dict:
    """A claim's citations as one annotation collection, a single page of them."""
    items = [annotation(citation, base_url=base_url) for citation in citations]
    collection = base_url + reverse("claims:claim-annotation-export", args=[claim.pk])
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": f"Where “{claim.text[:80]}” appears",
        "total": len(items),
        "first": {"id": f"{collection}#page-1", "type": "AnnotationPage", "items": items},
    }
