from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.models import Claim, Topic


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    claims = Claim.objects.for_list().filter(topics=topic)
    return render(request, "claims/topic_detail.html", {"topic": topic, "claims": claims})
