"""`make bench`: build a scratch PostgreSQL database, fill it with a newsroom's worth of
data, measure, and print one table.

    python -m bench.run [--size full|small] [--reuse] [--seconds N] [--only FIGURE ...]

`--only growth` measures how one request's work grows with its input (bench/growth.py)
alone, in a few minutes, without a database.

The database is DATABASE_URL if set, else `claimtrail_bench_<size>` on the local server
(dropped and created afresh unless --reuse, which keeps the data and only applies new
migrations). Every figure is compared with an anchor
measured in the same run, on the same data, on the same machine.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

import psycopg
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import duplicates, generate, measure, queue, scenarios, server  # noqa: E402

# The import comes after the pages, the export and the duplicates: it adds pairs (new ones
# each run).
FIGURES = ["search", "autocomplete", "pages", "export", "duplicates", "queue", "import", "growth"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(generate.SIZES), default="full")
    parser.add_argument("--reuse", action="store_true", help="keep an already generated database")
    parser.add_argument("--seconds", type=int, help="duration of each load run")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=FIGURES,
        default=FIGURES,
        help="measure these figures alone (while working on one of them)",
    )
    args = parser.parse_args()
    full = args.size == "full"
    seconds = args.seconds or (10 if full else 2)

    dsn = os.environ.get("DATABASE_URL") or (
        f"postgres://postgres@127.0.0.1:5432/claimtrail_bench_{args.size}"
    )
    env = {
        "DATABASE_URL": dsn,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "CLAIMTRAIL_BENCH": "1",
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.pop("DEBUG", None)
    os.environ.update(env)

    started = time.perf_counter()
    on_data = [figure for figure in args.only if figure != "growth"]
    if on_data:
        print(f"Claimtrail benchmark, size {args.size}, database {dsn}", flush=True)
    print(f"  {machine()}", flush=True)
    if on_data and not args.reuse:
        recreate_database(dsn)
    if on_data:
        server.manage("migrate", "--noinput", "-v0")

    import django

    django.setup()  # the generator stores what the app derives through the app's own code
    if on_data and not args.reuse:
        counts = generate.generate(dsn, args.size)
        print(f"  generated: {counts}", flush=True)
    if on_data:
        server.manage("collectstatic", "--noinput", "-v0")
    rows: list[measure.Row] = []

    def add(new_rows: list[measure.Row]) -> None:
        for row in new_rows:
            print(f"  {row.figure}: {measure.fmt(row.median, row.unit)} {row.anchor}", flush=True)
        rows.extend(new_rows)

    if "search" in args.only:
        add(scenarios.search(repeat=10 if full else 5, scan_repeat=1 if full else 2))
    if "duplicates" in args.only:
        add(duplicates.find_all())
    if {"autocomplete", "pages", "export", "duplicates", "queue"} & set(args.only):
        cookie = scenarios.bench_session()
        with server.Gunicorn() as gunicorn:
            if "autocomplete" in args.only:
                add(scenarios.autocomplete(gunicorn, cookie, repeat=40 if full else 20))
            if "pages" in args.only:
                add(scenarios.pages(gunicorn, cookie, seconds=seconds, runs=3 if full else 2))
            if "export" in args.only:
                add(scenarios.export(gunicorn, cookie, dsn, runs=1 if full else 2))
            if "duplicates" in args.only:
                add(duplicates.pages(gunicorn, cookie, repeat=20 if full else 10))
            if "queue" in args.only:
                add(queue.pages(gunicorn, cookie, repeat=20 if full else 10))
    if "import" in args.only:
        from bench import imports

        add(imports.import_speed(dsn, rows=100_000 if full else 2_000))
    growth_rows = []
    if "growth" in args.only:
        from bench import growth

        growth_rows = growth.measure()
    print(f"\nDone in {time.perf_counter() - started:.0f} s. {machine()}\n", flush=True)
    if rows:
        print(measure.table(rows))
    if growth_rows:
        print("\nGrowth of one request's work with its input (each doubling at most 2.5×):\n")
        print(growth.table(growth_rows))


def machine() -> str:
    """The machine, and how busy it was: other work running skews every figure."""
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{os.cpu_count()} CPUs, {int(memory) / 1024**2:.0f} GB RAM, load average {load}"


def recreate_database(dsn: str) -> None:
    name = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    with psycopg.connect(make_conninfo(dsn, dbname="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
