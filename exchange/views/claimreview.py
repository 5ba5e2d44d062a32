from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from claims.models import Claim
from exchange.claimreview import claim_review_feed


@require_GET
def claimreview_feed(request: HttpRequest) -> HttpResponse:
    """Every assessed claim's ClaimReview, as one JSON-LD document."""
    document = claim_review_feed(
        Claim.objects.for_claimreview(), base_url=request.build_absolute_uri("/").rstrip("/")
    )
    return JsonResponse(
        document,
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
