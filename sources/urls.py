from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("", views.source_list, name="source-list"),
    path("new/", views.source_create, name="source-create"),
    path("<int:pk>/", views.source_detail, name="source-detail"),
    path("<int:pk>/edit/", views.source_update, name="source-update"),
    path("<int:pk>/delete/", views.source_delete, name="source-delete"),
]
