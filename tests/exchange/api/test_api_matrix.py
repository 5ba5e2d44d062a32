"""Every API route × every method × every role, with tokens (the session's cells are in
tests/trust/test_permission_matrix.py): a Reader reads only, Researchers and Editors
write, only Editors (and staff) publish."""

import pytest
from django.db import transaction

from claims.models import Claim, Publisher
from claims.workflow import Status
from tests.exchange.api.conftest import token_client
from tests.factories import UserFactory
from tests.trust.urlconf import app_urls, fill

pytestmark = pytest.mark.django_db

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
ROLES = {"reader": "reader", "researcher": "researcher", "editor": "editor", "staff": "staff"}
WRITE_OK = {200, 201, 204, 400, 409, 412, 428}


def call(client, method: str, path: str, **kwargs):
    with transaction.atomic():
        response = client.generic(method, path, **kwargs)
        transaction.set_rollback(True)
    return response


@pytest.fixture
def clients(site_data):
    made = {
        role: token_client(UserFactory(username=f"t-{role}", **{trait: True}))
        for role, trait in ROLES.items()
    }
    from django.test import Client

    made["anonymous"] = Client()
    return made


def test_every_api_route_every_method_every_role_with_a_token(clients):
    failures, cells = [], 0
    urls = [url for url in app_urls() if url.kind == "api"]
    assert len(urls) >= 17  # eight resources, a list and a record each, and the status
    for url in urls:
        path = fill(url)
        allowed = {m for m in METHODS if call(clients["staff"], m, path).status_code != 405}
        for method in METHODS:
            for role, client in clients.items():
                status = call(client, method, path).status_code
                cells += 1
                if method not in allowed:
                    want = {405, 401}
                elif role == "anonymous":
                    want = {401}
                elif method == "GET":
                    want = {200}
                elif role == "reader":
                    want = {403}
                else:
                    want = WRITE_OK
                if status not in want:
                    failures.append(
                        f"{role:10} {method:6} {path}: {status}, expected {sorted(want)}"
                    )
    assert not failures, "\n".join(failures)
    assert cells == len(urls) * len(METHODS) * len(clients)


@pytest.mark.parametrize(("role", "published"), [("researcher", False), ("editor", True)])
def test_only_editors_publish_a_verdict(clients, role, published):
    Publisher.objects.create(name="Cek Fakta", url="https://cekfakta.example")
    claim = Claim.objects.order_by("pk").first()
    Claim.objects.filter(pk=claim.pk).update(status=Status.CHECKED)
    claim.refresh_from_db()
    response = clients[role].post(
        f"/api/claims/{claim.pk}/status/",
        {"to": "published", "note": "ready"},
        content_type="application/json",
        headers={"if-match": f'"{claim.version}"'},
    )
    assert response.status_code == (200 if published else 403), response.content
    claim.refresh_from_db()
    assert (claim.status == Status.PUBLISHED) is published
    if published:
        latest = claim.history.order_by("-history_date").first()
        assert latest.history_user.username == "t-editor"
        assert latest.history_change_reason == "ready"
