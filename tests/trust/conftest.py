import pytest
from django.test import Client

from claims.models import Claim
from sources.models import Source
from tests.factories import UserFactory
from tests.roles import recreate_roles
from tests.trust.urlconf import assess_some, delete_some, duplicate_some


@pytest.fixture
def site_data(demo):
    """The demo dataset, plus one deleted claim and one deleted source to restore, a
    possible duplicate pair, a merge and a verdict."""
    Claim.objects.filter(speaker__name="Chinese military").delete()
    delete_some()
    duplicate_some()
    assess_some()
    assert Claim.history.filter(history_type="-").exists()
    assert Source.history.filter(history_type="-").exists()


@pytest.fixture
def role_clients(db) -> dict[str, Client]:
    """One client per role, each with its own session."""
    users = {
        "reader": UserFactory(username="rene", reader=True),
        "researcher": UserFactory(username="rita", researcher=True),
        "staff": UserFactory(username="sam", staff=True),
    }
    clients = {"anonymous": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


@pytest.fixture
def roles(transactional_db):
    """The Researchers and Readers groups, made again for tests on live connections
    (tests/roles.py)."""
    recreate_roles()
