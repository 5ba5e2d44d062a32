from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from config.pagination import LargeTablePaginator
from sources.models import Source

PAGE_SIZE = 50


@require_GET
def source_list(request: HttpRequest) -> HttpResponse:
    sources = Source.objects.for_list()
    page = LargeTablePaginator(sources, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "sources/source_list.html", {"page": page})


@require_GET
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    return render(request, "sources/source_detail.html", {"source": source})
