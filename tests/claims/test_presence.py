"""Live enough for a team: the claim page says who else is editing it, and that someone
else saved it while it was open."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(username: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=username, researcher=True))
    return client


def live(client, claim, version) -> str:
    url = reverse("claims:claim-live", args=[claim.pk])
    return client.get(url, {"version": version}, headers={"HX-Request": "true"}).content.decode()


def test_the_page_says_who_else_is_editing_and_that_someone_else_saved(
    django_assert_num_queries,
):
    claim = ClaimFactory(text="China denies supplying weapons.")
    rita, dewi = client_for("rita"), client_for("dewi")
    shown = claim.version
    assert "claim-live" in rita.get(claim.get_absolute_url()).content.decode()
    assert live(rita, claim, shown).strip() == ""

    edit = reverse("claims:claim-field-update", args=[claim.pk, "translation"])
    dewi.get(edit, headers={"HX-Request": "true"})
    assert "dewi is editing the translation." in live(rita, claim, shown)
    assert "is editing" not in live(dewi, claim, shown)  # not of oneself

    dewi.post(edit, {"translation": "China denies it.", "version": shown})
    answer = live(rita, claim, shown)
    assert "dewi changed this claim since you opened it." in answer
    assert "is editing" not in answer  # the save ended it
    # session, user, the claim, its last version's author, who is editing
    with django_assert_num_queries(5):
        live(rita, claim, shown)


def test_ones_own_save_is_no_news():
    claim = ClaimFactory()
    rita = client_for("rita")
    edit = reverse("claims:claim-field-update", args=[claim.pk, "notes"])
    rita.post(edit, {"notes": "Checked.", "version": claim.version})
    assert "changed this claim" not in live(rita, claim, claim.version)


def test_whatever_the_page_sends_as_its_version_the_answer_is_calm():
    claim = ClaimFactory()
    rita = client_for("rita")
    url = reverse("claims:claim-live", args=[claim.pk])
    for version in ["", "x", "-1", "\x00", "9" * 40]:
        response = rita.get(url, {"version": version})
        assert response.status_code == 200
        assert ("changed this claim" in response.content.decode()) == version.isdigit()
