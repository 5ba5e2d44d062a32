"""Counting that stays cheap on big tables, for every list and admin changelist.

`COUNT(*)` over 500 000 claims or a million pairs is a scan: tens to hundreds of
milliseconds on every page view, for a number the reader only glances at. PostgreSQL
already keeps an estimate of each table's rows (`pg_class.reltuples`, refreshed by
autovacuum and ANALYZE) and its planner estimates any query's rows; above a threshold we
show those, marked as estimates ("about 512 000"), and below it the exact count.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Tables and result sets smaller than this are counted exactly: it costs little, and a
# small number should be right.
EXACT_UP_TO = 10_000


def is_whole_table(queryset: QuerySet) -> bool:
    query = queryset.query
    return not (query.where or query.distinct or query.is_sliced or query.combinator)


def table_count(queryset: QuerySet) -> tuple[int, bool]:
    """(rows, whether estimated) of the whole table behind `queryset`, in one query."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return queryset.model._default_manager.using(queryset.db).count(), False
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        # The exact count only runs (CASE evaluates lazily) when the estimate is small.
        cursor.execute(
            f"""SELECT CASE WHEN reltuples >= %s THEN reltuples::bigint
                            ELSE (SELECT count(*) FROM {table}) END,
                       reltuples >= %s
                FROM pg_class WHERE oid = %s::regclass""",
            [EXACT_UP_TO, EXACT_UP_TO, table],
        )
        rows, estimated = cursor.fetchone()
    return rows, estimated


def estimated_count(queryset: QuerySet) -> int:
    """How many rows `queryset` has: exact up to EXACT_UP_TO, estimated above that."""
    return count(queryset)[0]


def count(queryset: QuerySet) -> tuple[int, bool]:
    """(rows, whether estimated): one query, or two for a filtered list past the cap."""
    if is_whole_table(queryset):
        return table_count(queryset)
    capped = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if capped <= EXACT_UP_TO:
        return capped, False
    if connections[queryset.db].vendor != "postgresql":
        return queryset.count(), False
    plan = json.loads(queryset.order_by().explain(format="json"))
    return max(int(plan[0]["Plan"]["Plan Rows"]), capped), True


class LargeTablePaginator(Paginator):
    """A Paginator whose count is exact for small lists and estimated for big ones.

    `count_is_estimate` tells the template to say "about". An estimate may run a little
    past the real end (the last page comes out empty) or short of it (autovacuum has not
    caught up with new rows); both only concern the last pages of a very long list.
    """

    count_is_estimate = False

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        rows, self.count_is_estimate = count(self.object_list)
        return rows
