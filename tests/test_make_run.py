"""`make run` is still one command: the development server and a task worker, in one
process group, both stopped by the Ctrl-C that a terminal sends to that group."""

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_members(group: int) -> list[tuple[int, str]]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (ProcessLookupError, FileNotFoundError, PermissionError):
            continue
        members.append((int(entry.name), command))
    return members


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_for(condition, timeout: float, what: str, output) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} within {timeout} s; make run said:\n{output()}")


def test_make_run_serves_beside_a_worker_and_ctrl_c_stops_both(tmp_path):
    port = free_port()
    log = tmp_path / "make-run.log"
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}
    } | {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}
    with log.open("wb") as out:
        make = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"PORT={port}"],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a process group of its own, as a terminal gives it
        )
    group = make.pid
    try:
        wait_for(
            lambda: answers(f"http://127.0.0.1:{port}/accounts/login/"),
            120,
            "the server answering",
            log.read_text,
        )
        wait_for(
            lambda: any("db_worker" in command for _, command in group_members(group)),
            30,
            "a task worker in the same process group",
            log.read_text,
        )

        os.killpg(group, signal.SIGINT)  # Ctrl-C

        make.wait(timeout=30)
        wait_for(lambda: not group_members(group), 30, "every process stopped", log.read_text)
    finally:
        if make.poll() is None or group_members(group):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
            make.wait()
    assert not answers(f"http://127.0.0.1:{port}/accounts/login/")
