from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.models import Claim, Speaker

PAGE_SIZE = 50


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
