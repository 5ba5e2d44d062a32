"""The quote assistant's pages: a source's suggested claims, accepted or dismissed in place."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from assistant import review
from assistant.forms import AcceptAllForm, AddPassageForm, SpanForm, SuggestionForm
from records.roles import permission_required
from sources.models import Source

TEMPLATE = "assistant/source_suggestions.html"


def _form_for(offer: review.Offer, body: str) -> SuggestionForm:
    suggestion = offer.suggestion
    speaker = suggestion.speaker
    return SuggestionForm(
        body=body,
        auto_id=f"id_{offer.key}_%s",
        initial={
            "start": suggestion.start,
            "end": suggestion.end,
            "text": suggestion.text,
            "kind": suggestion.kind,
            "speaker_name": speaker.name if speaker else "",
            "speaker_id": speaker.id if speaker else None,
            "relays": ", ".join(suggestion.relays),
            "stated_on": suggestion.stated_on,
            "denies_claim": offer.denies_recorded.pk if offer.denies_recorded else None,
        },
    )


def _render(
    request: HttpRequest,
    source: Source,
    *,
    invalid: SuggestionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    offers = review.offers_for(source)
    invalid_key = (
        f"{invalid.data.get('start')}-{invalid.data.get('end')}" if invalid is not None else None
    )
    for offer in offers:
        offer.form = invalid if offer.key == invalid_key else _form_for(offer, source.body)
    context = {
        "source": source,
        "refusal": review.refusal(source.body),
        "offers": offers,
        "open_count": sum(1 for offer in offers if offer.is_open),
        "paragraphs": review.highlighted(source.body, offers),
        "can_edit": request.user.has_perm("claims.add_claim"),
        "accept_all": AcceptAllForm(),
        "invalid": invalid
        if invalid is not None and invalid_key not in {o.key for o in offers}
        else None,
    }
    template = f"{TEMPLATE}#suggestion-list" if request.htmx else TEMPLATE
    return render(request, template, context, status=status)


@require_GET
@vary_on_headers("HX-Request")
@permission_required("claims.add_claim")  # a Researcher's tool, and costly: not for Readers
def suggestion_list(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    return _render(request, source)


@require_POST
@permission_required("claims.add_claim")
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = SuggestionForm(request.POST, body=source.body)
    if not form.is_valid():
        return _render(request, source, invalid=form)
    data = form.cleaned_data
    claim = review.accept(
        source=source,
        start=data["start"],
        end=data["end"],
        text=data["text"],
        kind=data["kind"],
        speaker_name=data["speaker_name"].strip(),
        speaker_id=data["speaker_id"],
        relays=form.relay_names,
        stated_on=data["stated_on"],
        denies_claim=data["denies_claim"],
    )
    messages.success(request, _("Claim saved for {name}.").format(name=claim.speaker.name))
    if request.htmx:
        return _render(request, source)
    return redirect("assistant:suggestion-list", pk=source.pk)


@require_POST
@permission_required("claims.add_citation")
def suggestion_add_passage(request: HttpRequest, pk: int) -> HttpResponse:
    """The suggestion is a claim already recorded: its passage is added to that claim."""
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = AddPassageForm(request.POST, body=source.body)
    if form.is_valid():
        data = form.cleaned_data
        try:
            review.add_passage(
                source=source,
                start=data["start"],
                end=data["end"],
                claim=data["claim"],
                relays=form.relay_names,
            )
        except ValidationError as error:
            messages.error(
                request, _("Passage not added: {items}").format(items=" ".join(error.messages))
            )
        else:
            messages.success(
                request,
                _("Passage added to #{pk} by {name}.").format(
                    pk=data["claim"].pk, name=data["claim"].speaker.name
                ),
            )
    else:
        problems = [error for errors in form.errors.values() for error in errors]
        messages.error(request, _("Passage not added: {items}").format(items=" ".join(problems)))
    if request.htmx:
        return _render(request, source)
    return redirect("assistant:suggestion-list", pk=source.pk)


@require_POST
@permission_required("claims.add_claim")
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = SpanForm(request.POST, body=source.body)
    if form.is_valid():
        review.dismiss(
            source=source,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            user=request.user,
        )
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Nothing to dismiss."))
    if request.htmx:
        return _render(request, source)
    return redirect("assistant:suggestion-list", pk=source.pk)


@require_POST
@permission_required("claims.add_claim")
def suggestion_bulk_accept(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.select_related("outlet"), pk=pk)
    form = AcceptAllForm(request.POST)
    if form.is_valid():
        claims = review.accept_all(source=source, threshold=float(form.cleaned_data["threshold"]))
        messages.success(
            request,
            ngettext("{count} claim saved.", "{count} claims saved.", len(claims)).format(
                count=len(claims)
            ),
        )
    else:
        messages.error(request, _("Give a confidence between 0 and 1."))
    if request.htmx:
        return _render(request, source)
    return redirect("assistant:suggestion-list", pk=source.pk)
