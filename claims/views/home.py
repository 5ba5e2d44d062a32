from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.models import Claim, ClaimRelation, Speaker
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
        "latest_claims": Claim.objects.for_list()[:LATEST],
        "latest_pairs": ClaimRelation.objects.for_list()[:LATEST],
        "latest_sources": Source.objects.for_list()[:LATEST],
    }
    return render(request, "home.html", context)
