"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live
server. Never `playwright install`: the browser is the system's."""

import os
import shutil
from pathlib import Path

import pytest
from django.utils import translation

from tests.factories import UserFactory
from tests.roles import recreate_roles

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
PASSWORD = "correct horse battery staple"

# Playwright's sync API runs an event loop in this thread; the live server's database work
# happens in its own thread, and the test's own ORM calls are safe to make here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    if os.environ.get("CLAIMTRAIL_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}}


@pytest.fixture
def page_errors(page):
    """Console errors, uncaught exceptions and CSP violations seen by the page.

    Assert it is empty at the end of a test: `assert page_errors == []`.
    """
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.add_init_script(
        """
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
        """
    )
    return errors


@pytest.fixture
def language() -> str:
    """The language the browser asks for (its Accept-Language). A test runs in both with
    `@pytest.mark.parametrize("language", ["en", "id"])` and reads its words with `said`."""
    return "en"


@pytest.fixture
def said(language):
    """The interface's words in the test's language, from the catalogue the app uses:
    `said("Save claim")`, `said("New claim from %(name)s", name=…)`."""

    def words(message: str, **values) -> str:
        with translation.override(language):
            text = translation.gettext(message)
        return text % values if values else text

    return words


def sign_in(page, live_server, username: str, said=None) -> None:
    said = said or (lambda message: message)  # the words as written, in English
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(said("Username")).fill(username)
    page.get_by_label(said("Password")).fill(PASSWORD)
    page.get_by_role("button", name=said("Sign in"), exact=True).click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.fixture
def roles(transactional_db):
    """The Researchers and Readers groups, made again after a live-server test emptied
    them (tests/roles.py)."""
    recreate_roles()


@pytest.fixture
def researcher_page(page, page_errors, live_server, roles, language, said):
    UserFactory(username="rita", researcher=True)
    page.set_extra_http_headers({"Accept-Language": language})
    sign_in(page, live_server, "rita", said)
    return page


@pytest.fixture
def reader_page(page, page_errors, live_server, roles):
    UserFactory(username="rene", reader=True)
    sign_in(page, live_server, "rene")
    return page


def screenshot(page, name: str) -> None:
    """Save a screenshot when `make screenshots` asks for them."""
    if os.environ.get("CLAIMTRAIL_SCREENSHOTS"):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
