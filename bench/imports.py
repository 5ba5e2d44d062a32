"""The import figure: a claim-pairs file previewed and applied by a real task worker
(`manage.py db_worker`, as the README deploys it), against PostgreSQL's `COPY` of the
same file into a staging table, in the same run.

The file is made from the bench data's own pairs, exported, with each statement's wording
marked by the run, so that every claim, citation and pair is new while speakers, outlets
and sources are matched: a newsroom bringing in new statements by people it knows.
"""

import csv
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import Row
from bench.scenarios import RSSWatch

ROOT = Path(__file__).resolve().parent.parent
# The columns the import works out again by itself: left empty, as a person's file has them.
DERIVED = ("pair_id", "claim_id", "claim_url", "counter_id", "counter_url")


def write_file(path: Path, rows: int, token: str) -> int:
    """`rows` pairs of the database as the export writes them, each statement made new."""
    from claims.models import ClaimRelation
    from exchange.export import stream_pairs_csv

    pairs = ClaimRelation.objects.filter(
        pk__in=ClaimRelation.objects.order_by("pk").values("pk")[:rows]
    )
    raw = path.with_suffix(".export.csv")
    with raw.open("wb") as out:
        for block in stream_pairs_csv(pairs, bom=False):
            out.write(block)
    written = 0
    with (
        raw.open(newline="", encoding="utf-8") as exported,
        path.open("w", newline="", encoding="utf-8") as out,
    ):
        reader = csv.DictReader(exported)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
        writer.writeheader()
        for written, row in enumerate(reader, start=1):
            for column in DERIVED:
                row[column] = ""
            row["claim_text"] += f" [{token} {written}]"
            row["counter_text"] += f" [{token} {written}′]"
            writer.writerow(row)
    raw.unlink()
    return written


def run_worker() -> tuple[float, float]:
    """One `db_worker --batch`: it runs what is queued and exits. (seconds, peak RSS MB)"""
    started = time.perf_counter()
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--batch",
            "--no-startup-delay",
            "--interval",
            "0",
            "-v0",
        ],
        cwd=ROOT,
    )
    with RSSWatch([worker.pid]) as watch:
        if worker.wait() != 0:
            raise RuntimeError(f"the worker exited with {worker.returncode}")
    return time.perf_counter() - started, watch.peak_mb


def copy_seconds(dsn: str, path: Path) -> float:
    """`COPY … FROM STDIN` of the same file into an unlogged staging table of text columns."""
    import psycopg

    with path.open("rb") as source:
        header = next(csv.reader([source.readline().decode()]))
        source.seek(0)
        with psycopg.connect(dsn) as conn:
            columns = ", ".join(f'"{name}" text' for name in header)
            conn.execute(f"CREATE UNLOGGED TABLE bench_import_staging ({columns})")
            try:
                started = time.perf_counter()
                with (
                    conn.cursor() as cursor,
                    cursor.copy(
                        "COPY bench_import_staging FROM STDIN (FORMAT csv, HEADER true)"
                    ) as copy,
                ):
                    while block := source.read(1 << 20):
                        copy.write(block)
                conn.commit()
                elapsed = time.perf_counter() - started
            finally:
                conn.execute("DROP TABLE IF EXISTS bench_import_staging")
                conn.commit()
    return elapsed


def import_speed(dsn: str, *, rows: int) -> list[Row]:
    from django.contrib.auth.models import User
    from django.core.files import File

    from exchange.batches import task_result
    from exchange.models import ImportBatch
    from exchange.tasks import queue_apply, queue_preview

    token = secrets.token_hex(4)
    user, _ = User.objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs.csv"
        count = write_file(path, rows, token)
        with path.open("rb") as upload:
            batch = queue_preview(owner=user, filename=path.name, upload=File(upload))
        preview_wall, preview_rss = run_worker()
        batch.refresh_from_db()
        if batch.status != ImportBatch.Status.PREVIEWED or batch.rejected_count:
            raise RuntimeError(f"the preview ended {batch.status}: {batch.error}")
        # To the end of its task, after its transaction committed (the batch's own times are
        # written inside it, before the commit-time checks of its keys).
        preview = (task_result(batch).finished_at - batch.started_at).total_seconds()
        batch = queue_apply(batch, user=user)
        apply_wall, apply_rss = run_worker()
        batch.refresh_from_db()
        if batch.status != ImportBatch.Status.APPLIED:
            raise RuntimeError(f"the apply ended {batch.status}: {batch.error}")
        apply = (task_result(batch).finished_at - batch.started_at).total_seconds()
        copy = copy_seconds(dsn, path)
        size_mb = path.stat().st_size / 2**20
    note = (
        f"{count} pairs ({size_mb:.0f} MB), new statements by known speakers; the worker's "
        f"own time from its task's start to its end, commit included (worker processes: "
        f"{preview_wall:.0f} s and "
        f"{apply_wall:.0f} s with start-up); COPY into an unlogged table of text columns"
    )
    return [
        Row(
            f"import apply by a task worker ({count} pairs), rows/s",
            [count / apply],
            "rows/s",
            f"{apply:.1f} s; {copy / apply:.3f}× COPY into a staging table ({count / copy:,.0f}"
            " rows/s)".replace(",", " "),
            "100 000 rows ≤ 30 s",
            note,
        ),
        Row(
            f"import preview by a task worker ({count} pairs), rows/s",
            [count / preview],
            "rows/s",
            f"{preview:.1f} s",
            "",
            note,
        ),
        Row(
            "import, peak RSS of the worker (preview, apply)",
            [preview_rss, apply_rss],
            "MB",
            "",
            "≤ 200 MB",
            "VmRSS of the worker process sampled every 20 ms",
        ),
    ]
