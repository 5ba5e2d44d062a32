from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.models import Claim, ClaimRelation, Speaker
from sources.models import Source

LATEST = 8


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": {
            "sources": Source.objects.count(),
            "claims": Claim.objects.count(),
            "pairs": ClaimRelation.objects.count(),
            "speakers": Speaker.objects.count(),
        },
        "latest_claims": Claim.objects.for_list()[:LATEST],
        "latest_pairs": ClaimRelation.objects.for_list()[:LATEST],
        "latest_sources": Source.objects.for_list()[:LATEST],
    }
    return render(request, "home.html", context)
