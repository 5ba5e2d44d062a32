"""Tokens: an administrator issues one (admin, the key shown once), its user calls the API
with it, and revokes it; only a hash is kept."""

import re

import pytest
from django.test import Client

from exchange.api.models import ApiToken, digest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_administrator_issues_a_token_in_admin_and_sees_its_key_once(staff_client):
    rita = UserFactory(username="rita", researcher=True)
    response = staff_client.post(
        "/admin/api/apitoken/add/", {"user": rita.pk, "name": "newsroom dashboard"}, follow=True
    )
    assert response.status_code == 200
    key = re.search(r"ct_[A-Za-z0-9_-]{40,}", response.content.decode())[0]
    token = ApiToken.objects.get(user=rita)
    assert token.name == "newsroom dashboard"
    assert token.key_hash == digest(key) and key not in token.key_hash
    assert ApiToken.objects.filter(key_hash=key).count() == 0  # the key itself is not kept
    used = Client(headers={"authorization": f"Bearer {key}"}).get("/api/claims/")
    assert used.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_user_sees_and_revokes_their_own_token_and_it_stops_working(db):
    rita = UserFactory(username="rita", reader=True)
    token, key = ApiToken.issue(user=rita, name="laptop")
    client = Client(headers={"authorization": f"Bearer {key}"})
    listed = client.get("/api/tokens/").json()["results"]
    assert [(row["name"], row["revoked_at"]) for row in listed] == [("laptop", None)]
    assert "key_hash" not in listed[0]
    assert client.delete(f"/api/tokens/{token.pk}/").status_code == 204
    refused = client.get("/api/claims/")
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_user_cannot_see_or_revoke_someone_elses_token(db):
    _, mine = ApiToken.issue(user=UserFactory(username="rita", reader=True), name="mine")
    theirs, _ = ApiToken.issue(user=UserFactory(username="sam", researcher=True), name="theirs")
    client = Client(headers={"authorization": f"Bearer {mine}"})
    assert client.get(f"/api/tokens/{theirs.pk}/").status_code == 404
    assert client.delete(f"/api/tokens/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    assert [row["name"] for row in client.get("/api/tokens/").json()["results"]] == ["mine"]


def test_a_token_can_be_revoked_from_the_signed_in_session_too(client):
    rita = UserFactory(username="rita", reader=True)
    token, key = ApiToken.issue(user=rita, name="phone")
    client.force_login(rita)
    assert client.delete(f"/api/tokens/{token.pk}/").status_code == 204
    assert Client(headers={"authorization": f"Bearer {key}"}).get("/api/claims/").status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer ct_not-a-token", "Bearer", "Bearer a b", "Token wrong", "Bearer \u00e9t\u00e9"],
)
def test_a_wrong_token_is_a_401_with_a_json_reason(db, header):
    response = Client(headers={"authorization": header}).get("/api/claims/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_of_a_deactivated_user_stops_working(db):
    rita = UserFactory(username="rita", reader=True)
    _, key = ApiToken.issue(user=rita, name="laptop")
    rita.is_active = False
    rita.save()
    assert Client(headers={"authorization": f"Bearer {key}"}).get("/api/claims/").status_code == 401
