"""One's own account: a password changed by its owner, a forgotten one reset by mail only
where mail is configured, and a deactivated colleague whose work keeps their name."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

OLD = "correct horse battery staple"
NEW = "a longer and newer passphrase 42"


def signs_in(username: str, password: str) -> bool:
    """Through the sign-in page, as a person does (and as django-axes watches)."""
    answer = Client().post(reverse("login"), {"username": username, "password": password})
    return answer.status_code == 302


def test_a_reader_changes_their_own_password_from_the_navigation():
    client = Client()
    client.force_login(UserFactory(username="rene", reader=True))
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("password_change")}"' in home

    wrong = client.post(
        reverse("password_change"),
        {"old_password": "not it", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200 and "Your old password was entered incorrectly" in (
        wrong.content.decode()
    )
    answer = client.post(
        reverse("password_change"),
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert answer["Location"] == reverse("password_change_done")
    assert client.get(reverse("home")).status_code == 200  # still signed in here
    assert signs_in("rene", NEW) and not signs_in("rene", OLD)


def test_without_mail_the_reset_page_says_whom_to_ask_and_sends_nothing(client, settings):
    settings.CLAIMTRAIL_MAIL_CONFIGURED = False
    UserFactory(username="rene", email="rene@example.org")
    page = client.get(reverse("password_reset"))
    assert "Ask an administrator" in page.content.decode()
    client.post(reverse("password_reset"), {"email": "rene@example.org"})
    assert mail.outbox == []


def test_with_mail_a_forgotten_password_is_reset_by_the_link_mailed_once(client, settings):
    settings.CLAIMTRAIL_MAIL_CONFIGURED = True
    UserFactory(username="rene", email="rene@example.org")
    assert f'href="{reverse("password_reset")}"' in client.get(reverse("login")).content.decode()

    sent = client.post(reverse("password_reset"), {"email": "rene@example.org"})
    assert sent["Location"] == reverse("password_reset_done")
    [message] = mail.outbox
    assert message.to == ["rene@example.org"] and "rene" in message.body
    link = re.search(r"http://testserver(/accounts/reset/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("password_reset_complete")
    assert signs_in("rene", NEW)
    assert "no longer works" in client.get(link, follow=True).content.decode()


def test_a_deactivated_user_cannot_sign_in_and_their_work_keeps_their_name():
    admin = Client()
    admin.force_login(UserFactory(staff=True))
    dewi = UserFactory(username="dewi", researcher=True)
    client = Client()
    client.force_login(dewi)
    claim = ClaimFactory(text="A claim Dewi entered.")
    client.post(
        reverse("claims:claim-field-update", args=[claim.pk, "notes"]),
        {"notes": "Checked the wire copy.", "version": claim.version},
    )
    assert claim.history.first().history_user == dewi

    user_admin = reverse("admin:auth_user_change", args=[dewi.pk])
    form = admin.get(user_admin).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("password", "user_permissions", "groups")
    }
    data.update(
        is_active="",
        date_joined_0="2026-01-01",
        date_joined_1="00:00:00",
        last_login_0="",
        last_login_1="",
        groups=[group.pk for group in dewi.groups.all()],
    )
    answer = admin.post(user_admin, data)
    assert answer.status_code == 302, answer.context["adminform"].form.errors

    assert not get_user_model().objects.get(pk=dewi.pk).is_active
    assert not signs_in("dewi", OLD)
    history = admin.get(reverse("claims:claim-history", args=[claim.pk])).content.decode()
    assert "dewi" in history
