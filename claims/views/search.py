"""One search for everything: sources, speakers, claims and topics for the words typed,
grouped by kind, as the navigation's box asks while one types, and as a page of results
with each group paged on its own. Each kind is searched by its own `search()`: this only
puts them side by side."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims.models import Claim, Speaker, Topic
from claims.rows import claims_page
from records.pagination import LargeTablePaginator
from records.search import clean_query
from records.text import fold
from sources.models import Source

# As one types: a few of each kind, with a link to all of them.
AS_YOU_TYPE = 5
PAGE_SIZE = 20
GROUPS = ("claims", "speakers", "sources", "topics")


def topics_named(query: str) -> list[Topic]:
    """Topics whose name holds every word typed, folded as everywhere (a newsroom has
    dozens of topics, not thousands: they are compared here, not in an index)."""
    words = fold(query).split()
    return [topic for topic in Topic.objects.all() if all(w in fold(topic.name) for w in words)]


def group_pages(query: str, pages: dict[str, str | None], per_page: int) -> dict[str, Page]:
    speakers = Speaker.objects.search(query)
    sources = Source.objects.for_list().search(query)
    return {
        "claims": claims_page(Claim.objects.search(query), pages.get("claims"), per_page),
        "speakers": LargeTablePaginator(speakers, per_page).get_page(pages.get("speakers")),
        "sources": LargeTablePaginator(sources, per_page).get_page(pages.get("sources")),
        "topics": Paginator(topics_named(query), per_page).get_page(pages.get("topics")),
    }


@require_GET
@vary_on_headers("HX-Request")
def everything_search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    as_you_type = bool(request.htmx) and request.GET.get("box") == "1"
    per_page = AS_YOU_TYPE if as_you_type else PAGE_SIZE
    pages = {group: request.GET.get(f"{group}_page") for group in GROUPS}
    results = list(group_pages(query, pages, per_page).items()) if query else []
    context = {
        "query": query,
        "results": results,
        "found_any": any(page.object_list for _, page in results),
    }
    if as_you_type:
        if not query:  # the box was emptied (Escape clears it): nothing drops down
            return HttpResponse("")
        return render(request, "claims/search.html#box", context)
    return render(request, "claims/search.html", context)
