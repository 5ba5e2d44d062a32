"""schemathesis against the API's own OpenAPI schema, through the WSGI app: generated
requests for every operation (a few examples each, so the run stays short) must never get
a 5xx, and every answer must be one the schema describes, in the shape it describes."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from exchange.api.models import ApiToken
from tests.factories import UserFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# The schema as /api/schema/ serves it (the same generator); tests/exchange/api/test_api_schema.py
# checks that the served one is this one.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@pytest.fixture
def token(demo, settings):
    """A staff token, the demo's records, and the test's connection kept open across the
    WSGI app's requests (its transaction is the test's), as Django's test client keeps it."""
    settings.CLAIMTRAIL_API_RATE = "100000/min"
    _, key = ApiToken.issue(user=UserFactory(username="fuzz", staff=True), name="schemathesis")
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_its_schema_says(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
