"""The API reads and writes records with the pages' rules: version checks, history with
who, roles, filters and pages."""

import pytest

from claims.models import Claim, Topic
from tests.factories import ClaimFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_a_token_reads_a_claim_with_its_version_as_etag(api):
    claim = ClaimFactory(text="Kami tidak memasok senjata", language="id")
    response = api["reader"].get(f"/api/claims/{claim.pk}/")
    assert response.status_code == 200
    assert response.json()["text"] == "Kami tidak memasok senjata"
    assert response["ETag"] == f'"{claim.version}"'


def test_a_change_needs_if_match_and_a_stale_one_gets_412_with_the_current_record(api):
    speaker = SpeakerFactory(name="Lin Jian", description="Spokesperson")
    client = api["researcher"]
    missing = client.patch(
        f"/api/speakers/{speaker.pk}/", {"description": "x"}, content_type="application/json"
    )
    assert missing.status_code == 428
    assert "If-Match" in missing.json()["detail"]
    ok = client.patch(
        f"/api/speakers/{speaker.pk}/",
        {"description": "Spokesperson, Ministry of Foreign Affairs"},
        content_type="application/json",
        headers={"if-match": f'"{speaker.version}"'},
    )
    assert ok.status_code == 200, ok.json()
    assert ok.json()["description"] == "Spokesperson, Ministry of Foreign Affairs"
    assert ok["ETag"] == f'"{speaker.version + 1}"'
    stale = client.patch(
        f"/api/speakers/{speaker.pk}/",
        {"description": "overwritten"},
        content_type="application/json",
        headers={"if-match": f'"{speaker.version}"'},
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["description"] == "Spokesperson, Ministry of Foreign Affairs"
    speaker.refresh_from_db()
    assert speaker.description == "Spokesperson, Ministry of Foreign Affairs"
    latest = speaker.history.order_by("-history_date").first()
    assert latest.history_user == api.users["researcher"]


def test_a_reader_cannot_write_and_anonymous_gets_401(api):
    assert api["anonymous"].get("/api/claims/").status_code == 401
    response = api["reader"].post(
        "/api/topics/", {"name": "Taiwan"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not Topic.objects.filter(name="Taiwan").exists()


def test_unknown_fields_are_refused_and_nothing_is_saved(api):
    response = api["researcher"].post(
        "/api/topics/", {"name": "Taiwan", "colour": "red"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "colour" in response.json()["errors"]
    assert not Topic.objects.exists()


def test_a_claim_is_created_with_its_topics_and_listed_by_the_lists_filters(api):
    speaker = SpeakerFactory(name="United States")
    topic = Topic.objects.create(name="Dual-use goods")
    response = api["researcher"].post(
        "/api/claims/",
        {
            "speaker": speaker.pk,
            "text": "China supplies microelectronics",
            "language": "en",
            "kind": "paraphrase",
            "topics": [topic.pk],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    ClaimFactory(text="Something else", language="id")
    listed = api["reader"].get("/api/claims/", {"topic": topic.slug}).json()
    assert [row["text"] for row in listed["results"]] == ["China supplies microelectronics"]
    claim = Claim.objects.get(text="China supplies microelectronics")
    assert claim.history.first().history_user == api.users["researcher"]
