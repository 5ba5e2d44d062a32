"""How a value becomes a spreadsheet cell, and back: the one definition both CSV writers
(Python and PostgreSQL's COPY) and the import follow.

A text that a spreadsheet would run as a formula gets a leading `'`: one that starts with
`=`, `+`, `-`, `@`, a tab, a carriage return, a line feed or NUL, also behind characters
that show nothing (zero-width spaces, a byte-order mark, word joiners, direction marks),
which a spreadsheet skips before it looks. The import takes the `'` off again.
"""

import datetime

from django.db.models import Case, Expression, Func, TextField, Value, When
from django.db.models.functions import Cast, Concat, Left, NullIf
from django.db.models.lookups import Exact, In, IsNull

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
# Zero-width space, non-joiner and joiner, word joiner, byte-order mark; the direction
# marks, embeddings, overrides and isolates.
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def looks_like_formula(text: str) -> bool:
    return text.lstrip(INVISIBLE).startswith(FORMULA_STARTS)


def cell(value: str | None) -> str:
    """Text for a spreadsheet: a formula-like start gets a leading `'`."""
    if not value:
        return ""
    return "'" + value if looks_like_formula(value) else value


def uncell(value: str) -> str:
    """The text a cell written by `cell` stood for."""
    return value[1:] if value.startswith("'") and looks_like_formula(value[1:]) else value


def timestamp(value: datetime.datetime | None) -> str:
    """ISO 8601 in UTC to the second: `2024-10-16T14:45:00Z`."""
    if value is None:
        return ""
    # Written out by hand: strftime("%Y") does not pad years before 1000.
    value = value.astimezone(datetime.UTC)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}Z"
    )


def day(value: datetime.date | None) -> str:
    return value.isoformat() if value is not None else ""


def published(value: datetime.datetime | None, date_only: bool) -> str:
    """A source's publication (`Source.published`): `2024-10-16` when only the day is
    known, never an invented `T00:00:00Z`; else its `timestamp()`."""
    if value is None:
        return ""
    return day(value.astimezone(datetime.UTC).date()) if date_only else timestamp(value)


def flag(value: object) -> str:
    """`true` when there is a value, `false` when there is none."""
    return "false" if value is None else "true"


# --- The same rules in SQL, for PostgreSQL's COPY ---------------------------------------


def sql_cell(expression: Expression) -> Expression:
    """`cell()` in SQL. An empty text becomes NULL, which COPY writes as an empty,
    unquoted cell, as csv.writer writes "" (COPY would write an empty *string* as `""`).
    PostgreSQL text cannot hold NUL, so that start cannot arise."""
    visible = Func(expression, Value(INVISIBLE), function="ltrim", output_field=TextField())
    starts = [start for start in FORMULA_STARTS if start != "\0"]
    text = Cast(expression, TextField())
    return NullIf(
        Case(
            When(
                In(Left(visible, 1), starts),
                then=Concat(Value("'"), text, output_field=TextField()),
            ),
            default=text,
            output_field=TextField(),
        ),
        Value(""),
        output_field=TextField(),
    )


def _sql_utc(expression: Expression, pattern: str) -> Expression:
    """A moment written in UTC by `to_char`'s `pattern`."""
    return Func(
        expression,
        template=f"to_char(%(expressions)s AT TIME ZONE 'UTC', '{pattern}')",
        output_field=TextField(),
    )


def sql_timestamp(expression: Expression) -> Expression:
    """`timestamp()` in SQL."""
    return _sql_utc(expression, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')


def sql_flag(expression: Expression) -> Expression:
    """`flag()` in SQL."""
    return Case(
        When(IsNull(expression, True), then=Value("false")),
        default=Value("true"),
        output_field=TextField(),
    )


def sql_day(expression: Expression) -> Expression:
    """`day()` in SQL."""
    return Func(expression, Value("YYYY-MM-DD"), function="to_char", output_field=TextField())


def sql_published(expression: Expression, date_only: Expression) -> Expression:
    """`published()` in SQL."""
    return Case(
        When(Exact(date_only, True), then=_sql_utc(expression, "YYYY-MM-DD")),
        default=sql_timestamp(expression),
        output_field=TextField(),
    )
