import itertools

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from exchange import claimreview_import as reviews
from exchange.batches import StoredFile, cancel, settle, stage_upload
from exchange.imports import ImportFileError, read_rows
from exchange.models import ImportBatch, ImportMapping
from exchange.table_import import FIELDS, mapping_problems, parse_labels
from exchange.tasks import queue_apply, queue_mapped_preview, queue_preview
from exchange.uploads import limits_upload
from records.roles import READ_ONLY_MESSAGE, permission_required
from sources.fetching import FetchError, fetch

IMPORT_PERMISSIONS = (
    "exchange.add_importbatch",
    "claims.add_claim",
    "claims.add_claimrelation",
    "claims.add_citation",
    "claims.add_speaker",
    "sources.add_source",
    "sources.add_outlet",
)
# A review brings its verdict in.
CLAIMREVIEW_PERMISSIONS = (*IMPORT_PERMISSIONS, "claims.add_assessment")
MAX_UPLOAD_BYTES = getattr(settings, "CLAIMTRAIL_IMPORT_MAX_BYTES", 200 * 1024 * 1024)
ROWS_PER_PAGE = 100


@require_http_methods(["GET", "POST"])
@permission_required(*IMPORT_PERMISSIONS)
@limits_upload(MAX_UPLOAD_BYTES)
def pair_import(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if getattr(request, "upload_too_large", False) or (
            upload and upload.size > MAX_UPLOAD_BYTES
        ):
            error = _(
                "The file is larger than {size} MB, the limit for an upload. Split it, or ask an "
                "administrator to run “manage.py import_pairs” with it on the server."
            ).format(size=MAX_UPLOAD_BYTES // 2**20)
        elif upload is None:
            error = _("Choose a CSV file to upload.")
        else:
            try:
                batch = queue_preview(owner=request.user, filename=upload.name, upload=upload)
            except ImportFileError as refused:
                error = str(refused)
            else:
                return redirect(batch)
    batches = ImportBatch.objects.visible_to(request.user).filter(owner=request.user)[:10]
    return render(
        request,
        "exchange/importbatch_form.html",
        {"error": error, "batches": batches, "max_mb": MAX_UPLOAD_BYTES // 2**20},
    )


@require_http_methods(["GET", "POST"])
@permission_required(*CLAIMREVIEW_PERMISSIONS)
@limits_upload(reviews.MAX_BYTES)
def claimreview_import(request: HttpRequest) -> HttpResponse:
    """ClaimReview markup in: a file (JSON-LD, or an HTML page with it embedded), a pasted
    block, or a page's address; then the same preview and apply as a CSV's."""
    error, limit_mb = "", reviews.MAX_BYTES // 2**20
    pasted = address = filename = ""
    if request.method == "POST":
        try:
            post, files = request.POST, request.FILES
        except RequestDataTooBig:
            post, files = {}, {}
            error = _("What was sent is larger than {size} MB: upload it as a file.").format(
                size=limit_mb
            )
        upload = files.get("file")
        pasted, address = post.get("markup", "").strip(), post.get("url", "").strip()
        if error:
            pass
        elif getattr(request, "upload_too_large", False):
            error = _(
                "The file is larger than {size} MB, the limit for ClaimReview markup."
            ).format(size=limit_mb)
        elif upload is None and pasted:
            upload = SimpleUploadedFile("pasted.jsonld", pasted.encode())
        elif upload is None and address:
            try:
                fetched = fetch(address, max_bytes=reviews.MAX_BYTES)
            except FetchError as failed:
                error = failed.message
            else:
                upload = SimpleUploadedFile("page.html", fetched.content)
                filename = fetched.final_url
        elif upload is None:
            error = _("Choose a file, paste the markup, or give the page's address.")
        if upload is not None and not error:
            try:
                batch = queue_preview(
                    owner=request.user,
                    filename=filename or upload.name,
                    upload=upload,
                    kind=ImportBatch.Kind.CLAIMREVIEW,
                )
            except ImportFileError as refused:
                error = str(refused)
            else:
                return redirect(batch)
    batches = ImportBatch.objects.visible_to(request.user).filter(
        owner=request.user, kind=ImportBatch.Kind.CLAIMREVIEW
    )[:10]
    return render(
        request,
        "exchange/claimreview_import_form.html",
        {
            "error": error,
            "batches": batches,
            "max_mb": limit_mb,
            "pasted": pasted,
            "address": address,
            "max_reviews": reviews.MAX_REVIEWS,
        },
    )


CLAIMS_PERMISSIONS = (*IMPORT_PERMISSIONS, "claims.add_assessment", "claims.add_topic")
PREVIEW_ROWS = 5


@require_http_methods(["GET", "POST"])
@permission_required(*CLAIMS_PERMISSIONS)
@limits_upload(MAX_UPLOAD_BYTES)
def claim_import(request: HttpRequest) -> HttpResponse:
    """Any CSV of claims: upload it, then map its columns (or pick a saved mapping)."""
    error = ""
    mappings = ImportMapping.objects.all()
    if request.method == "POST":
        upload = request.FILES.get("file")
        preset = mappings.filter(pk=request.POST.get("mapping") or None).first()
        if getattr(request, "upload_too_large", False):
            error = _("The file is larger than {size} MB, the limit for an upload.").format(
                size=MAX_UPLOAD_BYTES // 2**20
            )
        elif upload is None:
            error = _("Choose a CSV file to upload.")
        else:
            try:
                list(itertools.islice(read_rows(upload, check_header=_any, sniff=True), 1))
                upload.seek(0)
                if preset is not None:
                    batch = queue_preview(
                        owner=request.user,
                        filename=upload.name,
                        upload=upload,
                        kind=ImportBatch.Kind.CLAIMS,
                        options={"columns": preset.columns, "labels": preset.labels},
                    )
                else:
                    batch = stage_upload(
                        owner=request.user,
                        filename=upload.name,
                        upload=upload,
                        kind=ImportBatch.Kind.CLAIMS,
                        status=ImportBatch.Status.MAPPING,
                    )
                    return redirect("claims:claim-import-columns", pk=batch.pk)
            except ImportFileError as refused:
                error = str(refused)
            else:
                return redirect(batch)
    return render(
        request,
        "exchange/claim_import_form.html",
        {
            "error": error,
            "mappings": mappings,
            "max_mb": MAX_UPLOAD_BYTES // 2**20,
            "batches": ImportBatch.objects.filter(owner=request.user, kind=ImportBatch.Kind.CLAIMS)[
                :10
            ],
        },
    )


def _any(header: list[str]) -> None:
    """Any header will do, until its columns are mapped."""


@require_http_methods(["GET", "POST"])
@permission_required(*CLAIMS_PERMISSIONS)
def claim_import_columns(request: HttpRequest, pk: int) -> HttpResponse:
    """Map an uploaded CSV's columns to fields, seeing its first rows; then its preview."""
    batch = get_object_or_404(
        ImportBatch.objects.visible_to(request.user).filter(kind=ImportBatch.Kind.CLAIMS), pk=pk
    )
    if not batch.needs_columns:
        return redirect(batch)
    rows = list(
        itertools.islice(read_rows(StoredFile(batch), check_header=_any, sniff=True), PREVIEW_ROWS)
    )
    header = list(rows[0][1]) if rows else []
    columns = {field: request.POST.get(field, "") for field in FIELDS if request.POST.get(field)}
    labels_text, save_as, problems = request.POST.get("labels", ""), "", []
    if request.method == "POST":
        save_as = request.POST.get("save_as", "").strip()[:100]
        problems = mapping_problems(columns)
        problems += [
            f"there is no column “{column}”" for column in columns.values() if column not in header
        ]
        try:
            labels = parse_labels(labels_text.replace("\n", ","))
        except ValueError as error:
            problems.append(str(error))
        if not problems:
            if save_as:
                ImportMapping.objects.update_or_create(
                    name=save_as,
                    defaults={"columns": columns, "labels": labels, "created_by": request.user},
                )
            batch = queue_mapped_preview(batch, options={"columns": columns, "labels": labels})
            return redirect(batch)
    return render(
        request,
        "exchange/claim_import_columns.html",
        {
            "batch": batch,
            "header": header,
            "rows": [[cells.get(name, "") for name in header] for _, cells, _ in rows],
            "fields": [(field, label, columns.get(field, "")) for field, label in FIELDS.items()],
            "labels": labels_text,
            "save_as": save_as,
            "problems": problems,
        },
    )


def _detail_context(request: HttpRequest, batch: ImportBatch) -> dict:
    rows = batch.rows.order_by("number")
    if request.GET.get("show") == "rejected":
        rows = rows.exclude(problems=[])
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    for row in page:
        row.batch = batch  # what its cells mean: the batch's kind and mapping
    return {"batch": batch, "page": page, "show": request.GET.get("show", "")}


@require_GET
@vary_on_headers("HX-Request")
@permission_required(*IMPORT_PERMISSIONS)
def pair_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(
        ImportBatch.objects.visible_to(request.user).select_related("owner"), pk=pk
    )
    batch = settle(batch)
    template = "exchange/importbatch_detail.html"
    if request.htmx:
        if request.htmx.target == "import-progress" and not batch.is_active:
            # The step it was polling is over: the whole page shows its result.
            return HttpResponseClientRefresh()
        template += "#import-progress"
    return render(request, template, _detail_context(request, batch))


@require_POST
@vary_on_headers("HX-Request")
@permission_required(*IMPORT_PERMISSIONS)
def pair_import_apply(request: HttpRequest, pk: int) -> HttpResponse:
    batch = settle(get_object_or_404(ImportBatch.objects.visible_to(request.user), pk=pk))
    was = batch.status
    needed = {
        ImportBatch.Kind.CLAIMREVIEW: CLAIMREVIEW_PERMISSIONS,
        ImportBatch.Kind.CLAIMS: CLAIMS_PERMISSIONS,
    }.get(batch.kind, ())
    if not request.user.has_perms(needed):
        raise PermissionDenied(READ_ONLY_MESSAGE)
    batch = queue_apply(batch, user=request.user)
    if request.htmx:
        return render(
            request,
            "exchange/importbatch_detail.html#import-status",
            _detail_context(request, batch),
        )
    if batch.status == ImportBatch.Status.APPLIED and was != batch.status:
        messages.success(
            request,
            _("Imported {row_count} {unit} from {filename}.").format(
                row_count=batch.row_count, unit=batch.unit, filename=batch.filename
            ),
        )
    elif batch.is_active and was != batch.status:
        messages.success(
            request,
            _("The import of {filename} is queued: see its progress.").format(
                filename=batch.filename
            ),
        )
    elif batch.status == ImportBatch.Status.FAILED:
        messages.error(request, batch.error)
    return redirect(batch)


@require_POST
@vary_on_headers("HX-Request")
@permission_required(*IMPORT_PERMISSIONS)
def pair_import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a queued or running step of an upload; whatever it did is not kept."""
    batch = settle(get_object_or_404(ImportBatch.objects.visible_to(request.user), pk=pk))
    batch, refusal = cancel(batch, user=request.user)
    if request.htmx:
        return render(
            request,
            "exchange/importbatch_detail.html#import-status",
            _detail_context(request, batch) | {"refusal": refusal},
        )
    if refusal:
        messages.error(request, refusal)
    elif batch.status == ImportBatch.Status.CANCELLED:
        messages.success(
            request,
            _("Cancelled: nothing from {filename} was imported.").format(filename=batch.filename),
        )
    elif batch.cancel_requested:
        messages.success(request, _("Stopping: the import stops at its next 500 rows."))
    if request.POST.get("next") == "jobs":
        return redirect("claims:job-list")
    return redirect(batch)


@require_POST
@permission_required(*IMPORT_PERMISSIONS)
def pair_import_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw an upload away: its staged rows go, and whatever it imported stays."""
    batch = settle(get_object_or_404(ImportBatch.objects.visible_to(request.user), pk=pk))
    if not batch.can_delete:
        messages.error(request, _("This import is queued or running: cancel it first."))
        return redirect(batch)
    applied = batch.status == ImportBatch.Status.APPLIED
    batch.delete()
    kept = "the records it imported stay" if applied else "nothing from it was imported"
    messages.success(
        request,
        _("Deleted the upload {filename} ({kept}).").format(filename=batch.filename, kept=kept),
    )
    return redirect("claims:pair-import")
