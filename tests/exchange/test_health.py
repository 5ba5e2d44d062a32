"""`/healthz`, what the proxy in front of the app servers asks: no sign-in, the database,
the migrations and the task workers' heartbeats as JSON, 200 while the server can serve,
503 when it cannot, in three queries however many workers there are."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from exchange.health import count_unapplied
from exchange.models import TaskWorker

pytestmark = pytest.mark.django_db


def beat(worker_id: str, seconds_ago: float) -> TaskWorker:
    at = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    return TaskWorker.objects.create(worker_id=worker_id, started_at=at, last_seen=at)


def test_healthz_answers_anyone_with_the_database_the_migrations_and_the_workers(client):
    beat("app-1", seconds_ago=1)
    beat("app-2", seconds_ago=3)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "healthy": True,
        "degraded": False,
        "database": "ok",
        "migrations": {"unapplied": 0},
        "workers": {"seen": 2, "within_seconds": 15},
    }


def test_healthz_counts_only_workers_heard_from_lately(client):
    beat("alive", seconds_ago=2)
    beat("killed", seconds_ago=16)

    assert client.get("/healthz").json()["workers"]["seen"] == 1


def test_no_worker_running_degrades_the_app_but_keeps_the_server_in(client):
    beat("killed", seconds_ago=60)

    response = client.get("/healthz")

    assert response.status_code == 200  # another app server would not run imports either
    assert response.json()["status"] == "degraded"
    assert response.json()["degraded"] is True
    assert response.json()["workers"]["seen"] == 0


def test_a_migration_not_applied_takes_the_server_out(client):
    MigrationRecorder.Migration.objects.filter(app="exchange", name="0004_task_workers").delete()
    beat("alive", seconds_ago=1)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["healthy"] is False
    assert response.json()["migrations"] == {"unapplied": 1}


def test_a_squashed_migration_counts_as_applied_when_the_ones_it_replaces_are():
    squashed = (("exchange", "0002_squashed"), (("exchange", "0001"), ("exchange", "0002")))
    plain = (("claims", "0001"), ())

    assert count_unapplied([plain, squashed], {("claims", "0001"), ("exchange", "0001")}) == 1
    assert count_unapplied([plain, squashed], {("claims", "0001"), *squashed[1]}) == 0
    assert count_unapplied([plain, squashed], {("claims", "0001"), squashed[0]}) == 0
    assert count_unapplied([plain, squashed], {squashed[0]}) == 1


def test_healthz_asks_three_queries_however_many_workers(client, django_assert_num_queries):
    for n in range(20):
        beat(f"worker-{n}", seconds_ago=n)
    client.get("/healthz")  # the migrations on disk are read once per process

    with django_assert_num_queries(3):
        assert client.get("/healthz").status_code == 200


def test_healthz_is_not_sent_to_https_where_every_page_is(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


def test_healthz_takes_no_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ends its own PostgreSQL session")
@pytest.mark.django_db(transaction=True)
def test_a_database_that_stopped_answering_takes_the_server_out(client):
    import psycopg

    from tests.exchange.workers import database_url

    client.get("/healthz")
    pid = connection.connection.info.backend_pid
    with psycopg.connect(database_url(), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    try:
        response = client.get("/healthz")
    finally:
        connection.close()

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "healthy": False,
        "degraded": False,
        "database": "unavailable",
        "migrations": None,
        "workers": None,
    }
