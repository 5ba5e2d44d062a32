from django.urls import path

from claims.views import claims, exports, pairs, speakers, topics

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
