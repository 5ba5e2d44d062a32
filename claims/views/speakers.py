from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims.models import Claim, Speaker

PAGE_SIZE = 50
AUTOCOMPLETE_LIMIT = 10


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
@vary_on_headers("HX-Request")
def speaker_autocomplete(request: HttpRequest) -> HttpResponse:
    """The options of a speaker combobox: matches by name and alias, at most ten."""
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "speakers": Speaker.objects.search(query)[:AUTOCOMPLETE_LIMIT],
        "query": query,
        # Option ids must be unique on the page: prefix them with the listbox they fill.
        "listbox_id": request.htmx.target or "speaker-listbox",
        "can_create": request.user.has_perm("claims.add_speaker"),
    }
    return render(request, "claims/speaker_autocomplete.html", context)
