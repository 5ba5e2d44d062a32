from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from claims import urls as claims_urls
from claims.views.home import home
from claims.views.language import choose_language
from exchange import urls as exchange_urls
from exchange.views.health import healthz
from records import accounts

# A form over the request limit is answered in words (413), not with a bare 400.
handler400 = "records.errors.bad_request"
# Under /api/, a 404 is JSON like every other answer there.
handler404 = "exchange.api.errors.not_found"

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),  # for the proxy's health checks: no sign-in
    # The language switcher posts here, signed in or not (the login page has it too).
    path("i18n/setlang/", choose_language, name="set_language"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include(accounts.urlpatterns)),
    path("admin/", admin.site.urls),
    path("api/", include("exchange.api.urls")),
    path("sources/", include("sources.urls")),
    path("", include("assistant.urls")),
    # The exchange's pages (exports, imports, the ClaimReview feed) keep their names among
    # the claims pages they are reached from: `claims:pair-export`.
    path("", include(([*claims_urls.urlpatterns, *exchange_urls.urlpatterns], "claims"))),
]

if settings.CLAIMTRAIL_BENCH:
    from bench.views import hello, stock_admin

    urlpatterns += [
        path("bench/hello/", hello, name="bench-hello"),
        path("bench/admin/", stock_admin.urls),
    ]
