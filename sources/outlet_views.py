"""Outlets in the app, not only in admin: the list, a new one, an edit."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from records.conflicts import update_page
from records.pagination import LargeTablePaginator
from records.roles import permission_required
from sources.forms import OutletForm
from sources.models import Outlet

PAGE_SIZE = 50


@require_GET
def outlet_list(request: HttpRequest) -> HttpResponse:
    page = LargeTablePaginator(Outlet.objects.order_by("name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "sources/outlet_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@permission_required("sources.add_outlet")
def outlet_create(request: HttpRequest) -> HttpResponse:
    form = OutletForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outlet = form.save()
        messages.success(request, _("Outlet “{name}” added.").format(name=outlet.name))
        return redirect("sources:outlet-list")
    return render(request, "sources/outlet_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("sources.change_outlet")
def outlet_update(request: HttpRequest, pk: int) -> HttpResponse:
    outlet = get_object_or_404(Outlet, pk=pk)
    form = OutletForm(request.POST or None, instance=outlet)
    context = {"form": form, "outlet": outlet}
    return update_page(
        request,
        form,
        "sources/outlet_form.html",
        context,
        saved="Outlet “{record.name}” saved.",
        then=reverse("sources:outlet-list"),
    )
