"""Five wrong passwords lock that account from that address, with a clear message."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOCKED = "Too many failed sign-ins"


def sign_in(client, username, password, url=None, ip="192.0.2.10", forwarded_for=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(
        url or reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        **extra,
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every attempt checks a password; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rita(db):
    return UserFactory(username="rita", researcher=True)


def fail_five_times(client, url=None, ip="192.0.2.10"):
    for attempt in range(5):
        response = sign_in(client, "rita", f"wrong {attempt}", url=url, ip=ip)
    return response


def test_four_failures_still_let_the_right_password_in(rita):
    client = Client()
    for attempt in range(4):
        response = sign_in(client, "rita", f"wrong {attempt}")
        assert response.status_code == 200
        assert b"Please enter a correct username and password" in response.content
    assert sign_in(client, "rita", PASSWORD).status_code == 302


def test_the_fifth_failure_locks_the_account_with_a_clear_message(rita):
    client = Client()
    locked = fail_five_times(client)
    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()
    assert "Wait a quarter of an hour" in locked.content.decode()

    right_password = sign_in(client, "rita", PASSWORD)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_that_account_from_that_address_only(rita):
    UserFactory(username="omar", researcher=True)
    fail_five_times(Client())
    assert sign_in(Client(), "omar", PASSWORD).status_code == 302
    assert sign_in(Client(), "rita", PASSWORD, ip="198.51.100.7").status_code == 302


def test_the_admin_sign_in_is_throttled_too(db):
    UserFactory(username="rita", staff=True)
    client = Client()
    admin_login = reverse("admin:login")
    locked = fail_five_times(client, url=admin_login)
    assert locked.status_code == 429
    assert LOCKED in locked.content.decode()
    assert sign_in(client, "rita", PASSWORD, url=admin_login).status_code == 429


def test_the_lock_lifts_after_the_cool_off(rita, settings):
    client = Client()
    fail_five_times(client)
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - cool_off * 2)
    assert sign_in(client, "rita", PASSWORD).status_code == 302


def test_an_administrator_can_lift_the_lock(rita):
    fail_five_times(Client())
    attempt = AccessAttempt.objects.get(username="rita")
    admin = Client()
    admin.force_login(UserFactory(username="sam", staff=True))
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin.post(url, {"post": "yes"}).status_code == 302
    assert sign_in(Client(), "rita", PASSWORD).status_code == 302


# --- Behind the TLS proxy ----------------------------------------------------------------

PROXY = "10.0.0.2"


def through_proxy(client, username, password, client_ip, *, claimed=None):
    """As the proxy forwards it: it adds the address it saw at the right end of whatever
    X-Forwarded-For the client itself sent."""
    forwarded = f"{claimed}, {client_ip}" if claimed else client_ip
    return sign_in(client, username, password, ip=PROXY, forwarded_for=forwarded)


def test_behind_a_named_proxy_one_clients_failures_do_not_lock_the_account_for_others(
    rita, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    attacker = Client()
    for attempt in range(5):
        response = through_proxy(attacker, "rita", f"guess {attempt}", "203.0.113.9")
    assert response.status_code == 429
    assert through_proxy(Client(), "rita", PASSWORD, "198.51.100.7").status_code == 302
    # The attacker stays locked out, whatever address it writes in the header itself.
    again = through_proxy(attacker, "rita", PASSWORD, "203.0.113.9", claimed="198.51.100.7")
    assert again.status_code == 429


def test_the_forwarded_address_is_ignored_unless_the_proxy_is_named(rita, settings):
    settings.TRUSTED_PROXIES = []
    client = Client()
    for attempt in range(5):
        # Each attempt claims another address: unbelieved, they all count for one.
        response = sign_in(
            client, "rita", f"guess {attempt}", forwarded_for=f"198.51.100.{attempt}"
        )
    assert response.status_code == 429
    assert sign_in(Client(), "rita", PASSWORD, forwarded_for="198.51.100.99").status_code == 429
