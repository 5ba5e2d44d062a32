from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from claims.views.home import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("sources/", include("sources.urls")),
    path("", include("claims.urls")),
]

if settings.CLAIMTRAIL_BENCH:
    from bench.views import hello, stock_admin

    urlpatterns += [
        path("bench/hello/", hello, name="bench-hello"),
        path("bench/admin/", stock_admin.urls),
    ]
