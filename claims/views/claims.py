from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url, reswap, retarget

from claims import presence
from claims.filters import ClaimFilterForm
from claims.forms import EDITABLE_FIELDS, ClaimForm
from claims.models import Claim, ClaimRelation
from claims.rows import claims_page
from claims.views.workflow import workflow_context
from records.conflicts import render_edit_conflict
from records.models import EditConflict
from records.pagination import query_without_page
from records.roles import permission_required

PAGE_SIZE = 50


@require_GET
@vary_on_headers("HX-Request")
def claim_list(request: HttpRequest) -> HttpResponse:
    filters = ClaimFilterForm(request.GET)
    page = claims_page(filters.filter(Claim.objects.all()), request.GET.get("page"), PAGE_SIZE)
    context = {"filters": filters, "page": page, "query": query_without_page(request)}
    if not request.htmx:
        return render(request, "claims/claim_list.html", context)
    # The filters' answer: the address bar follows, so the view can be shared or bookmarked.
    return push_url(
        render(request, "claims/claim_list.html#results", context), request.get_full_path()
    )


def claim_page_section(request: HttpRequest, pk: int, section: str, **context) -> HttpResponse:
    """One section of a claim's page (`citations`, `relations`) rendered afresh after an
    htmx change, swapped in for the one on the page whatever element the request aimed at."""
    claim = Claim.objects.for_detail().get(pk=pk)
    response = render(request, f"claims/claim_detail.html#{section}", {"claim": claim, **context})
    return reswap(retarget(response, f"#{section}"), "outerHTML")


@require_GET
@vary_on_headers("HX-Request")
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    template = "claims/claim_detail.html#claim" if request.htmx else "claims/claim_detail.html"
    return render(request, template, {"claim": claim, **workflow_context(claim, request.user)})


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_claim")
@vary_on_headers("HX-Request")
def claim_field_update(request: HttpRequest, pk: int, field: str) -> HttpResponse:
    """Click-to-edit: GET the form for one field, POST it back and get the field shown."""
    if field not in EDITABLE_FIELDS:
        raise Http404("No such field.")
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    form = ClaimForm(request.POST or None, instance=claim, only=field)
    label = form.fields[field].label
    template = (
        "claims/claim_field_form.html#field-form"
        if request.htmx
        else "claims/claim_field_form.html"
    )
    context = {
        "claim": claim,
        "form": form,
        "field": field,
        "label": label,
        "bound_field": form[field],
    }
    if request.method == "GET":
        presence.started(request.user, claim, field)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
            presence.stopped(request.user, claim)
        except EditConflict as conflict:
            # None when the claim was deleted meanwhile: the conflict page says so.
            current = conflict.current
            context["stored_value"] = current.display_value(field) if current else ""
            return render_edit_conflict(request, template, context, conflict)
        if not request.htmx:
            messages.success(request, _("Saved the {label}.").format(label=label.lower()))
            return redirect(claim)
        claim = Claim.objects.for_detail().get(pk=pk)
        context = {"claim": claim, "field": field, "label": label, "saved": True}
        return render(request, "claims/claim_detail.html#claim-field", context)
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@permission_required("claims.delete_claim")
@vary_on_headers("HX-Request")
def claim_delete(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    if request.method == "POST":
        claim.delete()
        messages.success(
            request, _("Deleted the claim “{claim}”. Its history is kept.").format(claim=claim)
        )
        if request.htmx:
            return HttpResponseClientRedirect(reverse("claims:claim-list"))
        return redirect("claims:claim-list")
    context = {"claim": claim, "relations": list(ClaimRelation.objects.for_claim(claim))}
    template = "claims/claim_confirm_delete.html"
    if request.htmx:
        template += "#confirm"
    return render(request, template, context)


@require_GET
def claim_live(request: HttpRequest, pk: int) -> HttpResponse:
    """What the open claim page polls for: who else is editing it, and whether someone
    else saved it since the page showed `version`."""
    claim = get_object_or_404(Claim.objects.only("pk", "version"), pk=pk)
    shown = request.GET.get("version", "")
    changed_by = None
    if shown.isdigit() and int(shown) != claim.version:
        last = claim.history.select_related("history_user").order_by("-history_date").first()
        who = last.history_user if last else None
        if who != request.user:  # one's own save changed the page already
            changed_by = who.get_username() if who else "someone"
    labels = {name: ClaimForm.base_fields[name].label or name for name in EDITABLE_FIELDS}
    editing = [
        (entry.user.get_username(), labels.get(entry.field, entry.field).lower())
        for entry in presence.others_editing(claim, request.user)
    ]
    context = {"claim": claim, "changed_by": changed_by, "editing": editing}
    return render(request, "claims/includes/live.html", context)
