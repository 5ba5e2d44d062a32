"""The exchange's pages. They are reached from the claims pages and keep their names in the
`claims` namespace (config/urls.py includes them there): `claims:pair-export`."""

from django.urls import path

from exchange.views import claimreview, exports, imports, jobs

urlpatterns = [
    path("pairs/export.csv", exports.pair_export, name="pair-export"),
    path("claims/export.csv", exports.claim_export, name="claim-export"),
    path("pairs/import/", imports.pair_import, name="pair-import"),
    path("pairs/import/<int:pk>/", imports.pair_import_detail, name="pair-import-detail"),
    path("pairs/import/<int:pk>/apply/", imports.pair_import_apply, name="pair-import-apply"),
    path("pairs/import/<int:pk>/cancel/", imports.pair_import_cancel, name="pair-import-cancel"),
    path("pairs/import/<int:pk>/delete/", imports.pair_import_delete, name="pair-import-delete"),
    path("claims/import/", imports.claim_import, name="claim-import"),
    path(
        "claims/import/<int:pk>/columns/",
        imports.claim_import_columns,
        name="claim-import-columns",
    ),
    path("claimreview/import/", imports.claimreview_import, name="claimreview-import"),
    path("jobs/", jobs.job_list, name="job-list"),
    path("claimreview.jsonld", claimreview.claimreview_feed, name="claimreview-feed"),
    path(
        "claimreview/factcheck-tools.json",
        claimreview.claimreview_factcheck_export,
        name="claimreview-factcheck-export",
    ),
    path(
        "claims/<int:pk>/annotations.jsonld",
        claimreview.claim_annotation_export,
        name="claim-annotation-export",
    ),
]
