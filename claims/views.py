from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.models import Claim, ClaimRelation, Speaker, Topic
from sources.models import Source

PAGE_SIZE = 50


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": {
            "sources": Source.objects.count(),
            "claims": Claim.objects.count(),
            "pairs": ClaimRelation.objects.count(),
            "speakers": Speaker.objects.count(),
        },
        "latest_claims": Claim.objects.for_list()[:10],
        "latest_pairs": ClaimRelation.objects.for_list()[:10],
    }
    return render(request, "home.html", context)


@require_GET
def claim_list(request: HttpRequest) -> HttpResponse:
    claims = Claim.objects.for_list().search(request.GET.get("q", ""))
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/claim_list.html", {"page": page})


@require_GET
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    relations = ClaimRelation.objects.for_list().involving(claim)
    return render(request, "claims/claim_detail.html", {"claim": claim, "relations": relations})


@require_GET
def speaker_list(request: HttpRequest) -> HttpResponse:
    speakers = Speaker.objects.search(request.GET.get("q", ""))
    page = Paginator(speakers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/speaker_list.html", {"page": page})


@require_GET
def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=pk)
    claims = Claim.objects.for_list().filter(speaker=speaker).order_by("stated_on", "pk")
    return render(request, "claims/speaker_detail.html", {"speaker": speaker, "claims": claims})


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    claims = Claim.objects.for_list().filter(topics=topic)
    return render(request, "claims/topic_detail.html", {"topic": topic, "claims": claims})


@require_GET
def pair_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(ClaimRelation.objects.for_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/pair_list.html", {"page": page})
