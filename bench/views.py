"""The benchmark's baseline page: the least a signed-in request can cost here (the whole
middleware stack, no template, no query beyond the session's). Routed only when
CLAIMTRAIL_BENCH is set (see config/urls.py), never in a normal deployment."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello", content_type="text/plain")
