from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from claims.forms import PairEditForm, RelationForm
from claims.models import Claim, ClaimRelation
from claims.views.claims import claim_page_section
from records.conflicts import render_edit_conflict
from records.models import EditConflict
from records.roles import permission_required

SEARCH_LIMIT = 10


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_claimrelation")
@vary_on_headers("HX-Request")
def relation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Pair this claim with another: an existing one, or one written here."""
    claim = get_object_or_404(Claim.objects.select_related("speaker"), pk=pk)
    form = RelationForm(request.POST or None, claim=claim)
    if request.method == "POST":
        if form.writes_new_claim and not request.user.has_perm("claims.add_claim"):
            form.add_error(None, _("You may relate claims but not write new ones."))
        elif form.is_valid():
            form.save()
            if not request.htmx:
                messages.success(request, _("Pair recorded."))
                return redirect(claim)
            return claim_page_section(request, pk, "relations", added_relation=True)
    template = "claims/pair_form.html#pair-form" if request.htmx else "claims/pair_form.html"
    claim_search_url = reverse("claims:claim-search") + f"?exclude={claim.pk}"
    context = {"claim": claim, "form": form, "claim_search_url": claim_search_url}
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_claimrelation")
@vary_on_headers("HX-Request")
def relation_update(request: HttpRequest, pk: int) -> HttpResponse:
    """A pair's kind, note and direction, edited in place on either claim's page."""
    relation = get_object_or_404(
        ClaimRelation.objects.select_related("claim__speaker", "counter__speaker"), pk=pk
    )
    back = (
        relation.counter if request.GET.get("from") == str(relation.counter_id) else relation.claim
    )
    form = PairEditForm(request.POST or None, instance=relation)
    template = "claims/pair_edit_form.html"
    if request.htmx:
        template += "#pair-edit-form"
    context = {"relation": relation, "back": back, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except EditConflict as conflict:
            return render_edit_conflict(request, template, context, conflict)
        if not request.htmx:
            messages.success(request, _("Pair saved."))
            return redirect(back)
        return claim_page_section(request, back.pk, "relations")
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@permission_required("claims.delete_claimrelation")
@vary_on_headers("HX-Request")
def relation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    relation = get_object_or_404(
        ClaimRelation.objects.select_related("claim__speaker", "counter__speaker"), pk=pk
    )
    # Back to the claim whose page the request came from, when it is one of the two.
    back = (
        relation.counter if request.GET.get("from") == str(relation.counter_id) else relation.claim
    )
    if request.method == "POST":
        relation.delete()
        if not request.htmx:
            messages.success(request, _("Pair removed; both claims stay. Its history is kept."))
            return redirect(back)
        return claim_page_section(request, back.pk, "relations")
    template = "claims/pair_confirm_delete.html"
    if request.htmx:
        template += "#confirm"
    return render(request, template, {"relation": relation, "back": back})


@require_GET
def claim_search(request: HttpRequest) -> HttpResponse:
    """Options for the claim picker: speaker, the start of the text, the date."""
    query = request.GET.get("q", "").strip()[:200]
    claims = Claim.objects.select_related("speaker").search(query)
    if request.GET.get("exclude", "").isdigit():
        claims = claims.exclude(pk=request.GET["exclude"])
    context = {
        "claims": claims[:SEARCH_LIMIT],
        "query": query,
        "listbox_id": (request.htmx and request.htmx.target) or "claim-listbox",
        "can_create": request.user.has_perm("claims.add_claim"),
    }
    return render(request, "claims/claim_search_options.html", context)
