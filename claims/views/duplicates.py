"""Possible duplicates: the list, dismissing a pair, a merge's preview and the merge, an
unmerge, and the warning the claim forms show before a duplicate is recorded."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from claims import merging
from claims.duplicates import Ask, Wording, similar_claims
from claims.models import Claim, Merge, PossibleDuplicate, Speaker
from records.roles import READ_ONLY_MESSAGE, permission_required
from sources.models import Source

PAGE_SIZE = 50
Kind = PossibleDuplicate.Kind
# What each kind's records are, loaded with what their rows show.
RECORDS = {
    Kind.CLAIMS: Claim.objects.select_related("speaker", "representative__source__outlet"),
    Kind.SPEAKERS: Speaker.objects.all(),
    Kind.SOURCES: Source.objects.select_related("outlet"),
}
# A merge changes the kept record and deletes the other.
MERGE_PERMISSIONS = {
    Kind.CLAIMS: ("claims.change_claim", "claims.delete_claim"),
    Kind.SPEAKERS: ("claims.change_speaker", "claims.delete_speaker"),
    Kind.SOURCES: ("sources.change_source", "sources.delete_source"),
}
# How many warnings a form shows: the closest few are what a researcher checks.
WARNINGS_SHOWN = 3
# A claim's words compared at most: longer pasted text adds time, not likeness.
MAX_COMPARED = 4000


def _kind(value: str) -> str:
    return value if value in Kind.values else Kind.CLAIMS


@require_GET
@vary_on_headers("HX-Request")
def duplicate_list(request: HttpRequest) -> HttpResponse:
    """Open pairs of one kind, most alike first, with both records."""
    kind = _kind(request.GET.get("kind", ""))
    pairs = PossibleDuplicate.objects.open().filter(kind=kind)
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = {pk for pair in page for pk in (pair.first_id, pair.second_id)}
    records = RECORDS[kind].in_bulk(ids)
    rows = [
        (pair, records[pair.first_id], records[pair.second_id])
        for pair in page
        if pair.first_id in records and pair.second_id in records
    ]
    template = "claims/duplicate_list.html"
    if request.htmx:
        template += "#duplicate-rows"
    context = {"page": page, "rows": rows, "kind": kind, "kinds": Kind.choices}
    return render(request, template, context)


@require_POST
@permission_required("claims.add_claim")
def duplicate_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    """Not the same: the pair is not suggested again."""
    pair = get_object_or_404(PossibleDuplicate, pk=pk)
    if pair.dismissed_at is None:
        pair.dismissed_at, pair.dismissed_by = timezone.now(), request.user
        pair.save(update_fields=["dismissed_at", "dismissed_by"])
        messages.success(request, _("{pair} marked as not the same.").format(pair=pair))
    return redirect(pair.get_absolute_url())


def _check_may_merge(request: HttpRequest, kind: str) -> None:
    if not request.user.has_perms(MERGE_PERMISSIONS[kind]):
        raise PermissionDenied(READ_ONLY_MESSAGE)


@require_http_methods(["GET", "POST"])
def merge_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """What merging the pair would do (GET), and the merge itself (POST). `keep` names
    the record kept; the older one by default."""
    pair = get_object_or_404(PossibleDuplicate, pk=pk)
    _check_may_merge(request, pair.kind)
    records = RECORDS[pair.kind].in_bulk([pair.first_id, pair.second_id])
    if len(records) < 2:
        messages.info(request, _("One of the two has been deleted or merged since."))
        return redirect(pair.get_absolute_url())
    wanted = request.POST.get("keep") or request.GET.get("keep")
    keep = int(wanted) if wanted in {str(pair.first_id), str(pair.second_id)} else pair.first_id
    kept = records[keep]
    other = records[pair.second_id if keep == pair.first_id else pair.first_id]
    if request.method == "POST":
        try:
            done = merging.merge(pair.kind, kept, other, by=request.user)
        except ValidationError as error:
            messages.error(request, _("Not merged: {items}").format(items=" ".join(error.messages)))
            return redirect(request.path + f"?keep={keep}")
        messages.success(
            request,
            _("Merged #{merged_id} into #{kept_id}.").format(
                merged_id=done.merged_id, kept_id=done.kept_id
            ),
        )
        return redirect(done.get_absolute_url())
    plan = merging.preview(pair.kind, kept, other)
    context = {"pair": pair, "plan": plan, "kept": kept, "other": other}
    return render(request, "claims/merge_preview.html", context)


@require_GET
def merge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One merge: what moved and what was dropped, and the undo."""
    record = get_object_or_404(Merge.objects.select_related("merged_by", "undone_by"), pk=pk)
    kept = RECORDS[record.kind].filter(pk=record.kept_id).first()
    return render(request, "claims/merge_detail.html", {"merge": record, "kept": kept})


@require_POST
def merge_undo(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(Merge, pk=pk)
    _check_may_merge(request, record.kind)
    try:
        left_out = merging.unmerge(record, by=request.user)
    except ValidationError as error:
        messages.error(request, _("Not undone: {items}").format(items=" ".join(error.messages)))
        return redirect(record.get_absolute_url())
    messages.success(
        request, _("Unmerged: #{merged_id} is back as it was.").format(merged_id=record.merged_id)
    )
    for item in left_out:
        messages.warning(request, _("Not put back: {item}.").format(item=item))
    restored = RECORDS[record.kind].filter(pk=record.merged_id).first()
    return redirect(restored.get_absolute_url() if restored else record.get_absolute_url())


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@require_GET
def duplicate_check(request: HttpRequest) -> HttpResponse:
    """The warning a claim form shows while it is filled in: claims already recorded that
    the one being typed may be. Whatever the form holds so far, never an error."""
    speaker_id, text = request.GET.get("speaker", ""), request.GET.get("text", "").strip()
    likenesses = []
    if speaker_id.isdigit() and text and Speaker.objects.filter(pk=speaker_id).exists():
        wording = Wording(
            text[:MAX_COMPARED],
            request.GET.get("language", "")[:20],
            request.GET.get("translation", "").strip()[:MAX_COMPARED],
        )
        ask = Ask(int(speaker_id), wording, _day(request.GET.get("stated_on", "")))
        likenesses = similar_claims(ask)[:WARNINGS_SHOWN]
    source = request.GET.get("source", "")
    context = {
        "likenesses": likenesses,
        "source": Source.objects.filter(pk=source).first() if source.isdigit() else None,
    }
    return render(request, "claims/includes/duplicate_warning.html", context)
