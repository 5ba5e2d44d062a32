from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from claims.filters import PairFilterForm
from claims.models import ClaimRelation
from claims.rows import pairs_page
from records.pagination import query_without_page

PAGE_SIZE = 50


@require_GET
@vary_on_headers("HX-Request")
def pair_list(request: HttpRequest) -> HttpResponse:
    """Claim | relation | counter-claim, with the claims list's filters plus the relation."""
    filters = PairFilterForm(request.GET)
    pairs = ClaimRelation.objects.filter_by(**filters.filter_values())
    page = pairs_page(pairs, request.GET.get("page"), PAGE_SIZE)
    context = {"filters": filters, "page": page, "query": query_without_page(request)}
    if not request.htmx:
        return render(request, "claims/pair_list.html", context)
    # The filters' answer: the address bar follows, so the view can be shared or bookmarked.
    return push_url(
        render(request, "claims/pair_list.html#results", context), request.get_full_path()
    )
