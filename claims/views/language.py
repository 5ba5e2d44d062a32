"""The language switcher: Django's `set_language`, and for a signed-in user the choice kept
(`claims.comments.UserLanguage`) so that mail to them is written in it too."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from claims.comments import UserLanguage


@login_not_required  # the login page has the switcher too
@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    response = set_language(request)
    UserLanguage.remember(request.user, request.POST.get("language", ""))
    return response
