from django.contrib import messages
from django.db.models import RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from claims.forms import CitationForm, HopWordsForm
from claims.models import Citation, Claim, Hop
from claims.views.claims import claim_page_section
from records.conflicts import render_edit_conflict
from records.models import EditConflict
from records.roles import permission_required


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_citation")
@vary_on_headers("HX-Request")
def citation_create(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_detail(), pk=pk)
    form = CitationForm(request.POST or None, claim=claim)
    if request.method == "POST" and form.is_valid():
        citation = form.save()
        if not request.htmx:
            messages.success(request, citation_saved_message(citation))
            return redirect(citation)
        return claim_page_section(request, pk, "citations", added=citation)
    template = "claims/citation_form.html"
    if request.htmx:
        template += "#citation-form"
    return render(request, template, {"claim": claim, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_citation")
@vary_on_headers("HX-Request")
def citation_update(request: HttpRequest, pk: int) -> HttpResponse:
    """A citation's quote (anchored and verified again on save), context, locator, the
    citation it relays and the hops it came through, edited in place on the claim page."""
    citation = get_object_or_404(Citation.objects.select_related("source__outlet"), pk=pk)
    claim = get_object_or_404(Claim.objects.for_detail(), pk=citation.claim_id)
    form = CitationForm(request.POST or None, instance=citation, claim=claim)
    template = "claims/citation_form.html"
    if request.htmx:
        template += "#citation-form"
    context = {"claim": claim, "form": form, "citation": citation}
    if request.method == "POST" and form.is_valid():
        try:
            citation = form.save()
        except EditConflict as conflict:
            return render_edit_conflict(request, template, context, conflict)
        if not request.htmx:
            messages.success(request, citation_saved_message(citation, edited=True))
            return redirect(citation)
        return claim_page_section(request, claim.pk, "citations")
    return render(request, template, context)


def citation_saved_message(citation: Citation, *, edited: bool = False) -> str:
    if citation.verification == Citation.Verification.NOT_FOUND:
        if edited:
            return _(
                "Citation saved, but its quote was not found in the source's text: it is flagged."
            )
        return _("Citation added, but its quote was not found in the source's text: it is flagged.")
    return _("Citation saved.") if edited else _("Citation added.")


@require_http_methods(["GET", "POST"])
@permission_required("claims.delete_citation")
@vary_on_headers("HX-Request")
def citation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    citation = get_object_or_404(Citation.objects.select_related("claim", "source__outlet"), pk=pk)
    claim = citation.claim
    context = {"citation": citation, "claim": claim}
    status = 200
    if request.method == "POST":
        try:
            citation.delete()
        except RestrictedError:
            # Another citation relays this one: the page below names it.
            status = 409
        else:
            if not request.htmx:
                messages.success(request, _("Citation removed. Its history is kept."))
                return redirect(claim)
            return claim_page_section(request, claim.pk, "citations")
    context["relayed_by"] = list(citation.relayed_by.select_related("source__outlet"))
    template = "claims/citation_confirm_delete.html"
    if request.htmx:
        template += "#confirm"
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_hop")
@vary_on_headers("HX-Request")
def hop_update(request: HttpRequest, pk: int) -> HttpResponse:
    """A hop's own words and their language, edited in place in the claim page's
    comparison of wordings."""
    hop = get_object_or_404(Hop.objects.select_related("citation__claim"), pk=pk)
    claim = hop.citation.claim
    form = HopWordsForm(request.POST or None, instance=hop)
    template = "claims/hop_form.html#hop-form" if request.htmx else "claims/hop_form.html"
    context = {"hop": hop, "claim": claim, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except EditConflict as conflict:
            return render_edit_conflict(request, template, context, conflict)
        if not request.htmx:
            messages.success(request, _("Saved the words of {label}.").format(label=hop.label))
            return redirect(claim.get_absolute_url() + "#wording")
        return claim_page_section(request, claim.pk, "wording")
    return render(request, template, context)
