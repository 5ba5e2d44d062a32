from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("claims/", views.claim_list, name="claim-list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker-detail"),
    path("topics/<str:slug>/", views.topic_detail, name="topic-detail"),
    path("pairs/", views.pair_list, name="pair-list"),
]
