"""Load without loss: 20 researchers reading and editing the same few claims for 60 s.

Real HTTP against gunicorn on 127.0.0.1 with PostgreSQL, each researcher with a session
and its CSRF token, editing a claim's text through the click-to-edit form (so edits
collide and some are refused). Afterwards every accepted save must be in the history,
under its author, and no refused one may be: zero lost updates. Prints the figures and
exits non-zero on any 5xx or any lost update.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrail_load \\
        .venv/bin/python bench/load_edits.py [--researchers 20] [--seconds 60]

The database is created if missing and rebuilt from the demo data; it is a scratch one.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/claimtrail_load"
PASSWORD = secrets.token_urlsafe(16)
HOT_CLAIMS = 3  # few claims, many editors: conflicts are the point
EDIT_SHARE = 0.3


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Outcome:
    kind: str
    status: int
    seconds: float
    started: float = 0.0  # time.monotonic() when it was sent


@dataclass
class Results:
    outcomes: list[Outcome] = field(default_factory=list)
    accepted: list[tuple[str, int, str]] = field(default_factory=list)  # user, claim, text
    refused: list[tuple[str, int, str]] = field(default_factory=list)
    other: list[tuple[str, int, int]] = field(default_factory=list)
    # Saves whose answer was lost (a 5xx, a connection cut): done or not, history tells.
    unsure: list[tuple[str, int, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Researcher:
    """One browser: its own cookies, the CSRF token, Origin/Referer as a browser sends them.

    The app runs as in production behind a TLS proxy: requests say X-Forwarded-Proto:
    https, so secure cookies, HSTS and the CSRF origin check are all in force.
    """

    def __init__(self, base: str, username: str):
        self.base = base
        self.username = username
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)
        self.origin = "https://" + urllib.parse.urlsplit(base).netloc
        self.location = ""  # the last answer's redirect

    def request(
        self, method: str, path: str, data: dict | None = None, files: dict | None = None
    ) -> tuple[int, str]:
        """One request; `files` ({field: (filename, bytes)}) sends a multipart form."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if files:
            boundary = secrets.token_hex(16)
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                + content
                + b"\r\n"
                for name, (filename, content) in files.items()
            ]
            request.data = b"".join(parts) + f"--{boundary}--\r\n".encode()
            request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        request.add_header("X-Forwarded-Proto", "https")
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            request.add_header("Origin", self.origin)
            request.add_header("Referer", self.origin + path)
            request.add_header("X-CSRFToken", self.cookies.get("csrftoken", ""))
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        self.location = response.headers.get("Location", "")
        return response.status, response.read().decode("utf-8", "replace")

    def sign_in(self) -> None:
        self.request("GET", "/accounts/login/")
        status, _ = self.request(
            "POST", "/accounts/login/", {"username": self.username, "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"{self.username} could not sign in ({status})")


def edit_claim(me: Researcher, claim: int, text: str, results: Results, rng) -> None:
    """Open a claim's text in its click-to-edit form, type, save: accepted (302) or refused
    as stale (409), either kept in `results` for `verify`; a save whose answer was lost,
    in `results.unsure`."""
    started = time.monotonic()
    try:
        status, html = me.request("GET", f"/claims/{claim}/fields/text/")
    except (OSError, http.client.HTTPException):
        status, html = 0, ""
    results.outcomes.append(Outcome("edit form", status, time.monotonic() - started, started))
    found = re.search(r'name="version" value="(\d+)"', html)
    if status != 200 or found is None:
        with results.lock:
            results.other.append((me.username, claim, status))
        return
    time.sleep(rng.uniform(0.05, 0.4))  # reading the form, typing
    started = time.monotonic()
    try:
        status, _ = me.request(
            "POST", f"/claims/{claim}/fields/text/", {"text": text, "version": found[1]}
        )
    except (OSError, http.client.HTTPException):
        status = 0
    results.outcomes.append(Outcome("save", status, time.monotonic() - started, started))
    with results.lock:
        if status == 302:
            results.accepted.append((me.username, claim, text))
        elif status == 409:
            results.refused.append((me.username, claim, text))
        elif status == 0 or status >= 500:
            results.unsure.append((me.username, claim, text))
        else:
            results.other.append((me.username, claim, status))


def settle_unsure(database_url: str, results: Results) -> int:
    """Count a save whose answer was lost as accepted if history has it (the answer, not
    the save, was lost), else as never made; how many were saved."""
    import psycopg

    saved = 0
    with psycopg.connect(database_url) as connection:
        for user, claim, text in results.unsure:
            found = connection.execute(
                "SELECT 1 FROM claims_historicalclaim h JOIN auth_user u"
                " ON u.id = h.history_user_id WHERE h.text = %s AND u.username = %s",
                [text, user],
            ).fetchone()
            if found:
                results.accepted.append((user, claim, text))
                saved += 1
    return saved


def run_researcher(base, username, claim_ids, until, results: Results, seed: int) -> None:
    import random

    rng = random.Random(seed)
    me = Researcher(base, username)
    me.sign_in()
    edits = 0
    while time.monotonic() < until:
        claim = rng.choice(claim_ids)
        if rng.random() < EDIT_SHARE:
            edits += 1
            edit_claim(me, claim, f"Edit {edits} by {username} at {time.time():.6f}", results, rng)
        else:
            path = rng.choice(
                [
                    "/claims/",
                    f"/claims/{claim}/",
                    f"/claims/{claim}/history/",
                    "/pairs/",
                    "/",
                ]
            )
            started = time.monotonic()
            status, _ = me.request("GET", path)
            results.outcomes.append(Outcome("read", status, time.monotonic() - started, started))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def django_env(database_url: str) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
    }


def prepare(database_url: str, researchers: int) -> dict[int, int]:
    """A fresh scratch database with the demo data and the researchers' accounts."""
    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    env = django_env(database_url)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "loaddemo"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    script = f"""
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from claims.models import Claim
password = make_password({PASSWORD!r})  # hashed once: the same for every researcher
users = User.objects.bulk_create(User(username=f"load{{n}}", password=password) for n in range({researchers}))
Group.objects.get(name="Researchers").user_set.add(*users)
print(",".join(f"{{pk}}:{{version}}" for pk, version in Claim.objects.order_by("pk").values_list("pk", "version")[:{HOT_CLAIMS}]))
"""
    output = subprocess.run(
        [*manage, "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True
    )
    last_line = output.stdout.decode().strip().splitlines()[-1]
    return {int(pk): int(version) for pk, version in (x.split(":") for x in last_line.split(","))}


def verify(database_url: str, results: Results, versions: dict[int, int]) -> tuple[int, int, int]:
    """(accepted saves missing from history, refused saves found in it, claims whose
    version did not move on by exactly one per accepted save)."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT h.text, u.username FROM claims_historicalclaim h "
            "JOIN auth_user u ON u.id = h.history_user_id WHERE h.history_type = '~'"
        ).fetchall()
        saved = Counter(rows)
        missing = sum(1 for user, _, text in results.accepted if saved[(text, user)] != 1)
        leaked = sum(1 for user, _, text in results.refused if saved[(text, user)])
        accepted = Counter(claim for _, claim, _ in results.accepted)
        skipped = 0
        for claim, before in versions.items():
            (now,) = connection.execute(
                "SELECT version FROM claims_claim WHERE id = %s", [claim]
            ).fetchone()
            skipped += now != before + accepted[claim]
    return missing, leaked, skipped


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--researchers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE)
    if not database_url.startswith("postgres"):
        sys.exit("The load test runs on PostgreSQL: set DATABASE_URL=postgres://…")

    versions = prepare(database_url, args.researchers)
    claim_ids = list(versions)
    server_log = ROOT / "var" / "load-server.log"
    server_log.parent.mkdir(exist_ok=True)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "config.wsgi",
            "--worker-class=gthread",
            "--workers=2",
            "--threads=4",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=django_env(database_url),
        stdout=server_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        results = Results()
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=run_researcher,
                args=(base, f"load{n}", claim_ids, until, results, n),
            )
            for n in range(args.researchers)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    missing, leaked, gaps = verify(database_url, results, versions)
    statuses = Counter(outcome.status for outcome in results.outcomes)
    errors = sum(count for status, count in statuses.items() if status >= 500)
    latencies = [outcome.seconds * 1000 for outcome in results.outcomes]
    print(
        f"researchers {args.researchers}, {elapsed:.0f} s, {len(latencies)} requests "
        f"({len(latencies) / elapsed:.0f}/s), statuses {dict(sorted(statuses.items()))}"
    )
    for kind in ["read", "edit form", "save", "all"]:
        values = [o.seconds * 1000 for o in results.outcomes if kind in {"all", o.kind}]
        print(
            f"  {kind:9} n={len(values):5}  p50 {percentile(values, 0.5):7.1f} ms  "
            f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms  "
            f"mean {statistics.fmean(values) if values else float('nan'):7.1f} ms"
        )
    print(
        f"saves: {len(results.accepted)} accepted, {len(results.refused)} refused with 409, "
        f"{len(results.other)} other answers"
    )
    print(
        f"5xx: {errors}   lost updates: {missing} accepted but not in history, "
        f"{leaked} refused but saved, {gaps} claims whose version is off"
    )
    print(f"p95 latency: {percentile(latencies, 0.95):.1f} ms")
    failed = errors or missing or leaked or gaps or results.other or not results.refused
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
