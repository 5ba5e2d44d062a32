from django.urls import path, register_converter
from django.urls.converters import StringConverter

from claims.models import Citation, Claim, ClaimRelation, Speaker
from claims.views import (
    assessments,
    citations,
    claims,
    comments,
    deleted,
    duplicates,
    maps,
    pairs,
    reader,
    relations,
    search,
    speakers,
    stance,
    topics,
    workflow,
)
from records import history


class TopicSlugConverter(StringConverter):
    """A topic's slug as its field allows it (letters of any script, digits, "_" and "-"):
    any other path, a NUL byte's included, is no topic and never reaches the database."""

    regex = r"[-\w]+"


register_converter(TopicSlugConverter, "topic")


urlpatterns = [
    path("claims/", claims.claim_list, name="claim-list"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim-detail"),
    path(
        "claims/<int:pk>/fields/<str:field>/",
        claims.claim_field_update,
        name="claim-field-update",
    ),
    path("claims/<int:pk>/delete/", claims.claim_delete, name="claim-delete"),
    path("claims/<int:pk>/status/", workflow.claim_move, name="claim-move"),
    path("claims/<int:pk>/live/", claims.claim_live, name="claim-live"),
    path("search/", search.everything_search, name="everything-search"),
    path("queue/", workflow.queue_list, name="queue-list"),
    path("claims/<int:pk>/take/", workflow.claim_take, name="claim-take"),
    path("queue/count/", workflow.queue_count, name="queue-count"),
    path(
        "claims/<int:pk>/comments/",
        comments.comment_list,
        {"kind": "claims"},
        name="claim-comment-list",
    ),
    path(
        "sources/<int:pk>/comments/",
        comments.comment_list,
        {"kind": "sources"},
        name="source-comment-list",
    ),
    path(
        "claims/<int:pk>/comments/new/",
        comments.comment_create,
        {"kind": "claims"},
        name="claim-comment-create",
    ),
    path(
        "sources/<int:pk>/comments/new/",
        comments.comment_create,
        {"kind": "sources"},
        name="source-comment-create",
    ),
    path("comments/<int:pk>/edit/", comments.comment_update, name="comment-update"),
    path("comments/<int:pk>/delete/", comments.comment_delete, name="comment-delete"),
    path("notifications/", comments.notification_list, name="notification-list"),
    path("notifications/count/", comments.notification_count, name="notification-count"),
    path("notifications/read/", comments.notification_update, name="notification-update"),
    path("claims/<int:pk>/citations/", citations.citation_create, name="citation-create"),
    path("claims/<int:pk>/relations/", relations.relation_create, name="relation-create"),
    path("claims/search/", relations.claim_search, name="claim-search"),
    path("citations/<int:pk>/update/", citations.citation_update, name="citation-update"),
    path("citations/<int:pk>/delete/", citations.citation_delete, name="citation-delete"),
    path("relations/<int:pk>/update/", relations.relation_update, name="relation-update"),
    path("relations/<int:pk>/delete/", relations.relation_delete, name="relation-delete"),
    path("hops/<int:pk>/edit/", citations.hop_update, name="hop-update"),
    path("speakers/", speakers.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", speakers.speaker_detail, name="speaker-detail"),
    path("speakers/autocomplete/", speakers.speaker_autocomplete, name="speaker-autocomplete"),
    path("speakers/new/", speakers.speaker_create, name="speaker-create"),
    path("speakers/<int:pk>/edit/", speakers.speaker_update, name="speaker-update"),
    path("speakers/<int:pk>/delete/", speakers.speaker_delete, name="speaker-delete"),
    path("sources/<int:pk>/claims/new/", reader.source_claim_create, name="source-claim-create"),
    path(
        "sources/<int:pk>/passages/new/",
        reader.source_passage_create,
        name="source-passage-create",
    ),
    path("topics/", topics.topic_list, name="topic-list"),
    path("topics/new/", topics.topic_create, name="topic-create"),
    path("topics/<topic:slug>/", topics.topic_detail, name="topic-detail"),
    path("topics/<topic:slug>/edit/", topics.topic_update, name="topic-update"),
    path("topics/<topic:slug>/delete/", topics.topic_delete, name="topic-delete"),
    path("pairs/", pairs.pair_list, name="pair-list"),
    path("claims/<int:pk>/assessment/", assessments.assessment, name="claim-assessment"),
    # Dispute maps and speaker timelines.
    path("topics/<topic:slug>/map/", maps.topic_map, name="topic-map"),
    path("topics/<topic:slug>/map.svg", maps.topic_map_svg, name="topic-map-svg"),
    path("topics/<topic:slug>/map.png", maps.topic_map_svg, {"png": True}, name="topic-map-png"),
    path("claims/<int:pk>/map/", maps.claim_map, name="claim-map"),
    path("claims/<int:pk>/map.svg", maps.claim_map_svg, name="claim-map-svg"),
    path("claims/<int:pk>/map.png", maps.claim_map_svg, {"png": True}, name="claim-map-png"),
    path("sources/<int:pk>/map/", maps.source_map, name="source-map"),
    path("sources/<int:pk>/map.svg", maps.source_map_svg, name="source-map-svg"),
    path("sources/<int:pk>/map.png", maps.source_map_svg, {"png": True}, name="source-map-png"),
    path("speakers/<int:pk>/timeline/", maps.speaker_timeline, name="speaker-timeline"),
    path(
        "speakers/<int:pk>/contradictions/confirm/",
        stance.contradiction_accept,
        name="contradiction-accept",
    ),
    path(
        "speakers/<int:pk>/contradictions/dismiss/",
        stance.contradiction_dismiss,
        name="contradiction-dismiss",
    ),
]

# History of every record (records/history.py, generic over models) and recovery of deleted
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
    path("duplicates/", duplicates.duplicate_list, name="duplicate-list"),
    path("duplicates/check/", duplicates.duplicate_check, name="duplicate-check"),
    path("duplicates/<int:pk>/dismiss/", duplicates.duplicate_dismiss, name="duplicate-dismiss"),
    path("duplicates/<int:pk>/merge/", duplicates.merge_preview, name="merge-preview"),
    path("merges/<int:pk>/", duplicates.merge_detail, name="merge-detail"),
    path("merges/<int:pk>/undo/", duplicates.merge_undo, name="merge-undo"),
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
