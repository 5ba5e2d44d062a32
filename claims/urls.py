from django.urls import path

from claims.views import assessments, claims, exports, imports, pairs, speakers, topics

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
    # Import of claim-pairs CSV files, verdicts and ClaimReview (issue 4, import helper).
    path("pairs/import/", imports.pair_import, name="pair-import"),
    path("pairs/import/<int:pk>/", imports.pair_import_detail, name="pair-import-detail"),
    path("pairs/import/<int:pk>/apply/", imports.pair_import_apply, name="pair-import-apply"),
    path("claims/<int:pk>/assessment/", assessments.assessment, name="claim-assessment"),
    path("claimreview.jsonld", assessments.claimreview_feed, name="claimreview-feed"),
]
