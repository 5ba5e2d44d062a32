from django.urls import path

from claims.models import Citation, Claim, ClaimRelation, Speaker
from claims.views import claims, deleted, exports, pairs, speakers, topics
from config import history

app_name = "claims"

urlpatterns = [
    path("claims/", claims.claim_list, name="claim-list"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim-detail"),
    path("speakers/", speakers.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", speakers.speaker_detail, name="speaker-detail"),
    path("speakers/autocomplete/", speakers.speaker_autocomplete, name="speaker-autocomplete"),
    path("topics/<str:slug>/", topics.topic_detail, name="topic-detail"),
    path("pairs/", pairs.pair_list, name="pair-list"),
    path("pairs/export.csv", exports.pair_export, name="pair-export"),
    path("claims/export.csv", exports.claim_export, name="claim-export"),
]

# History of every record (config/history.py, generic over models) and recovery of deleted
# claims and sources.
for prefix, model, name in [
    ("claims", Claim, "claim"),
    ("speakers", Speaker, "speaker"),
    ("citations", Citation, "citation"),
    ("relations", ClaimRelation, "relation"),
]:
    urlpatterns += [
        path(
            f"{prefix}/<int:pk>/history/", history.history, {"model": model}, name=f"{name}-history"
        ),
        path(
            f"{prefix}/<int:pk>/history/<int:history_id>/restore/",
            history.restore,
            {"model": model},
            name=f"{name}-restore",
        ),
    ]
urlpatterns += [
    path("deleted/", deleted.deleted_list, name="deleted-list"),
    path(
        "deleted/claims/<int:history_id>/restore/",
        deleted.deleted_claim_restore,
        name="deleted-claim-restore",
    ),
    path(
        "deleted/sources/<int:history_id>/restore/",
        deleted.deleted_source_restore,
        name="deleted-source-restore",
    ),
]
