"""CSV exports: claim pairs (one row per ClaimRelation) and claims (one row per Claim).

The column lists below are the single definition of both files: the header, the README's
"CSV export columns" tables (a test compares them) and the row builders all follow them.

Each file is one plain join: a claim's representative citation and its attribution chain
are stored (claims.derived), so a row reads its relation, both claims, their speakers and
their representative citations with source and outlet, and nothing is worked out per row.
Two ways to write the pairs file, byte for byte the same, from the same queryset:

- everywhere, a Python writer: `values_list().iterator()`, cells formatted by
  `exchange.cells`, written with `csv.writer`;
- on PostgreSQL, `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)` of that queryset with each
  column wrapped in the SQL form of the same cell rule, so Python only passes bytes along.

Cells (`exchange.cells`): a formula-like text gets a leading `'`; an empty value and a
missing one are both an empty, unquoted cell; timestamps are ISO 8601 in UTC to the second
(`2024-10-16T14:45:00Z`); dates are `YYYY-MM-DD`; rows are in id order, RFC 4180 quoting
(only where needed), `\\r\\n` line ends, UTF-8 with an optional byte-order mark.
"""

import csv
import datetime
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import psycopg
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Count, Expression, F, OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat

from claims.models import Citation, Claim, ClaimRelation
from exchange.cells import (
    cell,
    day,
    flag,
    published,
    sql_cell,
    sql_day,
    sql_flag,
    sql_published,
    sql_timestamp,
    timestamp,
)
from records.links import around_key

BOM = "\ufeff".encode()
CHUNK_SIZE = 2000
# Bytes gathered before handing a piece to the server: one write per row would cost a
# system call per row through gunicorn.
BLOCK_SIZE = 64 * 1024

# One side of a pair, and the body of a claims row. Names are suffixes: the pairs file
# prefixes them with `claim_` and `counter_`.
CLAIM_FIELDS: list[tuple[str, str]] = [
    ("id", "The claim's id."),
    ("url", "The claim's page in Claimtrail (absolute URL)."),
    ("text", "The statement, worded in its own language."),
    ("translation", "English translation; empty if none."),
    ("language", "BCP 47 language tag of the text (`id`, `en`, `ru`, `zh`…)."),
    ("kind", "`direct_quote` or `paraphrase`."),
    ("date", "The day it was stated, `YYYY-MM-DD`; empty if unknown."),
    ("speaker_id", "The speaker's id."),
    ("speaker_name", "The speaker's name."),
    ("speaker_description", "The speaker's role (“Minister of Defence of Russia”)."),
]
FIRST_CITATION_FIELDS: list[tuple[str, str]] = [
    ("source_title", "Title of the representative citation's source (see above)."),
    ("source_outlet", "The outlet that published that source."),
    ("source_url", "That source's URL; empty if unknown."),
    (
        "source_published_at",
        "When that source was published, ISO 8601 UTC; the day alone (`2024-10-16`) when"
        " the source gives no time.",
    ),
    ("quote", "The words as that source prints them."),
    (
        "verification",
        "Whether the quote was found in the source's text: `verified`, "
        "`verified_normalised`, `not_found` or `no_text`.",
    ),
    (
        "attribution_chain",
        "Who relays whom, that source's outlet then each hop, joined by “ ← ”: "
        "`Kontan ← Reuters ← Russian Ministry of Defence (Telegram)`.",
    ),
]
# Added after the first version's columns, so they come last, for each side.
LATER_CLAIM_FIELDS: list[tuple[str, str]] = [
    (
        "made_for",
        "The body the claim was made for: the speaker's own name, or the outermost body "
        "they spoke for on that day (Lin Jian → China's foreign ministry → China).",
    ),
    ("joint_speakers", "Who made the statement with the speaker, by name, joined by “; ”."),
    ("passages", "How many passages cite the claim, in all sources."),
    (
        "representative_pinned",
        "`true` when a researcher chose the representative citation, `false` for the default.",
    ),
]

PAIR_COLUMNS: list[tuple[str, str]] = [
    ("pair_id", "The relation's id."),
    (
        "relation_kind",
        "`denies`, `disputes`, `supports`, `qualifies`, `responds_to`, `restates` or `retracts`.",
    ),
    ("relation_note", "The researcher's note on the pair."),
    *[(f"claim_{name}", description) for name, description in CLAIM_FIELDS + FIRST_CITATION_FIELDS],
    *[
        (f"counter_{name}", f"As `claim_{name}`, for the counter-claim.")
        for name, _ in CLAIM_FIELDS + FIRST_CITATION_FIELDS
    ],
    ("created_at", "When the pair was recorded, ISO 8601 UTC (`2024-10-16T14:45:00Z`)."),
    ("updated_at", "When the pair was last changed, ISO 8601 UTC."),
    *[(f"claim_{name}", description) for name, description in LATER_CLAIM_FIELDS],
    *[
        (f"counter_{name}", f"As `claim_{name}`, for the counter-claim.")
        for name, _ in LATER_CLAIM_FIELDS
    ],
]

CLAIM_COLUMNS: list[tuple[str, str]] = [
    *CLAIM_FIELDS,
    ("topics", "The claim's topics, by name, joined by “; ”."),
    ("citations_count", "How many sources carry the claim."),
    *FIRST_CITATION_FIELDS,
    ("created_at", "When the claim was recorded, ISO 8601 UTC."),
    ("updated_at", "When the claim was last changed, ISO 8601 UTC."),
    *LATER_CLAIM_FIELDS,
]


def pair_header() -> list[str]:
    return [name for name, _ in PAIR_COLUMNS]


def claim_header() -> list[str]:
    return [name for name, _ in CLAIM_COLUMNS]


# --- What each column reads, and how it is written ---------------------------------


@dataclass(frozen=True)
class Field:
    """One column: the value it reads (a lookup from the exported model) and its kind."""

    lookup: str
    # "id", "url" (the lookup is the claim's id), "text", "date", "timestamp", "flag"
    # (true when the lookup has a value), or "published" (a source's `published_at`,
    # read with its `published_date_only`)
    kind: str

    @property
    def lookups(self) -> tuple[str, ...]:
        """What the Python writer reads for this column: one value, two for "published"."""
        if self.kind == "published":
            return (self.lookup, self.lookup.removesuffix("_at") + "_date_only")
        return (self.lookup,)


def _later_fields(prefix: str) -> list[Field]:
    """LATER_CLAIM_FIELDS, read through `prefix` as in `_claim_fields`."""
    return [
        Field(f"{prefix}made_for__name", "text"),
        Field(f"{prefix}joint_names", "text"),
        Field(f"{prefix}passage_count", "id"),
        Field(f"{prefix}pinned_citation_id", "flag"),
    ]


def _claim_fields(prefix: str) -> tuple[list[Field], list[Field]]:
    """A claim's columns (CLAIM_FIELDS, then FIRST_CITATION_FIELDS) as read through
    `prefix` ("" for a claim itself, "claim__" or "counter__" for a side of a pair)."""
    shown = f"{prefix}representative__"
    return [
        Field(f"{prefix}pk" if prefix else "pk", "id"),
        Field(f"{prefix}pk" if prefix else "pk", "url"),
        Field(f"{prefix}text", "text"),
        Field(f"{prefix}translation", "text"),
        Field(f"{prefix}language", "text"),
        Field(f"{prefix}kind", "text"),
        Field(f"{prefix}stated_on", "date"),
        Field(f"{prefix}speaker_id", "id"),
        Field(f"{prefix}speaker__name", "text"),
        Field(f"{prefix}speaker__description", "text"),
    ], [
        Field(f"{shown}source__title", "text"),
        Field(f"{shown}source__outlet__name", "text"),
        Field(f"{shown}source__url", "text"),
        Field(f"{shown}source__published_at", "published"),
        Field(f"{shown}quote", "text"),
        Field(f"{shown}verification", "text"),
        Field(f"{shown}attribution_chain", "text"),
    ]


def _pair_fields() -> list[Field]:
    claim, claim_cited = _claim_fields("claim__")
    counter, counter_cited = _claim_fields("counter__")
    return [
        Field("pk", "id"),
        Field("kind", "text"),
        Field("note", "text"),
        *claim,
        *claim_cited,
        *counter,
        *counter_cited,
        Field("created_at", "timestamp"),
        Field("updated_at", "timestamp"),
        *_later_fields("claim__"),
        *_later_fields("counter__"),
    ]


def _claims_fields() -> list[Field]:
    claim, cited = _claim_fields("")
    return [
        *claim,
        Field("topic_names", "text"),  # filled in per chunk: `_topic_names`
        Field("citations_count", "id"),
        *cited,
        Field("created_at", "timestamp"),
        Field("updated_at", "timestamp"),
        *_later_fields(""),
    ]


PAIR_FIELDS = _pair_fields()
CLAIMS_FIELDS = _claims_fields()


class ClaimURL:
    """Absolute claim URLs: the claim page's address around the id, looked up once."""

    def __init__(self, base_url: str) -> None:
        before, self.suffix = around_key("claims:claim-detail")
        self.prefix = cell(base_url.rstrip("/") + before)

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{pk}{self.suffix}"

    def sql(self, pk: Expression) -> Expression:
        return Concat(
            Value(self.prefix), Cast(pk, TextField()), Value(self.suffix), output_field=TextField()
        )


def _formatter(kind: str, url: ClaimURL) -> Callable:
    return {
        "id": str,
        "url": url,
        "text": cell,
        "date": day,
        "timestamp": timestamp,
        "flag": flag,
        "published": published,
    }[kind]


def _sql_formatted(field: Field, url: ClaimURL) -> Expression:
    value = F(field.lookup)
    return {
        "id": lambda: value,
        "url": lambda: url.sql(value),
        "text": lambda: sql_cell(value),
        "date": lambda: sql_day(value),
        "timestamp": lambda: sql_timestamp(value),
        "flag": lambda: sql_flag(value),
        "published": lambda: sql_published(value, F(field.lookups[1])),
    }[field.kind]()


# --- Public API -----------------------------------------------------------------------


def stream_pairs_csv(
    pairs: "QuerySet[ClaimRelation] | None" = None,
    *,
    bom: bool = True,
    base_url: str = "",
    use_copy: bool | None = None,
) -> Iterator[bytes]:
    """The claim-pairs CSV for `pairs` (all relations by default), as blocks of bytes.

    `base_url` ("https://claims.example.org") makes the claim URLs absolute. `use_copy`
    chooses PostgreSQL's COPY (the default on PostgreSQL) or the Python writer (the
    default elsewhere, and available on PostgreSQL too).
    """
    if pairs is None:
        pairs = ClaimRelation.objects.all()
    if use_copy is None:
        use_copy = connection.vendor == "postgresql"
    url = ClaimURL(base_url)
    head = (BOM if bom else b"") + _header_bytes(pair_header())
    if not use_copy:
        return _blocks(head, _write_pairs(pairs, url))
    try:
        select = pairs_select_sql(pairs, url)
    except EmptyResultSet:  # `.none()`, or a filter such as `pk__in=[]`: no SQL, no rows
        return _blocks(head, ())
    return _blocks(head, _copy(select))


def stream_claims_csv(
    claims: "QuerySet[Claim] | None" = None, *, bom: bool = True, base_url: str = ""
) -> Iterator[bytes]:
    """The claims CSV for `claims` (all claims by default), as blocks of bytes."""
    if claims is None:
        claims = Claim.objects.all()
    head = (BOM if bom else b"") + _header_bytes(claim_header())
    return _blocks(head, _write_claims(claims, ClaimURL(base_url)))


def pairs_filename(today: datetime.date) -> str:
    return f"claimtrail-pairs-{today.isoformat()}.csv"


def claims_filename(today: datetime.date) -> str:
    return f"claimtrail-claims-{today.isoformat()}.csv"


# --- Shared plumbing ------------------------------------------------------------------


def _header_bytes(names: list[str]) -> bytes:
    return (",".join(names) + "\r\n").encode()


def _blocks(head: bytes, pieces: Iterable[bytes]) -> Iterator[bytes]:
    """Gather pieces into blocks of about BLOCK_SIZE bytes."""
    block, size = [head], len(head)
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size >= BLOCK_SIZE:
            yield b"".join(block)
            block, size = [], 0
    if block:
        yield b"".join(block)


def _exported(queryset: QuerySet) -> QuerySet:
    """The same rows, once each, in id order. A queryset without conditions is the whole
    table; any other is applied as `pk IN (…)`."""
    model = queryset.model
    if not queryset.query.where:
        return model._default_manager.order_by("pk")
    return model._default_manager.filter(pk__in=queryset.order_by().values("pk")).order_by("pk")


def _chunks(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _csv_lines(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode()


# --- Python writers -------------------------------------------------------------------


def _row_writer(fields: list[Field], url: ClaimURL) -> Callable[[tuple], list[str]]:
    """The cells of one row of values read by `Field.lookups`, in the fields' order."""
    formats = [_formatter(field.kind, url) for field in fields]
    spans, at = [], 0
    for field in fields:
        spans.append((at, at + len(field.lookups)))
        at += len(field.lookups)
    return lambda row: [
        format(*row[start:end]) for format, (start, end) in zip(formats, spans, strict=True)
    ]


def _lookups(fields: list[Field]) -> list[str]:
    return [lookup for field in fields for lookup in field.lookups]


def _write_pairs(pairs: QuerySet, url: ClaimURL) -> Iterator[bytes]:
    write = _row_writer(PAIR_FIELDS, url)
    rows = _exported(pairs).values_list(*_lookups(PAIR_FIELDS))
    for chunk in _chunks(rows.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        yield _csv_lines([write(row) for row in chunk])


def _citations_count() -> Expression:
    counted = (
        Citation.objects.filter(claim=OuterRef("pk"))
        .order_by()
        .values("claim")
        .annotate(total=Count("source", distinct=True))
        .values("total")
    )
    return Coalesce(Subquery(counted), 0)


def _id_batches(ids: list[int]) -> Iterator[list[int]]:
    size = connection.features.max_query_params or len(ids) or 1
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _topic_names(claim_ids: list[int]) -> dict[int, str]:
    names: dict[int, list[str]] = defaultdict(list)
    through = Claim.topics.through
    for batch in _id_batches(claim_ids):
        for claim_id, name in (
            through.objects.filter(claim_id__in=batch)
            .order_by("claim_id", "topic__name", "topic_id")
            .values_list("claim_id", "topic__name")
        ):
            names[claim_id].append(name)
    return {claim_id: "; ".join(topics) for claim_id, topics in names.items()}


def _write_claims(claims: QuerySet, url: ClaimURL) -> Iterator[bytes]:
    write = _row_writer(CLAIMS_FIELDS, url)
    lookups = _lookups(CLAIMS_FIELDS)
    topics_at = lookups.index("topic_names")
    rows = (
        _exported(claims)
        .annotate(citations_count=_citations_count())
        .values_list(*[lookup for lookup in lookups if lookup != "topic_names"])
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for chunk in _chunks(rows, CHUNK_SIZE):
        topics = _topic_names([row[0] for row in chunk])
        yield _csv_lines(
            [write((*row[:topics_at], topics.get(row[0], ""), *row[topics_at:])) for row in chunk]
        )


# --- Pairs: PostgreSQL COPY -----------------------------------------------------------


def pairs_select_sql(pairs: QuerySet, url: ClaimURL) -> tuple[str, list]:
    """The SELECT whose CSV rendering by COPY is the pairs file's body: the Python
    writer's queryset with every column written by the SQL form of its cell rule."""
    columns = {f"c{number}": _sql_formatted(field, url) for number, field in enumerate(PAIR_FIELDS)}
    exported = _exported(pairs).annotate(**columns).values_list(*columns)
    return exported.query.sql_with_params()


def _copy(select: tuple[str, list]) -> Iterator[bytes]:
    sql, params = select
    connection.ensure_connection()
    # Bound client-side: COPY takes no server-side parameters.
    statement = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
    copy_sql = f"COPY ({statement}) TO STDOUT WITH (FORMAT csv)"
    with transaction.atomic(), connection.cursor() as cursor:
        # The long list of expressions would have the JIT compile for seconds before the
        # first row, for a query that spends its time on index look-ups.
        cursor.execute("SET LOCAL jit = off")
        with cursor.cursor.copy(copy_sql) as copy:
            yield from _crlf_rows(copy)


def _crlf_rows(rows: Iterable) -> Iterator[bytes]:
    """COPY ends rows with LF; RFC 4180 (and csv.writer) with CRLF.

    PostgreSQL sends exactly one CopyData message per row ("always one per row", in the
    protocol's description of copy-out mode), so each block is one row, and only its last
    LF ends it: any other LF lies inside a quoted cell and stays as it is.
    """
    for row in rows:
        if row[-1:] != b"\n":
            raise RuntimeError("COPY sent a block that is not one whole row.")
        yield bytes(row[:-1]) + b"\r\n"
