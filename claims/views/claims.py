from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.models import Claim, ClaimRelation
from config.pagination import LargeTablePaginator

PAGE_SIZE = 50


@require_GET
def claim_list(request: HttpRequest) -> HttpResponse:
    claims = Claim.objects.for_list().search(request.GET.get("q", ""))
    page = LargeTablePaginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/claim_list.html", {"page": page})


@require_GET
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    relations = ClaimRelation.objects.for_list().involving(claim)
    return render(request, "claims/claim_detail.html", {"claim": claim, "relations": relations})
