"""`make soak`'s load, for a few seconds against the live server with a real task worker:
its researchers read, edit, export and import through the pages as they do behind HAProxy,
and its checks find no lost update and no lost or duplicated task. (The soak itself, with
its app servers, workers, proxy and kills, takes two minutes: `make soak`.)"""

import threading
import time
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from bench.load_edits import PASSWORD, Researcher, verify
from bench.soak import Load, check_tasks, researcher
from claims.models import Claim
from tests.exchange.test_import import roles_after_flush  # noqa: F401
from tests.exchange.workers import database_url, start_worker_process
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the soak runs on PostgreSQL"),
    pytest.mark.task_queue,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles_after_flush"),
    pytest.mark.timeout(300),
]


def test_the_soak_load_reads_edits_exports_and_imports_without_loss(live_server, demo):
    for n in range(3):
        user = UserFactory(username=f"load{n}")
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name="Researchers"))
    versions = dict(Claim.objects.order_by("pk").values_list("pk", "version")[:3])
    worker = start_worker_process(worker_id="soak-test")
    try:
        load = Load(base=live_server.url, claim_ids=list(versions), until=0.0)
        load.shares = {"read": 0.3, "edit": 0.4, "export": 0.1, "import": 0.2}
        load.think = (0.01, 0.05)  # each researcher's choices are seeded: all kinds come
        go = threading.Event()
        researchers = [Researcher(live_server.url, f"load{n}") for n in range(3)]
        for me in researchers:
            me.sign_in()
        threads = [
            threading.Thread(target=researcher, args=(load, me, n, go))
            for n, me in enumerate(researchers)
        ]
        for thread in threads:
            thread.start()
        load.until = time.monotonic() + 4
        go.set()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        worker.kill()
        worker.wait()

    statuses = Counter(outcome.status for outcome in load.results.outcomes)
    kinds = Counter(outcome.kind for outcome in load.results.outcomes)
    assert not any(status >= 500 or status == 0 for status in statuses), statuses
    assert {"read", "save", "export", "upload", "apply"} <= set(kinds), kinds
    assert load.results.accepted
    assert verify(database_url(), load.results, versions) == (0, 0, 0)
    assert load.jobs and all(job.outcome == "applied" for job in load.jobs)
    assert check_tasks(database_url(), load.jobs) == (0, [])
