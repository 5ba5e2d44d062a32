"""Error pages that say what happened in the user's words."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400, or 413 for a form larger than the limit: refused before anything was read, so
    nothing of it was saved, and the browser still holds what was typed."""
    too_large = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    context = {
        "too_large": too_large,
        "limit_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2**20,
    }
    return render(request, "400.html", context, status=413 if too_large else 400)
