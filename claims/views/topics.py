from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from claims.models import Claim, Topic
from claims.rows import claims_page

PAGE_SIZE = 50


@require_GET
@vary_on_headers("HX-Request")
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    claims = Claim.objects.filter(topics=topic).order_by("stated_on", "pk")
    page = claims_page(claims, request.GET.get("page"), PAGE_SIZE)
    context = {"topic": topic, "page": page, "query": ""}
    if not request.htmx:
        return render(request, "claims/topic_detail.html", context)
    return push_url(
        render(request, "claims/topic_detail.html#results", context), request.get_full_path()
    )
