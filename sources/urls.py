from django.urls import path

from records import history
from sources import fetch_views, outlet_views, views
from sources.models import Source

app_name = "sources"

urlpatterns = [
    path("", views.source_list, name="source-list"),
    path("new/", views.source_create, name="source-create"),
    path("fetch/", fetch_views.fetch_create, name="fetch-create"),
    path("fetch/<int:pk>/", fetch_views.fetch_detail, name="fetch-detail"),
    path("snapshots/<int:pk>/", fetch_views.snapshot_download, name="snapshot-download"),
    path("<int:pk>/recheck/", fetch_views.source_recheck, name="source-recheck"),
    path("outlets/", outlet_views.outlet_list, name="outlet-list"),
    path("outlets/new/", outlet_views.outlet_create, name="outlet-create"),
    path("outlets/<int:pk>/edit/", outlet_views.outlet_update, name="outlet-update"),
    path("autocomplete/", views.source_autocomplete, name="source-autocomplete"),
    path("<int:pk>/", views.source_detail, name="source-detail"),
    path("<int:pk>/edit/", views.source_update, name="source-update"),
    path("<int:pk>/delete/", views.source_delete, name="source-delete"),
]

# History: every version with its diff, and restoring one (records/history.py, generic).
urlpatterns += [
    path("<int:pk>/history/", history.history, {"model": Source}, name="source-history"),
    path(
        "<int:pk>/history/<int:history_id>/restore/",
        history.restore,
        {"model": Source},
        name="source-restore",
    ),
]
