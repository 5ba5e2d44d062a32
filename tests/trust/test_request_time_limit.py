"""gunicorn as the README deploys it (gthread, gunicorn.conf.py) ends a request that runs past
CLAIMTRAIL_REQUEST_TIMEOUT: its worker stops and a fresh one serves the next requests.

Before, a gthread worker's main loop told the arbiter all was well whatever its threads did,
so a runaway request held its thread until the worker was killed by hand.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode()
    finally:
        connection.close()


@pytest.fixture
def server():
    port = free_port()
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "tests.trust.slow_app:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--graceful-timeout",
            "1",
        ],
        cwd=ROOT,  # where gunicorn finds gunicorn.conf.py, as in the README
        env={**os.environ, "CLAIMTRAIL_REQUEST_TIMEOUT": "2"},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            get(port, "/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.2)
    yield port, process
    process.terminate()
    process.wait(timeout=30)


def test_a_request_past_the_time_limit_is_ended_and_a_fresh_worker_serves_on(server):
    port, process = server
    first_worker = get(port, "/", timeout=5)
    started = time.monotonic()
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        get(port, "/slow", timeout=30)  # without a limit: a minute, and then a 200
    assert time.monotonic() - started < 15
    deadline = time.monotonic() + 30
    while True:
        try:
            fresh_worker = get(port, "/", timeout=5)
            break
        except OSError:
            assert time.monotonic() < deadline, "no worker came back"
            time.sleep(0.2)
    assert fresh_worker != first_worker
    process.terminate()
    assert "ran for more than 2 s" in process.communicate(timeout=30)[1]
