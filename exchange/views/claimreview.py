from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from claims.models import Claim
from exchange.annotations import claim_annotations
from exchange.claimreview import claim_review_feed, fact_check_tools_page

JSON_PARAMS = {"ensure_ascii": False, "indent": 1}


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def claimreview_feed(request: HttpRequest) -> HttpResponse:
    """Every published verdict's ClaimReview, as one JSON-LD document: an `@graph`, or with
    `?as=datafeed` a schema.org DataFeed."""
    document = claim_review_feed(
        Claim.objects.for_claimreview(),
        base_url=_base_url(request),
        as_data_feed=request.GET.get("as") == "datafeed",
    )
    return JsonResponse(document, content_type="application/ld+json", json_dumps_params=JSON_PARAMS)


@require_GET
def claimreview_factcheck_export(request: HttpRequest) -> HttpResponse:
    """For each published verdict, the body of the request that publishes it through
    Google's Fact Check Tools API (`POST https://factchecktools.googleapis.com/v1alpha1/pages`),
    one element a claim."""
    bodies = [
        fact_check_tools_page(claim, base_url=_base_url(request))
        for claim in Claim.objects.for_claimreview()
    ]
    return JsonResponse(bodies, safe=False, json_dumps_params=JSON_PARAMS)


@require_GET
def claim_annotation_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The claim's citations as W3C Web Annotations (JSON-LD)."""
    claim = get_object_or_404(Claim.objects.all(), pk=pk)
    document = claim_annotations(
        claim, claim.citations.for_annotations(), base_url=_base_url(request)
    )
    return JsonResponse(
        document,
        content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        json_dumps_params=JSON_PARAMS,
    )
