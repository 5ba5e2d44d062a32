"""How gunicorn serves Claimtrail: read from the directory it starts in (options given on
the command line win), by `gunicorn config.wsgi` as the README deploys it.

A time limit for every request. A gthread worker tells the arbiter that it is alive from
its main loop, whatever its threads are doing, so `--timeout` never ends a runaway request:
it would hold its thread, and its database connection, until someone kills the worker.
Here each worker notes when each of its requests started, and a watchdog thread stops the
worker once a request has run for more than CLAIMTRAIL_REQUEST_TIMEOUT seconds: it takes no
new request, lets its other requests finish for `graceful_timeout` seconds, and then ends,
runaway and all; the arbiter starts a fresh worker in its place. (Nothing is half-saved: a
request's writes are one transaction, which the database rolls back.)
"""

import os
import threading
import time

worker_class = "gthread"
workers = 2
threads = 4
graceful_timeout = 30

# Long enough for the largest legitimate request: the CSV export of a million pairs takes
# about a minute. Larger imports go through `manage.py import_pairs`.
REQUEST_TIMEOUT = int(os.environ.get("CLAIMTRAIL_REQUEST_TIMEOUT", "300"))

# Thread id -> when the request it is serving started (this worker's own, after fork).
_started: dict[int, float] = {}


def pre_request(worker, req) -> None:
    _started[threading.get_ident()] = time.monotonic()


def post_request(worker, req, environ, resp) -> None:
    _started.pop(threading.get_ident(), None)


def post_worker_init(worker) -> None:
    threading.Thread(target=_watch, args=(worker,), name="request-watchdog", daemon=True).start()


def _watch(worker) -> None:
    while True:
        time.sleep(1)
        oldest = min(_started.values(), default=None)
        if oldest is not None and time.monotonic() - oldest > REQUEST_TIMEOUT:
            worker.log.error(
                "A request ran for more than %s s (CLAIMTRAIL_REQUEST_TIMEOUT): stopping worker %s",
                REQUEST_TIMEOUT,
                worker.pid,
            )
            worker.alive = False  # no new requests; the others finish
            time.sleep(worker.cfg.graceful_timeout + 1)
            os._exit(1)  # the runaway thread cannot be stopped any other way
