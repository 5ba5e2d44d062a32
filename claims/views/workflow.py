"""A claim's way through the newsroom: moving it along (claims.workflow), and the queue of
work: one's own, unassigned, waiting for review, overdue."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from claims.filters import ClaimFilterForm
from claims.forms import ClaimForm
from claims.models import Claim, Publisher
from claims.rows import claim_rows, claims_page
from claims.workflow import OPEN, Status, is_overdue, moves_for, overdue
from records.models import EditConflict
from records.pagination import query_without_page
from records.roles import permission_required

PAGE_SIZE = 50


class PublisherForm(forms.ModelForm):
    """Who publishes the verdicts, asked for at the first publishing while the settings'
    placeholder organisation is all there is."""

    class Meta:
        model = Publisher
        fields = ["name", "url"]
        labels = {
            "name": gettext_lazy("Publishing organisation"),
            "url": gettext_lazy("Its web address"),
        }


def status_history(claim: Claim) -> list[dict]:
    """Each move of the claim's status, oldest first: when, by whom, from, to and the note."""
    changes, previous = [], None
    rows = claim.history.order_by("history_date", "history_id").values(
        "history_date", "history_user__username", "status", "history_change_reason"
    )
    for row in rows:
        if previous is not None and row["status"] != previous:
            changes.append(
                {
                    "when": row["history_date"],
                    "who": row["history_user__username"] or "the system",
                    "was": Status(previous).label,
                    "now": Status(row["status"]).label,
                    "note": row["history_change_reason"] or "",
                }
            )
        previous = row["status"]
    return changes


def workflow_context(claim: Claim, user, publisher_form: PublisherForm | None = None) -> dict:
    """What the claim page's status section shows."""
    moves = moves_for(claim.status, user)
    publishing = any(move.publishes for move in moves)
    needs_publisher = publishing and Publisher.current().is_placeholder
    if needs_publisher and publisher_form is None:
        publisher_form = PublisherForm(prefix="publisher")
    return {
        "moves": moves,
        "publisher_form": publisher_form if needs_publisher else None,
        "status_history": status_history(claim),
        "overdue": is_overdue(claim.status, claim.due_on),
    }


@require_POST
@permission_required("claims.change_claim")
def claim_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the claim to the status posted as `to`, with an optional note."""
    claim = get_object_or_404(Claim.objects.select_related("assignee", "speaker"), pk=pk)
    to, note = request.POST.get("to", ""), request.POST.get("note", "")
    version = request.POST.get("version", "")
    publisher_form = None
    try:
        if not version.isdigit():
            raise ValidationError(_("The page was loaded without the claim's version: reload it."))
        if to == Status.PUBLISHED and Publisher.current().is_placeholder:
            publisher_form = PublisherForm(request.POST, prefix="publisher")
            if not publisher_form.is_valid():
                raise ValidationError(
                    _("Say who publishes the verdicts first: the organisation's name and address.")
                )
        claim.move_to(to, by=request.user, note=note, expected_version=int(version))
        if publisher_form is not None:
            publisher_form.save()
    except EditConflict:
        messages.error(
            request, _("Someone else changed this claim meanwhile: reload it, then move it.")
        )
    except (ValidationError, PermissionDenied) as problem:
        text = " ".join(problem.messages) if isinstance(problem, ValidationError) else str(problem)
        messages.error(request, _("Not moved: {text}").format(text=text))
    else:
        messages.success(
            request,
            _("Claim #{pk} is now “{status}”.").format(
                pk=claim.pk, status=claim.get_status_display()
            ),
        )
        publisher_form = None
    if request.htmx:
        claim.refresh_from_db()
        context = {"claim": claim, **workflow_context(claim, request.user, publisher_form)}
        return render(request, "claims/includes/workflow.html", context)
    return redirect(claim)


QUEUES = {
    "mine": gettext_lazy("Mine"),
    "unassigned": gettext_lazy("Unassigned"),
    "review": gettext_lazy("Waiting for review"),
    "overdue": gettext_lazy("Overdue"),
}


def queue_claims(name: str, user) -> QuerySet:
    """The claims of one queue, the oldest work first."""
    open_work = Claim.objects.filter(status__in=OPEN)
    if name == "mine":
        claims = open_work.filter(assignee=user)
    elif name == "unassigned":
        claims = open_work.filter(assignee__isnull=True)
    elif name == "review":
        claims = Claim.objects.filter(status=Status.IN_REVIEW)
    else:
        claims = Claim.objects.filter(overdue())
    return claims.order_by(F("due_on").asc(nulls_last=True), "created_at", "pk")


@require_POST
@permission_required("claims.change_claim")
def claim_take(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign the claim to oneself from a list, in one click (or the queue's `t` key): the
    same versioned edit as the claim page's assignee field, so a claim someone else took
    meanwhile is not taken from them."""
    claim = get_object_or_404(Claim, pk=pk)
    data = {"assignee": request.user.pk, "version": request.POST.get("version", "")}
    form = ClaimForm(data, instance=claim, only="assignee")
    problem, status = "", 200
    if not form.is_valid():
        problem, status = _("The page was loaded without the claim's version: reload it."), 422
    else:
        try:
            form.save()
        except EditConflict:
            problem, status = _("Someone else changed this claim meanwhile: this is it now."), 409
    if request.htmx:
        rows = claim_rows([pk], with_topics=True)
        if not rows:
            raise Http404("The claim was deleted meanwhile.")
        context = {"claim": rows[0], "problem": problem}
        return render(request, "claims/queue_list.html#queue-row", context, status=status)
    if problem:
        messages.error(request, _("Not assigned: {problem}").format(problem=problem))
    else:
        messages.success(request, _("Claim #{pk} is assigned to you.").format(pk=claim.pk))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("claims:queue-list")


@require_GET
@vary_on_headers("HX-Request")
def queue_list(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("queue", "mine")
    if name not in QUEUES:
        name = "mine"
    filters = ClaimFilterForm(request.GET)
    claims = filters.filter(queue_claims(name, request.user))
    page = claims_page(claims, request.GET.get("page"), PAGE_SIZE)
    context = {
        "queues": QUEUES,
        "queue": name,
        "queue_label": QUEUES[name],
        "filters": filters,
        "page": page,
        "query": query_without_page(request),
    }
    template = "claims/queue_list.html#results" if request.htmx else "claims/queue_list.html"
    return render(request, template, context)


@require_GET
def queue_count(request: HttpRequest) -> HttpResponse:
    """The navigation's count of one's own open claims and those waiting for review,
    asked for after the page is shown (no page pays for it)."""
    counts = {
        "mine": queue_claims("mine", request.user).count(),
        "review": queue_claims("review", request.user).count(),
    }
    return render(request, "claims/includes/queue_count.html", counts)
