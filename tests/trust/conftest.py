import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from claims.models import Claim
from sources.models import Source
from tests.factories import UserFactory
from tests.trust.urlconf import delete_some


@pytest.fixture
def site_data(demo):
    """The demo dataset, plus one deleted claim and one deleted source to restore."""
    Claim.objects.filter(speaker__name="Chinese military").delete()
    delete_some()
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
    """The Researchers and Readers groups, for tests on live connections: a transactional
    test empties every table when it ends, the groups the data migration made included."""
    migration = importlib.import_module("claims.migrations.0002_groups")
    for app_label, model_names in migration.MODELS.items():
        perms = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model__in=model_names
        )
        Group.objects.get_or_create(name="Researchers")[0].permissions.add(*perms)
        Group.objects.get_or_create(name="Readers")[0].permissions.add(
            *perms.filter(codename__startswith="view_")
        )
    # Verdicts and imports came later (claims 0006; import batches now in exchange).
    later = importlib.import_module("claims.migrations.0006_assessment_and_import_permissions")
    perms = Permission.objects.filter(
        content_type__app_label__in=["claims", "exchange"], codename__in=later.RESEARCHER_CODENAMES
    )
    Group.objects.get(name="Researchers").permissions.add(*perms)
    Group.objects.get(name="Readers").permissions.add(*perms.filter(codename="view_assessment"))
