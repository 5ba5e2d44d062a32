"""Every refusal as JSON: `{"detail": "…"}`, with `errors` keyed by field for bad input.
Django's own refusals (a model's ValidationError, a delete that something holds, a
constraint met in the database) are answered here too, so none of them is a 500."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if name == "__all__" else name): list(ValidationError(e).messages)
            for name, e in error.error_dict.items()
        }
    return {"non_field_errors": list(error.messages)}


def bad_input(errors: dict[str, list[str]], detail: str = "") -> Response:
    detail = detail or _("The request was not valid.")
    return Response({"detail": detail, "errors": errors}, status=status.HTTP_400_BAD_REQUEST)


def held(error: ProtectedError | RestrictedError) -> Response:
    objects = sorted(
        error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects,
        key=lambda obj: (obj._meta.label, obj.pk),
    )
    return Response(
        {
            "detail": _("Other records hold this one: delete or change them first."),
            "held_by": [
                {"type": obj._meta.verbose_name, "id": obj.pk, "name": str(obj)[:200]}
                for obj in objects[:50]
            ],
        },
        status=status.HTTP_409_CONFLICT,
    )


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2**20
        return Response(
            {"detail": _("The request body is larger than {size} MB.").format(size=limit)},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, ValidationError):
        return bad_input(field_errors(exc))
    if isinstance(exc, ProtectedError | RestrictedError):
        return held(exc)
    if isinstance(exc, IntegrityError):
        return Response(
            {
                "detail": _(
                    "This conflicts with a record saved meanwhile: read it again, then retry."
                )
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, Http404 | PermissionDenied):
        return drf_handler(exc, context)
    response = drf_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" not in response.data:
        response.data = {"detail": _("The request was not valid."), "errors": response.data}
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: as JSON for an address under /api/ that is none of the API's, else the page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)
    return page_not_found(request, exception)
