"""A task worker's heartbeat, and the sweep it runs: django-tasks-db records which worker
claimed a task but never whether that worker still lives, so each `manage.py db_worker`
says so itself (`TaskWorker`), and settles the steps nobody is looking at."""

import logging
import threading
import time

from django.db import DatabaseError, connection
from django.tasks.signals import task_finished, task_started
from django.utils import timezone

from exchange.batches import settle_all
from exchange.models import TaskWorker

logger = logging.getLogger(__name__)

# How often a worker looks for steps whose worker died (the rule is `batches._settle`).
SWEEP_EVERY = 5.0


class Heartbeat:
    """A thread of the worker process that writes the worker's row every `BEAT_EVERY`, with
    the task it is running (at once when a task starts or ends), and sweeps every
    `SWEEP_EVERY`. `stop()` deletes the row: a worker that stops says goodbye."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.task_id = ""
        self.started_at = timezone.now()
        self.wake = threading.Event()
        self.stopping = False
        self.thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)

    def start(self) -> None:
        task_started.connect(self._task_started, dispatch_uid=f"heartbeat-{self.worker_id}")
        task_finished.connect(self._task_finished, dispatch_uid=f"heartbeat-{self.worker_id}")
        self.thread.start()

    def _task_started(self, sender, task_result, **kwargs) -> None:
        self.task_id = str(task_result.id)
        self.wake.set()

    def _task_finished(self, sender, task_result, **kwargs) -> None:
        self.task_id = ""
        self.wake.set()

    def beat(self) -> None:
        now = timezone.now()
        TaskWorker.objects.bulk_create(
            [
                TaskWorker(
                    worker_id=self.worker_id,
                    task_id=self.task_id,
                    started_at=self.started_at,
                    last_seen=now,
                )
            ],
            update_conflicts=True,
            unique_fields=["worker_id"],
            update_fields=["task_id", "last_seen"],
        )

    def _run(self) -> None:
        swept = 0.0
        while not self.stopping:
            self.wake.clear()
            try:
                self.beat()
                if time.monotonic() - swept >= SWEEP_EVERY:
                    swept = time.monotonic()
                    settle_all()
            except DatabaseError:
                # The database away, or (SQLite) its one write lock held by this worker's
                # own apply: beat again later; a heartbeat missed is not a worker lost.
                logger.warning("Worker %s: heartbeat not written", self.worker_id, exc_info=True)
                connection.close()
            except Exception:
                logger.exception("Worker %s: heartbeat or sweep failed", self.worker_id)
            self.wake.wait(TaskWorker.BEAT_EVERY.total_seconds())
        connection.close()

    def stop(self) -> None:
        self.stopping = True
        self.wake.set()
        self.thread.join(timeout=5)
        task_started.disconnect(dispatch_uid=f"heartbeat-{self.worker_id}")
        task_finished.disconnect(dispatch_uid=f"heartbeat-{self.worker_id}")
        try:
            TaskWorker.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError:
            logger.warning("Worker %s: its heartbeat row could not be removed", self.worker_id)
