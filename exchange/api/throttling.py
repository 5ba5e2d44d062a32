"""Rate limits per token (or per signed-in user, for the browser's session). Counted in
Django's cache, which is the database's (settings.CACHES), so every app server shares
the counts."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from exchange.api.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self) -> str:
        # Read when asked, so that a test (or a deployment's environment) can change it.
        return settings.CLAIMTRAIL_API_RATE

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
