from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims.filters import ClaimFilterForm, PairFilterForm
from claims.models import Claim, ClaimRelation
from exchange.export import claims_filename, pairs_filename, stream_claims_csv, stream_pairs_csv


@require_GET
def pair_export(request: HttpRequest) -> StreamingHttpResponse:
    """The Pairs page's rows (same query string, same filters) as CSV."""
    pairs = ClaimRelation.objects.filter_by(**PairFilterForm(request.GET).filter_values())
    chunks = stream_pairs_csv(pairs, bom=wants_bom(request), base_url=base_url(request))
    return csv_response(chunks, pairs_filename(timezone.localdate()))


@require_GET
def claim_export(request: HttpRequest) -> StreamingHttpResponse:
    """The claims list's rows (same query string, same filters) as CSV."""
    claims = Claim.objects.filter_by(**ClaimFilterForm(request.GET).filter_values())
    chunks = stream_claims_csv(claims, bom=wants_bom(request), base_url=base_url(request))
    return csv_response(chunks, claims_filename(timezone.localdate()))


def wants_bom(request: HttpRequest) -> bool:
    # Excel needs the byte-order mark to read UTF-8; `?bom=0` is for tools that choke on it.
    return request.GET.get("bom", "1").strip().lower() not in {"0", "false", "no", "off"}


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def csv_response(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
