from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from exchange.api import views
from exchange.api.reference import reference

app_name = "api"

LIST = {"get": "list", "post": "create"}
DETAIL = {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}
NO_DELETE = {key: value for key, value in DETAIL.items() if key != "delete"}

RESOURCES = [
    ("outlets", "outlet", views.OutletViewSet, NO_DELETE),
    ("sources", "source", views.SourceViewSet, DETAIL),
    ("speakers", "speaker", views.SpeakerViewSet, DETAIL),
    ("claims", "claim", views.ClaimViewSet, DETAIL),
    ("citations", "citation", views.CitationViewSet, DETAIL),
    ("relations", "relation", views.RelationViewSet, DETAIL),
    ("topics", "topic", views.TopicViewSet, DETAIL),
    ("assessments", "assessment", views.AssessmentViewSet, NO_DELETE),
]

urlpatterns = [
    path("", reference, name="reference"),
    # Read with a token too: DRF authenticates, after the middleware.
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("tokens/", views.TokenViewSet.as_view({"get": "list"}), name="token-list"),
    path(
        "tokens/<int:pk>/",
        views.TokenViewSet.as_view({"get": "retrieve", "delete": "destroy"}),
        name="token-detail",
    ),
    path(
        "claims/<int:pk>/status/",
        views.ClaimViewSet.as_view({"post": "move"}),
        name="claim-move",
    ),
]
for plural, singular, viewset, detail in RESOURCES:
    urlpatterns += [
        path(f"{plural}/", viewset.as_view(LIST), name=f"{singular}-list"),
        path(f"{plural}/<int:pk>/", viewset.as_view(detail), name=f"{singular}-detail"),
    ]
