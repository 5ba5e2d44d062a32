from django.urls import path

from assistant import views

app_name = "assistant"

urlpatterns = [
    path("sources/<int:pk>/suggestions/", views.suggestion_list, name="suggestion-list"),
    path("sources/<int:pk>/suggestions/accept/", views.suggestion_accept, name="suggestion-accept"),
    path(
        "sources/<int:pk>/suggestions/accept-all/",
        views.suggestion_bulk_accept,
        name="suggestion-bulk-accept",
    ),
    path(
        "sources/<int:pk>/suggestions/add-passage/",
        views.suggestion_add_passage,
        name="suggestion-add-passage",
    ),
    path(
        "sources/<int:pk>/suggestions/dismiss/",
        views.suggestion_dismiss,
        name="suggestion-dismiss",
    ),
]
