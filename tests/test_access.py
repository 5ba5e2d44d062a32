import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_ask_an_anonymous_visitor_to_sign_in(client):
    response = client.get(reverse("claims:claim-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_login_page_is_a_full_page(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b"<html" in response.content
    assert b"Sign in" in response.content


def test_a_reader_sees_the_home_page_with_counts(reader_client, demo):
    response = reader_client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["counts"]["claims"] == 9
