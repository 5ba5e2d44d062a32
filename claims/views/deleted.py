from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from claims.models import Claim, Speaker
from claims.recovery import (
    AlreadyRestored,
    latest_deletions,
    restore_deleted_claim,
    restore_deleted_source,
)
from records.roles import permission_required
from sources.models import Outlet, Source

PAGE_SIZE = 50
KINDS = {"claims": Claim, "sources": Source}


@require_GET
@vary_on_headers("HX-Request")
def deleted_list(request: HttpRequest) -> HttpResponse:
    """Claims and sources that were deleted and not brought back, newest first."""
    kind = request.GET.get("kind", "claims")
    if kind not in KINDS:
        kind = "claims"
    page = Paginator(latest_deletions(KINDS[kind]), PAGE_SIZE).get_page(request.GET.get("page"))
    # Names of the speakers and outlets, deleted ones included, in one query each.
    if kind == "claims":
        names = Speaker._base_manager.in_bulk({row.speaker_id for row in page})
        for row in page:
            row.owner_name = getattr(names.get(row.speaker_id), "name", _("a deleted speaker"))
    else:
        names = Outlet._base_manager.in_bulk({row.outlet_id for row in page})
        for row in page:
            row.owner_name = getattr(names.get(row.outlet_id), "name", _("a deleted outlet"))
    template = "claims/deleted_list.html"
    if request.htmx:
        template += "#deleted-rows"
    return render(request, template, {"page": page, "kind": kind})


def _report(request: HttpRequest, restored: str, result) -> None:
    """`restored`: "Restored the claim", in the reader's language."""
    parts = [restored]
    if result.citations:
        parts.append(
            ngettext("with {count} citation", "with {count} citations", result.citations).format(
                count=result.citations
            )
        )
    if result.relations:
        parts.append(
            ngettext("and {count} relation", "and {count} relations", result.relations).format(
                count=result.relations
            )
        )
    messages.success(request, " ".join(parts) + ".")
    for item in result.left_out:
        messages.warning(request, _("Not restored: {item}.").format(item=item))


def _already_restored(request: HttpRequest, model, deletion, done: AlreadyRestored) -> HttpResponse:
    """A second click, or a colleague's, restored it first: say so, and show it."""
    messages.info(request, " ".join(done.messages))
    record = model.objects.filter(pk=deletion.id).first()
    return redirect(record.get_absolute_url() if record else reverse("claims:deleted-list"))


@require_POST
@permission_required("claims.add_claim", "claims.add_citation", "claims.add_claimrelation")
def deleted_claim_restore(request: HttpRequest, history_id: int) -> HttpResponse:
    deletion = get_object_or_404(Claim.history.filter(history_type="-"), history_id=history_id)
    try:
        result = restore_deleted_claim(deletion, reason="Restored after deletion")
    except AlreadyRestored as done:
        return _already_restored(request, Claim, deletion, done)
    except ValidationError as error:
        messages.error(
            request,
            _("Could not restore the claim: {items}").format(items=" ".join(error.messages)),
        )
        return redirect(reverse("claims:deleted-list"))
    _report(request, _("Restored the claim"), result)
    return redirect(result.record.get_absolute_url())


@require_POST
@permission_required("sources.add_source", "claims.add_citation")
def deleted_source_restore(request: HttpRequest, history_id: int) -> HttpResponse:
    deletion = get_object_or_404(Source.history.filter(history_type="-"), history_id=history_id)
    try:
        result = restore_deleted_source(deletion, reason="Restored after deletion")
    except AlreadyRestored as done:
        return _already_restored(request, Source, deletion, done)
    except ValidationError as error:
        messages.error(
            request,
            _("Could not restore the source: {items}").format(items=" ".join(error.messages)),
        )
        return redirect(reverse("claims:deleted-list") + "?kind=sources")
    _report(request, _("Restored the source"), result)
    return redirect(result.record.get_absolute_url())
