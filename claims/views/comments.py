"""Comments on claims and sources, and one's notifications of being mentioned."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from claims.comments import MAX_LENGTH, Comment, mentioned_usernames
from claims.models import Claim
from records.models import EditConflict
from records.roles import permission_required
from sources.models import Source

PAGE_SIZE = 50
SUBJECTS = {"claims": Claim, "sources": Source}


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Name a colleague with @username to notify them."),
    )


def _subject(kind: str, pk: int):
    return get_object_or_404(SUBJECTS[kind], pk=pk)


def _section(request: HttpRequest, subject, form: CommentForm | None = None) -> HttpResponse:
    comments = subject.comments.select_related("author")
    context = {
        "subject": subject,
        "kind": "claims" if isinstance(subject, Claim) else "sources",
        "comments": comments,
        "form": form or CommentForm(),
    }
    template = "claims/comments.html#comments" if request.htmx else "claims/comments.html"
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
def comment_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A claim's or a source's comments, oldest first, with the form to add one (the
    claim and source pages load it after they are shown)."""
    return _section(request, _subject(kind, pk))


@require_POST
@permission_required("claims.add_comment")
def comment_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = _subject(kind, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        comment = Comment(author=request.user, text=form.cleaned_data["text"])
        setattr(comment, "claim" if kind == "claims" else "source", subject)
        try:
            comment.full_clean()
        except ValidationError as error:
            form.add_error("text", " ".join(error.messages))
        else:
            comment.save()
            named = comment.notify_mentioned()
            if named:
                who = ", ".join(n.recipient.get_username() for n in named)
                messages.success(request, _("Comment added; {who} notified.").format(who=who))
            if not request.htmx:
                return redirect(comment.get_absolute_url())
            form = None
    return _section(request, subject, form)


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_comment")
def comment_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Its author edits a comment; the earlier text stays in history, and only users named
    for the first time are notified."""
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied(_("Only its author can edit a comment."))
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        already = mentioned_usernames(comment.text)
        comment.text = form.cleaned_data["text"]
        version = request.POST.get("version", "")
        try:
            comment.full_clean()
            comment.save(expected_version=int(version) if version.isdigit() else None)
        except EditConflict:
            messages.error(request, _("This comment was changed meanwhile: reload it first."))
        except ValidationError as error:
            form.add_error("text", " ".join(error.messages))
        else:
            comment.notify_mentioned(already=already)
            return redirect(comment.get_absolute_url())
    return render(request, "claims/comment_form.html", {"comment": comment, "form": form})


@require_POST
@permission_required("claims.delete_comment")
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Its author (or an administrator) deletes a comment; history keeps what it said."""
    comment = get_object_or_404(Comment, pk=pk)
    if comment.author_id != request.user.pk and not request.user.is_staff:
        raise PermissionDenied(_("Only its author can delete a comment."))
    subject = comment.subject
    comment.delete()
    messages.success(request, _("Comment deleted; its history keeps what it said."))
    return redirect(subject)


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    """Where one was mentioned, newest first; opening the page does not mark them read."""
    notifications = request.user.notifications.select_related(
        "comment__author", "comment__claim__speaker", "comment__source"
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/notification_list.html", {"page": page})


@require_GET
def notification_count(request: HttpRequest) -> HttpResponse:
    """The navigation's unread count, asked for after the page is shown."""
    unread = request.user.notifications.unread().count()
    return render(request, "claims/includes/notification_count.html", {"unread": unread})


@require_POST
def notification_update(request: HttpRequest) -> HttpResponse:
    """Mark one's notifications read: all of them, or the one posted as `notification`."""
    unread = request.user.notifications.unread()
    if (one := request.POST.get("notification", "")).isdigit():
        unread = unread.filter(pk=one)
    unread.update(read_at=timezone.now())
    return redirect("claims:notification-list")
