from django.contrib import messages
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from claims.editor_forms import InlineSpeakerForm, SpeakerForm
from claims.models import Claim, ClaimRelation, Speaker
from claims.rows import claims_page
from records.conflicts import update_page
from records.pagination import LargeTablePaginator
from records.roles import permission_required

PAGE_SIZE = 50
AUTOCOMPLETE_LIMIT = 10
COUNTERS_LIMIT = 200


@require_GET
@vary_on_headers("HX-Request")
def speaker_list(request: HttpRequest) -> HttpResponse:
    speakers = Speaker.objects.search(request.GET.get("q", ""))
    page = LargeTablePaginator(speakers, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "claims/speaker_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, {"page": page})


@require_GET
def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """All their claims in date order, and the counter-claims others made against them."""
    speaker = get_object_or_404(Speaker, pk=pk)
    page = claims_page(Claim.objects.by_speaker(speaker), request.GET.get("page"), PAGE_SIZE)
    counters = list(ClaimRelation.objects.against_speaker(speaker)[:COUNTERS_LIMIT])
    context = {
        "speaker": speaker,
        "page": page,
        "counters": counters,
        "countered": {relation.claim_id for relation in counters},
        "roles": list(speaker.roles.select_related("organisation").latest_first()),
        "members": list(speaker.members.filter(speaks_for=True).select_related("speaker")),
    }
    return render(request, "claims/speaker_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def speaker_autocomplete(request: HttpRequest) -> HttpResponse:
    """The options of a speaker combobox: matches by name and alias, at most ten."""
    query = request.GET.get("q", "").strip()[:200]
    context = {
        "speakers": Speaker.objects.autocomplete(query, AUTOCOMPLETE_LIMIT),
        "query": query,
        # Option ids must be unique on the page: prefix them with the listbox they fill.
        "listbox_id": request.htmx.target or "speaker-listbox",
        "can_create": request.user.has_perm("claims.add_speaker"),
    }
    return render(request, "claims/speaker_autocomplete.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_speaker")
@vary_on_headers("HX-Request")
def speaker_create(request: HttpRequest) -> HttpResponse:
    """The speaker form: a page of its own, or (`inline`) the short form a speaker
    combobox opens inside another form, which answers by selecting the new speaker."""
    inline = request.GET.get("inline") or request.POST.get("inline")
    if inline and request.htmx:
        return speaker_create_inline(request, inline)
    form = SpeakerForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    if request.method == "POST" and form.is_valid():
        speaker = form.save()
        messages.success(request, _("Speaker “{name}” added.").format(name=speaker.name))
        return redirect(speaker)
    return render(request, "claims/speaker_form.html", {"form": form})


def speaker_create_inline(request: HttpRequest, combobox_id: str) -> HttpResponse:
    form = InlineSpeakerForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    if request.method == "POST" and form.is_valid():
        speaker = form.save()
        # An empty answer clears the inline form; the event selects the speaker.
        return trigger_client_event(
            HttpResponse(""), "combobox:created", {"value": speaker.pk, "label": speaker.name}
        )
    context = {"form": form, "combobox_id": combobox_id}
    return render(request, "claims/speaker_form.html#inline-form", context)


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_speaker")
def speaker_update(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=pk)
    form = SpeakerForm(request.POST or None, instance=speaker)
    context = {"form": form, "speaker": speaker}
    return update_page(
        request, form, "claims/speaker_form.html", context, saved="Speaker “{record.name}” saved."
    )


@require_http_methods(["GET", "POST"])
@permission_required("claims.delete_speaker")
def speaker_delete(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=pk)
    if request.method == "POST":
        name = speaker.name
        try:
            speaker.delete()
        except (ProtectedError, RestrictedError):
            pass  # claims were added meanwhile: the page below says which
        else:
            messages.success(request, _("Speaker “{name}” deleted.").format(name=name))
            return redirect("claims:speaker-list")
    context = {"speaker": speaker, "impact": speaker.deletion_impact()}
    return render(request, "claims/speaker_confirm_delete.html", context)
