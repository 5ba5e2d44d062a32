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

# Tables smaller than this are counted exactly: it costs little, and a small number
# should be right.
EXACT_UP_TO = 10_000
# A filtered list (a search, a filter) is counted exactly this far: the count stops
# reading there, and past it shows the planner's estimate. A result set has no kept
# estimate to read, and counting 16 000 matching pairs of a million costs a second.
RESULT_EXACT_UP_TO = 1_000
# From this row on, a page first finds its rows' ids alone (an index-only walk of the
# list's order), then loads those rows with their joins: OFFSET 100 000 with the joins
# costs 1.5 s, the ids alone a few milliseconds.
DEFERRED_JOIN_FROM = 1_000


def loads_ids_only(queryset: QuerySet) -> bool:
    """`values_list("pk", flat=True)`: its pages are already the cheap walk for ids that a
    deferred join would make first, so they need no second query."""
    return queryset.query.values_select in (("pk",), (queryset.model._meta.pk.name,))


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
    """(rows, whether estimated): one query; two for a filtered list past the cap."""
    if is_whole_table(queryset):
        return table_count(queryset)
    capped = queryset.order_by()[: RESULT_EXACT_UP_TO + 1].count()
    if capped <= RESULT_EXACT_UP_TO:
        return capped, False
    if connections[queryset.db].vendor != "postgresql":
        return queryset.count(), False
    plan = json.loads(queryset.order_by().explain(format="json"))
    return max(int(plan[0]["Plan"]["Plan Rows"]), capped), True


class LargeTablePaginator(Paginator):
    """A Paginator whose count is exact for small lists and estimated for big ones.

    `count_is_estimate` tells the template to say "about". Deep pages load their rows
    by id (see DEFERRED_JOIN_FROM), which takes one query more. An estimate may run a little
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

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if (
            bottom < DEFERRED_JOIN_FROM
            or not isinstance(self.object_list, QuerySet)
            or loads_ids_only(self.object_list)
        ):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def query_without_page(request) -> str:
    """The current filters as a query string, for links that keep them (export, pages)."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
