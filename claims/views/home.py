from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.models import Claim, ClaimRelation, Speaker
from claims.rows import claim_rows, pair_rows
from records.pagination import estimated_count
from sources.models import Source

LATEST = 8


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": {
            "sources": estimated_count(Source.objects.all()),
            "claims": estimated_count(Claim.objects.all()),
            "pairs": estimated_count(ClaimRelation.objects.all()),
            "speakers": estimated_count(Speaker.objects.all()),
        },
        "latest_claims": claim_rows(Claim.objects.values_list("pk", flat=True)[:LATEST]),
        "latest_pairs": pair_rows(ClaimRelation.objects.values_list("pk", flat=True)[:LATEST]),
        "latest_sources": Source.objects.for_list()[:LATEST],
    }
    return render(request, "home.html", context)
