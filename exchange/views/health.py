from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from exchange.health import report


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For the proxy in front of the app servers (no sign-in): 200 while this server can
    serve (the database answers, every migration applied), 503 when it cannot; workers
    missing are reported as `degraded`, still 200, as another app server would not help."""
    health = report()
    return JsonResponse(health, status=200 if health["healthy"] else 503)
