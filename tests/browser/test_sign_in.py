import pytest

pytestmark = pytest.mark.browser


def test_a_researcher_signs_in_and_sees_the_home_page(researcher_page, page_errors, live_server):
    researcher_page.goto(f"{live_server.url}/")
    assert researcher_page.get_by_role("heading", name="Claimtrail").is_visible()
    assert page_errors == []


def test_a_wrong_password_is_answered_on_the_login_page(page, page_errors, live_server, db):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
