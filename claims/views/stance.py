"""A researcher's answer to a possible self-contradiction on a speaker's timeline:
confirm it (a relation between the two claims, in history) or dismiss it (kept, so it is
not suggested again)."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from claims.forms import ContradictionForm
from claims.models import Speaker
from claims.views.maps import render_timeline
from records.roles import permission_required


@require_POST
@permission_required("claims.add_claimrelation")
@vary_on_headers("HX-Request")
def contradiction_accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, confirming=True)


@require_POST
@permission_required("claims.add_claimrelation")
@vary_on_headers("HX-Request")
def contradiction_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, confirming=False)


def _answer(request: HttpRequest, pk: int, *, confirming: bool) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=pk)
    form = ContradictionForm(request.POST, speaker=speaker, confirming=confirming)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except IntegrityError:
            # Someone else related the two claims between our check and our insert.
            form.add_error(None, _("These two claims were related a moment ago: reload the page."))
        else:
            done = (
                _("Recorded the contradiction.")
                if confirming
                else _("Dismissed: not suggested again.")
            )
            if not request.htmx:
                messages.success(request, done)
                return redirect(speaker)
            return render_timeline(request, speaker, answered=done)
    problems = [message for errors in form.errors.values() for message in errors]
    return render_timeline(request, speaker, answer_errors=problems)
