from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from claims.forms import TopicDeleteForm, TopicForm
from claims.models import Claim, Topic
from claims.rows import claims_page
from records.conflicts import update_page
from records.roles import permission_required

PAGE_SIZE = 50


@require_GET
def topic_list(request: HttpRequest) -> HttpResponse:
    topics = Topic.objects.annotate(claim_count=Count("claims"))
    return render(request, "claims/topic_list.html", {"topics": topics})


@require_GET
@vary_on_headers("HX-Request")
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    claims = Claim.objects.filter(topics=topic).order_by("stated_on", "pk")
    page = claims_page(claims, request.GET.get("page"), PAGE_SIZE)
    context = {"topic": topic, "page": page, "query": ""}
    if not request.htmx:
        return render(request, "claims/topic_detail.html", context)
    return push_url(
        render(request, "claims/topic_detail.html#results", context), request.get_full_path()
    )


@require_http_methods(["GET", "POST"])
@permission_required("claims.add_topic")
def topic_create(request: HttpRequest) -> HttpResponse:
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        topic = form.save()
        messages.success(request, _("Topic “{name}” added.").format(name=topic.name))
        return redirect(topic)
    return render(request, "claims/topic_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("claims.change_topic")
def topic_update(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    form = TopicForm(request.POST or None, instance=topic)
    context = {"form": form, "topic": topic}
    return update_page(
        request, form, "claims/topic_form.html", context, saved="Topic “{record.name}” saved."
    )


@require_http_methods(["GET", "POST"])
@permission_required("claims.delete_topic")
def topic_delete(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    form = TopicDeleteForm(request.POST or None, topic=topic)
    if request.method == "POST" and form.is_valid():
        move_to = form.cleaned_data["move_to"]
        count = topic.delete_moving_claims(move_to)
        where = f"; its {count} claims now have “{move_to.name}”" if move_to and count else ""
        messages.success(
            request,
            _("Topic “{name}” deleted{where}. Its history is kept.").format(
                name=topic.name, where=where
            ),
        )
        return redirect(move_to or "claims:topic-list")
    context = {
        "form": form,
        "topic": topic,
        "claim_count": Claim.objects.filter(topics=topic).count(),
    }
    return render(request, "claims/topic_confirm_delete.html", context)
