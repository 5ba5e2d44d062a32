"""Every URL × every method × every role, generated from the URLconf."""

import copy

import pytest
from django.db import transaction
from django.urls import reverse

from tests.trust.urlconf import app_urls, fill

pytestmark = pytest.mark.django_db

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
# A researcher's write may answer with a form and its errors, a redirect after success,
# a refusal of bad input, or a conflict — anything but "not allowed" or a crash.
WRITE_OK = {200, 201, 204, 302, 303, 400, 409, 422}
# An API write (with no body, as every cell sends) is refused as bad input, or for want of
# If-Match (428), or succeeds (a delete) — never "not allowed" for a role that may.
API_WRITE_OK = {200, 201, 204, 400, 409, 412, 428}


def call(client, method: str, path: str):
    """One request whose writes (and cookies: think of signing out) are rolled back, so
    every cell sees the same data and the same signed-in user."""
    cookies = copy.copy(client.cookies)
    with transaction.atomic():
        response = client.generic(method, path)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def expected(kind: str, role: str, method: str, allowed: bool) -> set[int]:
    if kind == "api":
        if not allowed:
            return {405, 401}
        if role == "anonymous":
            return {401}
        if method == "GET":
            return {200}
        return {403} if role == "reader" else API_WRITE_OK
    if kind == "public":
        return {200, 302} if allowed else {405}
    if role == "anonymous":
        return {302}
    if kind == "logout":
        return {302} if allowed else {405}
    if not allowed:
        # A write view may check the role before the method; both refuse.
        return {405, 403} if kind == "write" and role == "reader" else {405}
    if kind == "read":
        return {200}
    if kind == "research":
        return {403} if role == "reader" else {200}
    if kind == "own":  # one's own things (notifications): every signed-in role
        return WRITE_OK
    return {403} if role == "reader" else WRITE_OK


def test_every_url_every_method_every_role_gets_the_expected_status(site_data, role_clients):
    failures, cells = [], 0
    login = reverse("login")
    for url in app_urls():
        kind = url.kind  # fails here for a URL nobody has classified yet
        path = fill(url)
        allowed = {
            method
            for method in METHODS
            if call(role_clients["staff"], method, path).status_code != 405
        }
        assert allowed, f"{url.name} allows no method at all"
        if kind in ("read", "research"):
            assert allowed == {"GET"}, f"read URL {url.name} also allows {allowed - {'GET'}}"
        for method in METHODS:
            for role, client in role_clients.items():
                response = call(client, method, path)
                cells += 1
                want = expected(kind, role, method, method in allowed)
                if response.status_code not in want:
                    failures.append(
                        f"{role:10} {method:6} {path} ({url.name}, {kind}): "
                        f"{response.status_code}, expected {sorted(want)}"
                    )
                elif (
                    role == "anonymous"
                    and kind not in ("public", "api")
                    and not response["Location"].startswith(login)
                ):
                    failures.append(f"anonymous {method} {path}: not sent to sign in")
    assert not failures, "\n".join(failures)
    assert cells >= 20 * len(METHODS) * len(role_clients)


def test_the_admin_is_for_staff_only(site_data, role_clients):
    for role, client in role_clients.items():
        for url in [
            reverse("admin:index"),
            reverse("admin:claims_claim_changelist"),
            reverse("admin:sources_source_add"),
        ]:
            response = call(client, "GET", url)
            if role == "staff":
                assert response.status_code == 200, (role, url)
            else:
                assert response.status_code == 302, (role, url)
                assert "/login/" in response["Location"]
