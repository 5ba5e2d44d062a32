"""Adding a source from a web address or a file: the fetch runs as a task, the page follows
it, then shows what was read beside the original, every field editable, to save."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from records.roles import permission_required
from sources.forms import FetchForm, PreviewForm, SourceForm, UploadForm
from sources.intake import IntakeError, save_source, uploaded_snapshot
from sources.models import Snapshot, Source, SourceFetch
from sources.tasks import queue_fetch

ORIGINAL_PREVIEW_CHARS = 200_000


def add_context(*, form=None, fetch_form=None, upload_form=None, tab: str = "paste") -> dict:
    return {
        "form": form or SourceForm(),
        "fetch_form": fetch_form or FetchForm(),
        "upload_form": upload_form or UploadForm(),
        "tab": tab if tab in {"url", "upload", "paste"} else "paste",
        "limits": {
            "mb": settings.CLAIMTRAIL_FETCH_MAX_BYTES // 2**20,
            "seconds": int(settings.CLAIMTRAIL_FETCH_TIMEOUT),
            "pages": settings.CLAIMTRAIL_PDF_MAX_PAGES,
        },
    }


@require_POST
@permission_required("sources.add_source")
def fetch_create(request: HttpRequest) -> HttpResponse:
    """Queue the fetch of a web address, or keep an uploaded file and queue its reading."""
    if "file" in request.FILES or request.POST.get("from") == "upload":
        upload_form = UploadForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            context = add_context(upload_form=upload_form, tab="upload")
            return render(request, "sources/source_form.html", context)
        upload = upload_form.cleaned_data["file"]
        try:
            with transaction.atomic():
                snapshot = uploaded_snapshot(
                    upload.read(),
                    filename=upload.name,
                    content_type=(upload.content_type or "").split(";")[0].strip().lower(),
                    user=request.user,
                )
                source_fetch = SourceFetch.objects.create(
                    owner=request.user, filename=upload.name[:255], snapshot=snapshot
                )
        except IntakeError as error:
            upload_form.add_error("file", error.message)
            context = add_context(upload_form=upload_form, tab="upload")
            return render(request, "sources/source_form.html", context)
    else:
        fetch_form = FetchForm(request.POST)
        if not fetch_form.is_valid():
            context = add_context(fetch_form=fetch_form, tab="url")
            return render(request, "sources/source_form.html", context)
        url = fetch_form.cleaned_data["url"]
        existing = Source.objects.filter(url=url).first()
        if existing is not None:
            fetch_form.add_error(
                "url",
                _("This address is already a source: “{title}” (id {pk}).").format(
                    title=existing.title, pk=existing.pk
                ),
            )
            context = add_context(fetch_form=fetch_form, tab="url")
            return render(request, "sources/source_form.html", context)
        source_fetch = SourceFetch.objects.create(owner=request.user, url=url)
    source_fetch = queue_fetch(source_fetch)
    return redirect(source_fetch)


def _own_fetch(request: HttpRequest, pk: int) -> SourceFetch:
    fetches = SourceFetch.objects.select_related("snapshot", "source")
    if not (request.user.is_staff or request.user.is_superuser):
        fetches = fetches.filter(owner=request.user)
    return get_object_or_404(fetches, pk=pk)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@permission_required("sources.add_source")
def fetch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """While the task runs: "Fetching…", polled. Then the preview to check and save, or
    what went wrong; for a recheck, what it found."""
    source_fetch = _own_fetch(request, pk)
    template = "sources/sourcefetch_detail.html"
    if request.htmx and request.htmx.target == "fetch-progress":
        if source_fetch.finished:
            return HttpResponseClientRefresh()
        template += "#fetch-progress"
    form = None
    if source_fetch.status == SourceFetch.Status.READY and source_fetch.purpose == "add":
        if request.method == "POST":
            form = PreviewForm(request.POST)
            if form.is_valid():
                source = save_source(
                    form,
                    snapshot=source_fetch.snapshot,
                    page_starts=source_fetch.extracted.get("page_starts") or [],
                )
                SourceFetch.objects.filter(pk=source_fetch.pk).update(
                    status=SourceFetch.Status.SAVED, source=source
                )
                messages.success(
                    request,
                    _("Source “{title}” added. Select text to add claims.").format(
                        title=source.title
                    ),
                )
                return redirect(source)
        else:
            form = PreviewForm(initial=PreviewForm.initial_from(source_fetch.extracted))
    elif request.method == "POST":
        raise PermissionDenied(_("This fetch has nothing to save."))
    return render(
        request,
        template,
        {
            "fetch": source_fetch,
            "form": form,
            "original": _original_text(source_fetch.snapshot),
        },
    )


def _original_text(snapshot: Snapshot | None) -> str:
    """The original as it came, shown as text (escaped like any text: never run as a
    page), for HTML its markup; for a PDF the text of its pages."""
    if snapshot is None:
        return ""
    if snapshot.content_type == "application/pdf":
        return snapshot.text[:ORIGINAL_PREVIEW_CHARS]
    try:
        with snapshot.file.open("rb") as file:
            content = file.read(ORIGINAL_PREVIEW_CHARS * 4)
    except OSError:
        return ""
    from sources.decoding import decode

    return decode(content)[0][:ORIGINAL_PREVIEW_CHARS]


@require_POST
@permission_required("sources.change_source")
def source_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    """Fetch a source again, as a task, to see whether it changed since it was cited."""
    source = get_object_or_404(Source, pk=pk)
    if not source.url:
        messages.error(request, _("This source has no URL to fetch it again from."))
        return redirect(source)
    source_fetch = SourceFetch.objects.create(
        owner=request.user, url=source.url, source=source, purpose=SourceFetch.Purpose.RECHECK
    )
    return redirect(queue_fetch(source_fetch))


@require_GET
def snapshot_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A snapshot's bytes, as a download (never shown as a page of this site)."""
    snapshot = get_object_or_404(Snapshot, pk=pk)
    try:
        file = snapshot.file.open("rb")
    except OSError:
        raise Http404("The snapshot's file is missing from storage.") from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=snapshot.download_name,
        content_type=snapshot.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
