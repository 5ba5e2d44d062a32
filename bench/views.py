"""Benchmark-only pages, routed only when CLAIMTRAIL_BENCH is set (see config/urls.py),
never in a normal deployment.

- `hello`: the least a signed-in request can cost here (the whole middleware stack, no
  template, no query beyond the session's), the baseline the pages are measured against.
- `stock_admin`: Django's admin as it comes, with no option set, for the relations: the
  changelist the issue measured (a full COUNT(*) twice per view). The project's own admin
  is tuned for big tables, so it no longer shows what an untuned changelist costs.
"""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from claims.models import ClaimRelation


@require_GET
def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello", content_type="text/plain")


stock_admin = admin.AdminSite(name="bench-admin")
stock_admin.register(ClaimRelation)
