"""CSRF is enforced on every POST, htmx's included (the token travels in X-CSRFToken)."""

import copy

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.trust.urlconf import app_urls, fill

pytestmark = pytest.mark.django_db

UNSAFE = ["POST", "PUT", "PATCH", "DELETE"]


def call(client, method, path, **headers):
    cookies = copy.copy(client.cookies)
    with transaction.atomic():
        response = client.generic(method, path, headers=headers)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def test_every_unsafe_request_without_the_token_is_refused_and_with_it_accepted(site_data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="sam", staff=True))
    client.get(reverse("home"))
    token = client.cookies["csrftoken"].value
    checked = []
    for url in app_urls():
        path = fill(url)
        for method in UNSAFE:
            with_token = call(client, method, path, x_csrftoken=token, hx_request="true")
            if with_token.status_code == 405:
                continue
            checked.append((method, url.name))
            without = call(client, method, path, hx_request="true")
            assert without.status_code == 403, (method, url.name, without.status_code)
            assert b"CSRF" in without.content, (method, url.name)
            assert with_token.status_code != 403, (method, url.name)
            assert b"CSRF verification failed" not in with_token.content
    names = {name for _, name in checked}
    assert {"logout", "claims:claim-restore", "claims:deleted-claim-restore"} <= names


def test_signing_in_needs_the_token_too(db):
    UserFactory(username="rita", researcher=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "rita", "password": "correct horse battery staple"}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
