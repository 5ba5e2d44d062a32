"""Bad input gets a 4xx with a JSON reason, and nothing of it is saved."""

import json

import pytest
from django.db import connection
from django.test import Client

from claims.models import Claim, Topic
from sources.models import Outlet, Source
from tests.factories import CitationFactory, ClaimFactory, SpeakerFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def refused(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == JSON
    assert response.json()["detail"]
    return response.json()


@pytest.mark.parametrize(
    "raw",
    ['{"name": "Taiwan"', "[1, 2", "NaN", '{"name": NaN}', "\xff\xfe", "[" * 50_000],
)
def test_malformed_json_is_a_400(api, raw):
    response = api["researcher"].post("/api/topics/", raw.encode("latin-1"), content_type=JSON)
    refused(response, 400)
    assert not Topic.objects.exists()


@pytest.mark.parametrize("body", [[], ["name"], "Taiwan", 3, None, True])
def test_a_body_that_is_not_an_object_is_a_400(api, body):
    response = api["researcher"].post("/api/topics/", json.dumps(body), content_type=JSON)
    refused(response, 400)
    assert not Topic.objects.exists()


def test_a_form_encoded_body_is_refused_as_not_json(api):
    response = api["researcher"].post("/api/topics/", {"name": "Taiwan"})
    refused(response, 415)


def test_a_body_larger_than_a_form_may_be_is_a_413(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2**20
    body = json.dumps({"name": "Taiwan", "description": "x" * (2**20 + 10)})
    refused(api["researcher"].post("/api/topics/", body, content_type=JSON), 413)
    assert not Topic.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("speaker", 999_999),
        ("speaker", 10**30),
        ("speaker", "Belousov"),
        ("topics", [999_999]),
        ("topics", ["taiwan"]),
        ("topics", "1"),
        ("joint_speakers", [{"id": 1}]),
        ("stated_on", "2024-02-30"),
        ("stated_on", "yesterday"),
        ("text", "with a NUL \x00 inside"),
        ("text", {"id": "en"}),
        ("kind", "rumour"),
        ("language", "not a language tag at all"),
        ("assignee", 999_999),
    ],
)
def test_a_bad_value_or_a_foreign_id_is_refused_by_field_and_nothing_is_saved(api, field, value):
    speaker, topic = SpeakerFactory(name="Belousov"), TopicFactory(name="Taiwan")
    body = {
        "speaker": speaker.pk,
        "text": "Kami bersatu",
        "language": "id",
        "kind": "paraphrase",
        "topics": [topic.pk],
        field: value,
    }
    errors = refused(api["researcher"].post("/api/claims/", body, content_type=JSON), 400)
    assert field in errors["errors"], errors
    assert not Claim.objects.exists()


def test_a_citation_of_another_claim_cannot_be_pinned_or_relayed(api):
    claim, elsewhere = ClaimFactory(), CitationFactory()
    response = api["researcher"].patch(
        f"/api/claims/{claim.pk}/",
        {"pinned_citation": elsewhere.pk},
        content_type=JSON,
        headers={"if-match": f'"{claim.version}"'},
    )
    assert "pinned_citation" in refused(response, 400)["errors"]
    own = CitationFactory(claim=claim)
    response = api["researcher"].patch(
        f"/api/citations/{own.pk}/",
        {"via": elsewhere.pk},
        content_type=JSON,
        headers={"if-match": f'"{own.version}"'},
    )
    assert "via" in refused(response, 400)["errors"]
    claim.refresh_from_db()
    assert claim.version == 1 and claim.pinned_citation is None


@pytest.mark.parametrize("value", ["3; drop", "*", '"abc"', "", "99999999999"])
def test_an_if_match_that_is_no_version_is_refused(api, value):
    topic = TopicFactory(name="Taiwan")
    response = api["researcher"].patch(
        f"/api/topics/{topic.pk}/",
        {"name": "Taiwan Strait"},
        content_type=JSON,
        headers={"if-match": value},
    )
    assert response.status_code in {400, 412, 428}
    refused(response, response.status_code)
    topic.refresh_from_db()
    assert topic.name == "Taiwan"


def test_a_new_outlet_is_not_kept_when_its_source_is_refused(api):
    body = {
        "title": "Rusia dan China",
        "new_outlet": "Kontan",
        "kind": "article",
        "url": "javascript:alert(1)",
        "language": "id",
    }
    errors = refused(api["researcher"].post("/api/sources/", body, content_type=JSON), 400)
    assert "url" in errors["errors"]
    assert not Outlet.objects.exists() and not Source.objects.exists()


def test_read_only_and_unknown_fields_are_named_in_the_refusal(api):
    topic = TopicFactory(name="Taiwan")
    response = api["researcher"].patch(
        f"/api/topics/{topic.pk}/",
        {"slug": "x", "version": 9, "colour": "red"},
        content_type=JSON,
        headers={"if-match": f'"{topic.version}"'},
    )
    errors = refused(response, 400)["errors"]
    assert errors["slug"] == errors["version"] == ["This field is read-only."]
    assert errors["colour"][0].startswith("Unknown field")


def test_an_address_under_api_that_is_nothing_is_a_json_404(api):
    refused(api["reader"].get("/api/nothing-here/"), 404)
    refused(api["reader"].get("/api/claims/999999/"), 404)


def test_throttling_counts_per_token_in_the_database(api, settings):
    settings.CLAIMTRAIL_API_RATE = "3/min"
    for _ in range(3):
        assert api["reader"].get("/api/topics/").status_code == 200
    limited = api["reader"].get("/api/topics/")
    refused(limited, 429)
    assert int(limited["Retry-After"]) > 0
    assert api["researcher"].get("/api/topics/").status_code == 200  # another token
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cache_key FROM claimtrail_cache WHERE cache_key LIKE %s",
            ["%throttle_api_token-%"],
        )
        assert len(cursor.fetchall()) == 2


def test_the_signed_in_session_works_with_the_csrf_token_on_unsafe_methods(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="rita", researcher=True))
    assert client.get("/api/topics/").status_code == 200
    client.get("/")
    token = client.cookies["csrftoken"].value
    without = client.post("/api/topics/", {"name": "Taiwan"}, content_type=JSON)
    assert "CSRF" in refused(without, 403)["detail"]
    assert not Topic.objects.exists()
    with_token = client.post(
        "/api/topics/", {"name": "Taiwan"}, content_type=JSON, headers={"x-csrftoken": token}
    )
    assert with_token.status_code == 201
    topic = Topic.objects.get()
    assert topic.history.get().history_user.username == "rita"


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": "9" * 30},
        {"made_for": "-1"},
        {"topic": "\x00"},
        {"q": "\x00 senjata"},
        {"q": "a" * 600},
        {"has_counter": "maybe"},
        {"verification": "trusted"},
        {"cursor": "not-a-cursor"},
        {"page_size": "-5"},
        {"page_size": "9" * 30},
    ],
)
def test_a_bad_filter_or_cursor_is_ignored_or_a_json_4xx(api, params):
    ClaimFactory(text="Kami tidak memasok senjata")
    response = api["reader"].get("/api/claims/", params)
    assert response.status_code in {200, 404}, response.content[:200]
    assert response["Content-Type"] == JSON
    relations = api["reader"].get("/api/relations/", params)
    assert relations.status_code in {200, 404}


def test_a_move_the_workflow_does_not_have_is_refused_with_its_reason(api):
    claim = ClaimFactory()
    response = api["researcher"].post(
        f"/api/claims/{claim.pk}/status/",
        {"to": "published"},
        content_type=JSON,
        headers={"if-match": f'"{claim.version}"'},
    )
    assert response.status_code in {400, 403}
    refused(response, response.status_code)
    claim.refresh_from_db()
    assert (claim.status, claim.version) == ("to_check", 1)
