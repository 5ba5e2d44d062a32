"""Task workers for tests: django-tasks-db's own worker, run in the test's process (so that
a test can watch or break a step from inside), or as a real `manage.py db_worker` process
on the test database (so that a test can kill it)."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker

BASE_DIR = Path(__file__).resolve().parents[2]


def run_queued_tasks(worker_id: str = "in-process") -> None:
    """Run every queued task, one after another, then return (the worker's --batch)."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def database_url() -> str:
    """The test database, for a process of its own."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def start_worker_process(*extra: str, worker_id: str = "test-worker") -> subprocess.Popen:
    """A real `manage.py db_worker` on the test database, in a process group of its own."""
    environment = os.environ | {"DEBUG": "1", "DATABASE_URL": database_url()}
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.1",
            "--worker-id",
            worker_id,
            *extra,
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
