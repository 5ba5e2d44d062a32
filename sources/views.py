from django.contrib import messages
from django.db.models import F, ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from records.conflicts import update_page
from records.pagination import LargeTablePaginator
from records.roles import permission_required
from sources.fetch_views import add_context
from sources.forms import SourceFilterForm, SourceForm
from sources.highlighting import highlighted_body
from sources.models import Source

PAGE_SIZE = 25
READER_CITATION_FIELDS = (
    "source_id",
    "quote",
    "verification",
    "anchor_start",
    "anchor_end",
    "claim__text",
    "claim__speaker__name",
    "snapshot",
)
SNAPSHOTS_SHOWN = 50
AUTOCOMPLETE_LIMIT = 10


@require_GET
@vary_on_headers("HX-Request")
def source_list(request: HttpRequest) -> HttpResponse:
    filters = SourceFilterForm(request.GET)
    sources = filters.filter(Source.objects.for_list())
    page = LargeTablePaginator(sources, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "sources/source_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, {"page": page, "filters": filters})


@require_GET
@vary_on_headers("HX-Request")
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader: the body with every anchored quote highlighted, and the claims cited.

    What is highlighted comes from the `citations` reverse accessor (claims.Citation points
    here), so this app still imports nothing from claims; the claim form that a selection
    opens is served by the claims app (claims:source-claim-create).
    """
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    template = "sources/source_detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#reader"
    return render(request, template, reader_context(source, request))


def reader_context(source: Source, request: HttpRequest) -> dict:
    """The reader's context; the claims app renders the reader body with it after a save."""
    # Only what the reader shows: a long source has hundreds of citations.
    citations = list(
        source.citations.select_related("claim__speaker")
        .only(*READER_CITATION_FIELDS)
        .order_by(F("anchor_start").asc(nulls_last=True), "pk")
    )
    claims = list({citation.claim_id: citation.claim for citation in citations}.values())
    return {
        "source": source,
        "body_html": highlighted_body(source.segments(citations)),
        "citations": citations,
        "cited_claims": claims,
        "unanchored": [citation for citation in citations if citation.anchor_start is None],
        "can_edit": request.user.has_perms(["claims.add_claim", "claims.add_citation"]),
        "snapshots": source.snapshots.defer("text", "page_starts")[:SNAPSHOTS_SHOWN],
    }


@require_GET
@vary_on_headers("HX-Request")
def source_autocomplete(request: HttpRequest) -> HttpResponse:
    """The options of a source combobox: title and text matches, at most ten."""
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "sources": Source.objects.for_list().search(query)[:AUTOCOMPLETE_LIMIT],
        "query": query,
        "listbox_id": request.htmx.target or "source-listbox",
    }
    return render(request, "sources/source_autocomplete.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("sources.add_source")
def source_create(request: HttpRequest) -> HttpResponse:
    """Paste a source's text here; a web address or a file goes to `fetch_create`."""
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = form.save()
        messages.success(
            request,
            _("Source “{title}” added. Select text to add claims.").format(title=source.title),
        )
        return redirect(source)
    tab = request.GET.get("from", "paste") if request.method == "GET" else "paste"
    return render(request, "sources/source_form.html", add_context(form=form, tab=tab))


@require_http_methods(["GET", "POST"])
@permission_required("sources.change_source")
def source_update(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = SourceForm(request.POST or None, instance=source)
    context = {"form": form, "source": source}
    return update_page(
        request, form, "sources/source_form.html", context, saved="Source “{record.title}” saved."
    )


@require_http_methods(["GET", "POST"])
@permission_required("sources.delete_source")
def source_delete(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    if request.method == "POST":
        title = source.title
        try:
            source.delete()
        except (ProtectedError, RestrictedError):
            pass  # cited meanwhile: the page below explains what holds it
        else:
            messages.success(request, _("Source “{title}” deleted.").format(title=title))
            if request.htmx:
                return HttpResponseClientRedirect(reverse("sources:source-list"))
            return redirect("sources:source-list")
    impact = source.deletion_impact()
    return render(
        request, "sources/source_confirm_delete.html", {"source": source, "impact": impact}
    )
