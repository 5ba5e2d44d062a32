"""Scale-out shown (`make soak`): two app servers and two task workers behind HAProxy, on
127.0.0.1 and a scratch PostgreSQL database, under 50 researchers for 60 s, one app
server and one worker killed with SIGKILL halfway.

The app servers run as the README deploys them (gunicorn from the checkout, which reads
gunicorn.conf.py), the workers as `manage.py db_worker`; HAProxy checks `/healthz` every
second. Each researcher signs in and, until the time is up, reads pages, edits claims
(bench/load_edits.py's edit, and its check for lost updates), exports, and imports small
files through the import pages (upload, preview and apply as tasks, "Try again" when a
step failed because its worker died), finishing the import it has begun. Then:

- requests, and their p95 latency;
- 5xx (or a broken answer): those in the failover window (from the kill until HAProxy has
  taken the server out) counted, and those outside it, which must be 0;
- lost updates (an accepted save missing from history, a refused one in it): must be 0;
- lost or duplicated tasks: every import begun applied exactly once, its rows there once,
  every task finished, none run twice: must be 0.

The last line is the summary; the exit status is 0 only if the musts hold. Everything it
starts it stops, on Ctrl-C or failure too, and it drops the database it created.

    .venv/bin/python -m bench.soak [--researchers 50] [--seconds 60]
    SOAK_POSTGRES=postgres://user@host:5432 selects the PostgreSQL server (127.0.0.1's).
"""

import argparse
import csv
import io
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.load_edits import (
    BIN,
    Outcome,
    Researcher,
    Results,
    edit_claim,
    free_port,
    percentile,
    prepare,
    settle_unsure,
    verify,
)

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "var" / "soak"
HOST = "127.0.0.1"
# What a researcher does next, by share; an import takes it a few seconds of polling.
SHARES = {"read": 0.58, "edit": 0.25, "export": 0.1, "import": 0.07}
IMPORT_ROWS = 3
# How long, after the load, a researcher may take to finish the import it has begun.
DRAIN_SECONDS = 90
POLL_SECONDS = 0.5
THINK_SECONDS = (0.3, 1.5)


def machine() -> str:
    memory = Path("/proc/meminfo").read_text().split()[1]
    return f"nproc {len(os.sched_getaffinity(0))}, RAM {int(memory) / 2**20:.1f} GiB"


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Processes:
    """What the soak starts, each in a process group of its own, to stop at the end."""

    def __init__(self):
        self.started: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        LOGS.mkdir(parents=True, exist_ok=True)
        with (LOGS / f"{name}.log").open("w") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started[name] = process
        return process

    def kill(self, name: str) -> None:
        """SIGKILL to the whole group: a gunicorn master and its workers, as a machine lost."""
        os.killpg(self.started[name].pid, signal.SIGKILL)
        self.started[name].wait()

    def stop_all(self) -> None:
        for process in self.started.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 35  # gunicorn's graceful 30 s, then SIGKILL
        for process in self.started.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


HAPROXY = """\
global
    maxconn 2000
    stats socket {socket} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout queue 30s
    # A busy server answers its check late, not never: only a silent one is taken out.
    timeout check 3s
    # A connection refused by a dead server is tried again on the other.
    retries 2
    option redispatch
    # So is a GET the dead server took and never answered; a POST never is (it may have
    # been done: an upload twice is two imports).
    retry-on conn-failure empty-response response-timeout

frontend claimtrail
    bind {host}:{port}
    default_backend app

backend app
    balance roundrobin
    http-request disable-l7-retry unless METH_GET
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host {host}
    http-check expect status 200
    # Each server takes fewer requests at once than its 2 workers × 4 threads, and HAProxy
    # queues the rest: a thread stays free for the health check.
    default-server check inter 1s fastinter 500ms fall 2 rise 2 maxconn 6
{servers}
"""


def haproxy_config(directory: Path, port: int, servers: dict[str, int]) -> Path:
    path = directory / "haproxy.cfg"
    path.write_text(
        HAPROXY.format(
            socket=directory / "haproxy.sock",
            host=HOST,
            port=port,
            servers="\n".join(f"    server {name} {HOST}:{p}" for name, p in servers.items()),
        )
    )
    return path


def server_states(socket_path: Path) -> dict[str, str]:
    """Each app server's state as HAProxy sees it: UP, DOWN, …"""
    with socket.socket(socket.AF_UNIX) as stats:
        stats.settimeout(2)
        stats.connect(str(socket_path))
        stats.sendall(b"show stat\n")
        data = b""
        while chunk := stats.recv(65536):
            data += chunk
    rows = csv.DictReader(io.StringIO(data.decode().lstrip("# ")))
    return {
        row["svname"]: row["status"]
        for row in rows
        if row["pxname"] == "app" and row["svname"] not in ("BACKEND", "FRONTEND")
    }


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Waited {timeout:.0f} s for {what}")


@dataclass
class ImportJob:
    """One file a researcher imports, with every upload of it (a preview its worker died
    in is uploaded again) and how it ended."""

    marker: str
    batches: list[int] = field(default_factory=list)
    outcome: str = "begun"
    tries: int = 0  # applies after the first ("Try again")


@dataclass
class Load:
    base: str
    claim_ids: list[int]
    until: float
    results: Results = field(default_factory=Results)
    jobs: list[ImportJob] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    shares: dict[str, float] = field(default_factory=lambda: dict(SHARES))
    think: tuple[float, float] = THINK_SECONDS


def send(me: Researcher, load: Load, kind: str, method: str, path: str, **data) -> int:
    """A request, timed; a broken answer (no status, a body cut short) counts as status 0."""
    started = time.monotonic()
    try:
        status, body = me.request(method, path, **data)
    except Exception as error:  # the connection reset or the body cut by a killed server
        status, body = 0, ""
        with load.results.lock:
            load.errors.append(f"{kind} {path}: {type(error).__name__}")
    load.results.outcomes.append(Outcome(kind, status, time.monotonic() - started, started))
    me.last_body = body
    return status


def import_file(marker: str) -> bytes:
    out = io.StringIO()
    columns = [
        "relation_kind",
        "claim_text",
        "claim_language",
        "claim_speaker_name",
        "claim_source_title",
        "claim_source_outlet",
        "claim_quote",
        "counter_text",
        "counter_language",
        "counter_speaker_name",
    ]
    writer = csv.writer(out)
    writer.writerow(columns)
    for n in range(IMPORT_ROWS):
        writer.writerow(
            [
                "denies",
                f"Claim {n} of {marker}.",
                "en",
                "United States",
                "US statement",
                "Reuters",
                f"Claim {n}",
                f"Answer {n} of {marker}.",
                "en",
                "China",
            ]
        )
    return out.getvalue().encode()


STATUS = re.compile(r'class="import-status import-(\w+)"')


def batch_status(me: Researcher, load: Load, pk: int, deadline: float) -> str:
    """Poll an upload's page until its step is over; its status then ("" past the deadline)."""
    while time.monotonic() < deadline:
        if send(me, load, "import page", "GET", f"/pairs/import/{pk}/") == 200:
            found = STATUS.search(me.last_body)
            if found and found[1] not in ("queued", "previewing", "apply_queued", "applying"):
                return found[1]
        time.sleep(POLL_SECONDS)
    return ""


def run_import(me: Researcher, load: Load, job: ImportJob, deadline: float) -> None:
    data = import_file(job.marker)
    while time.monotonic() < deadline:  # upload, until a preview is done
        status = send(
            me,
            load,
            "upload",
            "POST",
            "/pairs/import/",
            files={"file": (f"{job.marker}.csv", data)},
        )
        found = re.search(r"/pairs/import/(\d+)/$", me.location)
        if status != 302 or not found:
            time.sleep(POLL_SECONDS)  # a server lost on the way: upload again
            continue
        pk = int(found[1])
        job.batches.append(pk)
        previewed = batch_status(me, load, pk, deadline)
        if previewed == "previewed":
            break
        if previewed != "failed":  # refused, cancelled, or out of time: not a worker lost
            job.outcome = previewed or "preview unfinished"
            return
    else:
        job.outcome = "never uploaded"
        return
    while time.monotonic() < deadline:  # apply, and try again while it fails
        if send(me, load, "apply", "POST", f"/pairs/import/{pk}/apply/") not in (302, 0, 502, 503):
            job.outcome = "apply refused"
            return
        ended = batch_status(me, load, pk, deadline)
        if ended == "applied":
            job.outcome = "applied"
            return
        if ended not in ("failed", "previewed"):  # previewed: the apply never reached it
            job.outcome = ended or "apply unfinished"
            return
        job.tries += 1
    job.outcome = "apply unfinished"


def researcher(load: Load, me: Researcher, seed: int, started: threading.Event) -> None:
    rng = random.Random(seed)
    started.wait()
    edits = imports = 0
    while time.monotonic() < load.until:
        action = rng.choices(list(load.shares), weights=list(load.shares.values()))[0]
        claim = rng.choice(load.claim_ids)
        if action == "edit":
            edits += 1
            text = f"Edit {edits} by {me.username} at {time.time():.6f}"
            edit_claim(me, claim, text, load.results, rng)
        elif action == "import":
            imports += 1
            job = ImportJob(marker=f"soak import {me.username}-{imports}")
            with load.results.lock:
                load.jobs.append(job)
            run_import(me, load, job, deadline=load.until + DRAIN_SECONDS)
        elif action == "export":
            send(me, load, "export", "GET", rng.choice(["/pairs/export.csv", "/claims/export.csv"]))
        else:
            path = rng.choice(
                [
                    "/",
                    "/claims/",
                    f"/claims/{claim}/",
                    f"/claims/{claim}/history/",
                    "/pairs/",
                    "/sources/",
                    "/jobs/",
                    "/pairs/import/",
                ]
            )
            send(me, load, "read", "GET", path)
        time.sleep(rng.uniform(*load.think))  # a person between clicks


def check_tasks(database_url: str, jobs: list[ImportJob]) -> tuple[int, list[str]]:
    """(lost or duplicated, what each was): every import begun applied exactly once, with its
    rows there once; every task of the run finished; none run by two workers; no batch
    with two successful applies."""
    import psycopg

    problems = []
    with psycopg.connect(database_url) as connection:
        for job in jobs:
            if job.outcome != "applied":
                problems.append(f"{job.marker}: {job.outcome}")
                continue
            (applied,) = connection.execute(
                "SELECT count(*) FROM claims_importbatch WHERE id = ANY(%s) AND status = 'applied'",
                [job.batches],
            ).fetchone()
            (claims,) = connection.execute(
                "SELECT count(*) FROM claims_claim WHERE text LIKE %s",
                [f"% of {job.marker}."],
            ).fetchone()
            if applied != 1 or claims != 2 * IMPORT_ROWS:
                problems.append(f"{job.marker}: {applied} applied uploads, {claims} claims")
        for status, count in connection.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE status NOT IN ('SUCCESSFUL', 'FAILED') GROUP BY status"
        ):
            problems.append(f"{count} tasks left {status}")
        (twice,) = connection.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE jsonb_array_length(worker_ids::jsonb) > 1"
        ).fetchone()
        if twice:
            problems.append(f"{twice} tasks run by more than one worker")
        for batch, count in connection.execute(
            "SELECT args_kwargs->'args'->>0, count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE task_path = 'exchange.tasks.apply_import' AND status = 'SUCCESSFUL'"
            " GROUP BY 1 HAVING count(*) > 1"
        ):
            problems.append(f"upload {batch} applied {count} times")
    return len(problems), problems


def task_counts(database_url: str) -> Counter:
    import psycopg

    with psycopg.connect(database_url) as connection:
        return Counter(
            dict(
                connection.execute(
                    "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
                ).fetchall()
            )
        )


def wait_for_task(database_url: str, worker_id: str, seconds: float) -> bool:
    """Wait until the worker is running a task (the task table says so); whether it did."""
    import psycopg

    deadline = time.monotonic() + seconds
    with psycopg.connect(database_url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            if connection.execute(
                "SELECT 1 FROM django_tasks_database_dbtaskresult"
                " WHERE status = 'RUNNING' AND worker_ids->>-1 = %s",
                [worker_id],
            ).fetchone():
                return True
            time.sleep(0.02)
    return False


def tasks_lost_with_worker(database_url: str, worker_id: str) -> int:
    """Tasks of the killed worker that the others found dead and failed."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'FAILED'"
            " AND exception_class_path = 'exchange.batches.WorkerLost' AND worker_ids->>-1 = %s",
            [worker_id],
        ).fetchone()
    return count


def create_database(server: str) -> str:
    name = f"claimtrail_soak_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path=f"/{name}"))


def drop_database(database_url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def soak(args, processes: Processes, directory: Path, database_url: str) -> int:
    versions = prepare(database_url, args.researchers)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),  # one for all: a session works on either
        "ALLOWED_HOSTS": HOST,
        "TRUSTED_PROXIES": HOST,
        "LOG_LEVEL": "WARNING",
    }
    servers = {"app-a": free_port(), "app-b": free_port()}
    for name, port in servers.items():
        processes.start(
            name,
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--worker-class",
                "gthread",
                "--workers",
                "2",
                "--threads",
                "4",
                "--bind",
                f"{HOST}:{port}",
                # Two on one machine: each its own (gunicorn's is one per user by default).
                "--control-socket",
                str(directory / f"{name}.ctl"),
            ],
            env,
        )
    for name in ("worker-1", "worker-2"):
        processes.start(
            name,
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--worker-id", name],
            env,
        )
    port = free_port()
    socket_path = directory / "haproxy.sock"
    config = haproxy_config(directory, port, servers)
    processes.start("haproxy", ["haproxy", "-f", str(config), "-db"], env)
    wait_for(lambda: set(server_states(socket_path).values()) == {"UP"}, 120, "both app servers UP")
    base = f"http://{HOST}:{port}"
    wait_for(
        lambda: Researcher(base, "probe").request("GET", "/healthz")[1].count('"seen": 2'),
        60,
        "/healthz to see both workers",
    )

    researchers = [Researcher(base, f"load{n}") for n in range(args.researchers)]
    for me in researchers:
        me.sign_in()
        me.last_body = ""
    load = Load(base=base, claim_ids=list(versions), until=0.0)
    go = threading.Event()
    threads = [
        threading.Thread(target=researcher, args=(load, me, n, go), daemon=True)
        for n, me in enumerate(researchers)
    ]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    load.until = started + args.seconds
    go.set()

    time.sleep(args.seconds / 2)
    # The worker is killed in the middle of a task when it has one within a few seconds.
    busy = wait_for_task(database_url, "worker-1", seconds=10)
    killed_at = time.monotonic()
    processes.kill("app-a")
    processes.kill("worker-1")
    down_at = None
    while down_at is None and time.monotonic() < killed_at + 30:
        try:
            if server_states(socket_path).get("app-a", "").startswith("DOWN"):
                down_at = time.monotonic()
        except OSError:
            pass
        time.sleep(0.05)
    window_end = down_at if down_at is not None else killed_at + 30
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    saved_unsure = settle_unsure(database_url, load.results)
    missing, leaked, gaps = verify(database_url, load.results, versions)
    lost_updates = missing + leaked + gaps
    lost_tasks, problems = check_tasks(database_url, load.jobs)
    outcomes = load.results.outcomes
    failed = [o for o in outcomes if o.status >= 500 or o.status == 0]
    inside = [o for o in failed if o.started <= window_end and o.started + o.seconds >= killed_at]
    outside = len(failed) - len(inside)
    # An answer that is neither a 5xx (counted above) nor expected: a fault of the load.
    unexpected = [entry for entry in load.results.other if 0 < entry[2] < 500]
    latencies = [o.seconds * 1000 for o in outcomes]
    p95 = percentile(latencies, 0.95)
    tasks = task_counts(database_url)

    statuses = Counter(o.status for o in outcomes)
    print(
        f"{args.researchers} researchers, {elapsed:.0f} s ({args.seconds:.0f} s of load, then "
        f"imports finished), {len(outcomes)} requests ({len(outcomes) / elapsed:.0f}/s), "
        f"statuses {dict(sorted(statuses.items()))}"
    )
    for kind in ["read", "edit form", "save", "export", "upload", "import page", "apply", "all"]:
        values = [o.seconds * 1000 for o in outcomes if kind in {"all", o.kind}]
        if values:
            print(
                f"  {kind:11} n={len(values):5}  p50 {percentile(values, 0.5):7.1f} ms  "
                f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms"
            )
    print(
        f"killed app-a and worker-1 ({'in the middle of a task' if busy else 'idle'}) with "
        f"SIGKILL at {killed_at - started:.1f} s; HAProxy took "
        + (
            f"app-a out {down_at - killed_at:.1f} s later"
            if down_at is not None
            else "app-a out: never seen (window taken as 30 s)"
        )
    )
    print(
        f"5xx or broken: {len(inside)} in the failover window, {outside} outside"
        + (f" ({', '.join(sorted(set(load.errors))[:5])})" if load.errors else "")
    )
    print(
        f"saves: {len(load.results.accepted)} accepted, {len(load.results.refused)} refused "
        f"with 409, {len(load.results.unsure)} unanswered ({saved_unsure} of them saved, "
        f"by history), {len(unexpected)} other answers; lost updates {lost_updates} "
        f"({missing} accepted but not in history, {leaked} refused but saved, {gaps} claims "
        "whose version is off)"
    )
    lost_with_worker = tasks_lost_with_worker(database_url, "worker-1")
    applied = sum(job.outcome == "applied" for job in load.jobs)
    retried = sum(job.tries > 0 or len(job.batches) > 1 for job in load.jobs)
    print(
        f"imports: {len(load.jobs)} begun, {applied} applied exactly once, {retried} tried "
        f"again (a step failed, or its request was lost); {lost_with_worker} task of "
        f"worker-1 failed by the others as its worker's; tasks {dict(sorted(tasks.items()))};"
        f" lost or duplicated {lost_tasks}"
    )
    for problem in problems[:10]:
        print(f"  {problem}")
    passed = (
        outside == 0
        and lost_updates == 0
        and lost_tasks == 0
        and load.jobs
        and load.results.refused
        and not unexpected
    )
    print(f"machine: {machine()}, load average {load_average()} at end")
    print(
        f"soak: {len(outcomes)} requests, 5xx {len(inside)} in the failover window and "
        f"{outside} outside, lost updates {lost_updates}, lost or duplicated tasks "
        f"{lost_tasks} ({len(load.jobs)} imports), p95 {p95:.0f} ms: "
        + ("PASS" if passed else "FAIL"),
        flush=True,
    )
    return 0 if passed else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--researchers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if shutil.which("haproxy") is None:
        sys.exit("make soak needs HAProxy: apt-get install haproxy")
    # SIGTERM stops the soak as Ctrl-C does: through the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(f"machine: {machine()}, load average {load_average()} at start", flush=True)
    database_url = create_database(
        os.environ.get("SOAK_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    processes = Processes()
    directory = Path(tempfile.mkdtemp(prefix="claimtrail-soak-"))
    try:
        code = soak(args, processes, directory, database_url)
    finally:
        processes.stop_all()
        shutil.rmtree(directory, ignore_errors=True)
        drop_database(database_url)
    return code


if __name__ == "__main__":
    sys.exit(main())
