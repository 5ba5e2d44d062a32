"""The reader's editing: a claim (and its citation) from text selected in a source."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from claims.editor_forms import ClaimFromSelectionForm, PassageFromSelectionForm
from claims.models import Claim
from records.quotes import is_quoted
from records.roles import permission_required
from sources.models import Source
from sources.views import reader_context


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_claim", "claims.add_citation")
@vary_on_headers("HX-Request")
def source_claim_create(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form, pre-filled from a selection (quote, offset, context) if one is given.
    POST: create claim and citation; for htmx, answer the reader body with the new
    highlight in place, else redirect to the reader."""
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    if request.method == "POST":
        form = ClaimFromSelectionForm(request.POST, source=source)
        if form.is_valid():
            try:
                claim, citation = form.save()
            except ValidationError:
                pass  # the form now carries the errors
            else:
                if request.htmx:  # the reader body says what was saved, and how it verified
                    context = {
                        **reader_context(source, request),
                        "saved_claim": claim,
                        "saved_citation": citation,
                    }
                    return render(request, "sources/source_detail.html#reader-body", context)
                messages.success(
                    request, _("Claim by {name} saved.").format(name=claim.speaker.name)
                )
                if not citation.is_verified:
                    messages.warning(request, unverified_message(citation))
                return redirect(source)
    else:
        form = ClaimFromSelectionForm(
            source=source, initial=initial_from_selection(request, source)
        )
    context = {
        "form": form,
        "passage_form": PassageFromSelectionForm(
            source=source, initial=form.data.dict() if form.is_bound else form.initial
        ),
        "source": source,
    }
    if request.htmx:
        response = render(request, "claims/reader_claim_form.html#claim-form", context)
        # The form aims its save at the reader body; a form with errors goes back in place.
        if request.method == "POST":
            return reswap(retarget(response, "#claim-panel"), "innerHTML")
        return response
    return render(request, "claims/reader_claim_form.html", context)


@require_POST
@permission_required("claims.add_citation")
@vary_on_headers("HX-Request")
def source_passage_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the selected text as one more passage of a claim already recorded; for htmx,
    answer the reader body with the new highlight, else redirect to the reader."""
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = PassageFromSelectionForm(request.POST, source=source)
    if form.is_valid():
        try:
            citation = form.save()
        except ValidationError:
            pass  # the form now carries the errors
        else:
            if request.htmx:
                context = {
                    **reader_context(source, request),
                    "saved_claim": citation.claim,
                    "saved_citation": citation,
                }
                return render(request, "sources/source_detail.html#reader-body", context)
            messages.success(
                request,
                _("Passage added to the claim by {name}.").format(name=citation.claim.speaker.name),
            )
            return redirect(source)
    context = {
        "form": ClaimFromSelectionForm(source=source, initial=form.data.dict()),
        "passage_form": form,
        "source": source,
    }
    if request.htmx:
        response = render(request, "claims/reader_claim_form.html#claim-form", context)
        return reswap(retarget(response, "#claim-panel"), "innerHTML")
    return render(request, "claims/reader_claim_form.html", context)


def initial_from_selection(request: HttpRequest, source: Source) -> dict:
    quote = request.GET.get("quote", "")
    start = request.GET.get("start", "")
    offset = int(start) if start.isdigit() else None
    return {
        "quote": quote,
        "text": quote,
        "start": offset,
        "kind": selection_kind(source.body, quote, offset),
        "prefix": request.GET.get("prefix", ""),
        "suffix": request.GET.get("suffix", ""),
        "language": source.language,
        "stated_on": source.published_at.date() if source.published_at else None,
    }


def selection_kind(body: str, quote: str, offset: int | None) -> str:
    """Words the source puts between quotation marks are a direct quote; anything else
    selected is the source's paraphrase of what was said."""
    if offset is None or body[offset : offset + len(quote)] != quote:
        offset = body.find(quote) if quote else -1
    if offset >= 0 and is_quoted(body, offset, offset + len(quote)):
        return Claim.Kind.DIRECT_QUOTE
    return Claim.Kind.PARAPHRASE


def unverified_message(citation) -> str:
    if citation.verification == citation.Verification.NO_TEXT:
        return _("The source has no text, so the quote could not be checked.")
    return _("The quote was not found in the source's text; it is kept and flagged.")
