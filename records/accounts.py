"""One's own account: changing one's password, and resetting a forgotten one by email.

Django's own views, in the app's pages. A reset link can only be mailed where mail
leaves the machine (`CLAIMTRAIL_MAIL_CONFIGURED`); elsewhere the reset page says whom
to ask instead, and sends nothing.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path, reverse_lazy
from django.utils.decorators import method_decorator


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    def dispatch(self, request, *args, **kwargs):
        if not settings.CLAIMTRAIL_MAIL_CONFIGURED:
            return self.response_class(request, "registration/password_reset_unavailable.html", {})
        return super().dispatch(request, *args, **kwargs)


public = login_not_required

urlpatterns = [
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "password_reset/done/",
        public(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        public(
            auth_views.PasswordResetConfirmView.as_view(
                success_url=reverse_lazy("password_reset_complete")
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        public(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
