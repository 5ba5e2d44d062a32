"""The interface's language: the browser's Accept-Language the first time, then the one
chosen with the switcher (Django's set_language, remembered in a cookie); <html lang>
follows."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode())[1]


def test_without_accept_language_the_interface_is_english(researcher_client):
    response = researcher_client.get(reverse("home"))
    assert html_lang(response) == "en"
    assert response["Content-Language"] == "en"


def test_the_browsers_accept_language_picks_the_language_the_first_time(researcher_client):
    response = researcher_client.get(reverse("home"), headers={"accept-language": "id,en;q=0.5"})
    assert html_lang(response) == "id"
    assert response["Content-Language"] == "id"
    # A language we have no catalogue for falls back to English.
    response = researcher_client.get(reverse("home"), headers={"accept-language": "fr"})
    assert html_lang(response) == "en"


def test_set_language_stores_the_choice_in_a_cookie_that_outweighs_the_browser(
    researcher_client,
):
    response = researcher_client.post(
        reverse("set_language"), {"language": "id", "next": reverse("claims:claim-list")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:claim-list")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "id"
    assert cookie["max-age"]  # remembered past the browser's session
    page = researcher_client.get(reverse("home"), headers={"accept-language": "en"})
    assert html_lang(page) == "id"
    researcher_client.post(reverse("set_language"), {"language": "en"})
    page = researcher_client.get(reverse("home"), headers={"accept-language": "id"})
    assert html_lang(page) == "en"


def test_the_login_page_offers_the_switcher_and_it_works_signed_out(db):
    client = Client(enforce_csrf_checks=True)
    login = client.get(reverse("login"))
    html = login.content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert '<label for="language-select"' in html
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("set_language"),
        {"language": "id", "next": reverse("login"), "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("login")  # not sent away to sign in first
    assert html_lang(client.get(reverse("login"))) == "id"


def test_set_language_needs_the_csrf_token_and_a_post(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("set_language"), {"language": "id"}).status_code == 403
    assert client.get(reverse("set_language"), {"language": "id"}).status_code == 405


def test_an_unknown_language_or_a_foreign_next_changes_nothing(researcher_client):
    response = researcher_client.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switcher_in_the_header_names_each_language_in_itself_and_marks_the_current(
    researcher_client,
):
    html = researcher_client.get(
        reverse("home"), headers={"accept-language": "id"}
    ).content.decode()
    assert '<option value="en" lang="en">English</option>' in html
    assert '<option value="id" lang="id" selected>Bahasa Indonesia</option>' in html
