from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims.models import ClaimRelation
from config.pagination import LargeTablePaginator

PAGE_SIZE = 50


@require_GET
def pair_list(request: HttpRequest) -> HttpResponse:
    page = LargeTablePaginator(ClaimRelation.objects.for_list(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "claims/pair_list.html", {"page": page})
