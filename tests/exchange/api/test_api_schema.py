"""The OpenAPI schema at /api/schema/, and the reference page at /api/ written from it on
the server (nothing from a CDN, nothing the CSP refuses)."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db

RESOURCES = [
    "sources",
    "outlets",
    "speakers",
    "claims",
    "citations",
    "relations",
    "topics",
    "assessments",
]


def test_the_schema_is_openapi_3_and_names_every_resource(api):
    response = api["reader"].get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    for plural in RESOURCES:
        assert f"/api/{plural}/" in schema["paths"]
        assert f"/api/{plural}/{{id}}/" in schema["paths"]
    update = schema["paths"]["/api/claims/{id}/"]["put"]
    assert {"412", "428"} <= set(update["responses"])
    assert any(p["name"] == "If-Match" and p["required"] for p in update["parameters"])
    filters = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    assert {"q", "speaker", "topic", "language", "verification", "cursor"} <= filters
    # What schemathesis is run against is what is served.
    assert schema == json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


def test_the_schema_needs_a_signed_in_user(api):
    assert api["anonymous"].get("/api/schema/").status_code == 401


def test_the_reference_page_is_written_on_the_server_without_scripts(reader_client):
    response = reader_client.get("/api/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "PUT /api/claims/{id}/" in page and "If-Match" in page
    assert "cdn" not in page.lower() and "swagger" not in page.lower()
    assert "style=" not in page
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_schema_validates_without_a_warning(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))
    assert (tmp_path / "s.yaml").read_text().startswith("openapi: 3")
