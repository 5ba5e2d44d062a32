"""EXPLAIN ANALYZE of every list query on the generated data, to check the plans.

    DATABASE_URL=postgres://…/claimtrail_bench_full DEBUG=1 python -m bench.explain

Prints, for each query the pages run, its execution time and plan. The rows' queries
are shown for the ids of the page they belong to.
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from claims.models import Claim, ClaimRelation, Speaker  # noqa: E402
from claims.rows import claims_page, pairs_page  # noqa: E402
from records.pagination import LargeTablePaginator  # noqa: E402
from sources.models import Source  # noqa: E402


def pages() -> dict:
    claim = (
        Claim.objects.filter(citations__via__isnull=False).order_by("-pk").values("pk").first()
    )["pk"]
    return {
        "claims list": lambda: claims_page(Claim.objects.all(), 1, 50),
        "claims list, page 2000": lambda: claims_page(Claim.objects.all(), 2000, 50),
        "claims list, search": lambda: claims_page(Claim.objects.search("mikroelektronika"), 1, 50),
        "pairs list": lambda: pairs_page(ClaimRelation.objects.all(), 1, 50),
        "pairs list, filtered by a search": lambda: pairs_page(
            ClaimRelation.objects.filter_by(q="mikroelektronika"), 1, 50
        ),
        "claim detail": lambda: (
            Claim.objects.for_detail().get(pk=claim),
            list(ClaimRelation.objects.for_list().involving(claim)),
        ),
        "sources list": lambda: list(
            LargeTablePaginator(Source.objects.for_list(), 50).get_page(1).object_list
        ),
        "speaker autocomplete": lambda: list(Speaker.objects.autocomplete("belou")),
    }


def main() -> None:
    with connection.cursor() as cursor:
        for label, run in pages().items():
            with CaptureQueriesContext(connection) as captured:
                run()
            print(f"\n=== {label}: {len(captured)} queries")
            for query in captured:
                sql = query["sql"]
                if sql.startswith(("SAVEPOINT", "RELEASE", "EXPLAIN")):
                    print(f"\n-- (not shown) {sql[:120]}")
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
                took = next(line for line in plan if line.startswith("Execution Time"))
                print(f"\n-- {took}: {re.sub(r'SELECT .*? FROM', 'SELECT … FROM', sql)[:300]}")
                print("\n".join(plan))


if __name__ == "__main__":
    main()
