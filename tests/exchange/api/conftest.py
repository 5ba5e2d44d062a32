import pytest
from django.test import Client

from exchange.api.models import ApiToken
from tests.factories import UserFactory
from tests.trust.conftest import site_data  # noqa: F401  (the permission matrix's data)


def token_client(user) -> Client:
    _, key = ApiToken.issue(user=user, name="tests")
    return Client(headers={"authorization": f"Bearer {key}"})


@pytest.fixture
def api(db):
    """A token client for each role, and the users."""

    class Clients(dict):
        users = {}

    clients = Clients()
    for role, traits in {
        "reader": {"reader": True},
        "researcher": {"researcher": True},
        "editor": {"editor": True},
        "staff": {"staff": True},
    }.items():
        user = UserFactory(username=f"api-{role}", **traits)
        clients.users[role] = user
        clients[role] = token_client(user)
    clients["anonymous"] = Client()
    return clients
