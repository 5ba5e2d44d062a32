import io

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.factories import UserFactory
from tests.webserver import WebServer


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # A real hasher costs a few hundred milliseconds a user on purpose; tests make many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_where_queued(request, settings):
    """Tasks run at once, inside the call that queues them (Django's immediate backend), so
    a view test sees the step's outcome; a test marked `task_queue` keeps the database
    queue of the settings, and a real worker runs its tasks."""
    if "task_queue" not in request.keywords:
        settings.TASKS = {
            "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
        }


@pytest.fixture(autouse=True)
def each_test_starts_in_english():
    """A request in Indonesian leaves its language active in the thread (LocaleMiddleware
    activates, nothing deactivates): the next test would read Indonesian."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def snapshots_in_a_folder_of_their_own(settings, tmp_path):
    """Snapshots a test keeps go to its own folder, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def reader(db):
    return UserFactory(username="reader", reader=True)


@pytest.fixture
def researcher(db):
    return UserFactory(username="researcher", researcher=True)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", editor=True)


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", staff=True)


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def researcher_client(client, researcher):
    client.force_login(researcher)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def demo(db):
    """The demo dataset, as `manage.py loaddemo` builds it."""
    call_command("loaddemo", stdout=io.StringIO())


@pytest.fixture
def web(settings):
    """A real HTTP server on the loopback address, reached as `localhost`, the one host the
    fetch guard is told to allow (CLAIMTRAIL_FETCH_ALLOW_HOSTS)."""
    settings.CLAIMTRAIL_FETCH_ALLOW_HOSTS = ["localhost"]
    with WebServer() as server:
        yield server
