"""CSV exports: claim pairs (one row per ClaimRelation) and claims (one row per Claim).

The column lists below are the single definition of both files: the header, the README's
"CSV export columns" tables (a test compares them) and the row builders all follow them.

Two ways to write the pairs file, byte for byte the same:

- everywhere, a Python writer: rows in chunks from `values_list().iterator()`, each chunk's
  citations fetched in one query, written with `csv.writer`;
- on PostgreSQL, `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`, with the cell formatting,
  formula neutralisation, first citation and attribution chain all computed in SQL, so
  Python only passes bytes along.

Cell rules shared by both: text that starts with `=`, `+`, `-`, `@`, tab, CR, LF or NUL gets
a leading `'` so that spreadsheets do not run it as a formula; an empty value and a missing
one are both an empty, unquoted cell; timestamps are ISO 8601 in UTC to the second
(`2024-10-16T14:45:00Z`); dates are `YYYY-MM-DD`; rows are in id order, RFC 4180 quoting
(only where needed), `\\r\\n` line ends, UTF-8 with an optional byte-order mark.
"""

import csv
import datetime
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator

import psycopg
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet
from django.urls import reverse

from claims.models import Citation, Claim, ClaimRelation

BOM = "\ufeff".encode()
CHUNK_SIZE = 2000
# Bytes gathered before handing a piece to the server: one write per row would cost a
# system call per row through gunicorn.
BLOCK_SIZE = 64 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
CHAIN_SEPARATOR = " ← "

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
    ("source_title", "Title of the first citation's source (see above)."),
    ("source_outlet", "The outlet that published that source."),
    ("source_url", "That source's URL; empty if unknown."),
    ("source_published_at", "When that source was published, ISO 8601 UTC."),
    ("quote", "The words as that source prints them."),
    (
        "verification",
        "Whether the quote was found in the source's text: `verified`, "
        "`verified_normalised`, `not_found` or `no_text`.",
    ),
    (
        "attribution_chain",
        "Who relays whom, outlets joined by “ ← ”: "
        "`Kontan ← Reuters ← Russian Ministry of Defence (Telegram)`.",
    ),
]

PAIR_COLUMNS: list[tuple[str, str]] = [
    ("pair_id", "The relation's id."),
    ("relation_kind", "`denies`, `disputes`, `supports`, `qualifies` or `responds_to`."),
    ("relation_note", "The researcher's note on the pair."),
    *[(f"claim_{name}", description) for name, description in CLAIM_FIELDS + FIRST_CITATION_FIELDS],
    *[
        (f"counter_{name}", f"As `claim_{name}`, for the counter-claim.")
        for name, _ in CLAIM_FIELDS + FIRST_CITATION_FIELDS
    ],
    ("created_at", "When the pair was recorded, ISO 8601 UTC (`2024-10-16T14:45:00Z`)."),
    ("updated_at", "When the pair was last changed, ISO 8601 UTC."),
]

CLAIM_COLUMNS: list[tuple[str, str]] = [
    *CLAIM_FIELDS,
    ("topics", "The claim's topics, by name, joined by “; ”."),
    ("citations_count", "How many sources carry the claim."),
    *FIRST_CITATION_FIELDS,
    ("created_at", "When the claim was recorded, ISO 8601 UTC."),
    ("updated_at", "When the claim was last changed, ISO 8601 UTC."),
]


def pair_header() -> list[str]:
    return [name for name, _ in PAIR_COLUMNS]


def claim_header() -> list[str]:
    return [name for name, _ in CLAIM_COLUMNS]


# --- Cell formatting (the SQL below mirrors each of these) ---------------------------


def cell(value: str | None) -> str:
    """Text for a spreadsheet: a formula-like start gets a leading `'`."""
    if not value:
        return ""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def timestamp(value: datetime.datetime | None) -> str:
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


class ClaimURLs:
    """Absolute claim URLs without a `reverse()` per row: the reversed path around the id."""

    MARKER = 987654321

    def __init__(self, base_url: str) -> None:
        path = reverse("claims:claim-detail", args=[self.MARKER])
        before, after = path.split(str(self.MARKER))
        self.prefix = cell(base_url.rstrip("/") + before)
        self.suffix = after

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{pk}{self.suffix}"


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
    urls = ClaimURLs(base_url)
    head = (BOM if bom else b"") + _header_bytes(pair_header())
    rows = _copy_pairs(pairs, urls) if use_copy else _write_pairs(pairs, urls)
    return _blocks(head, rows)


def stream_claims_csv(
    claims: "QuerySet[Claim] | None" = None, *, bom: bool = True, base_url: str = ""
) -> Iterator[bytes]:
    """The claims CSV for `claims` (all claims by default), as blocks of bytes."""
    if claims is None:
        claims = Claim.objects.all()
    urls = ClaimURLs(base_url)
    head = (BOM if bom else b"") + _header_bytes(claim_header())
    return _blocks(head, _write_claims(claims, urls))


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


def _narrowed(queryset: QuerySet) -> QuerySet:
    """The same rows, once each, in id order, ready for `values_list()`.

    A queryset without conditions is the whole table; any other is applied as
    `pk IN (…)`, exactly as the COPY path applies it.
    """
    model = queryset.model
    if not queryset.query.where:
        return model.objects.order_by("pk")
    return model.objects.filter(pk__in=queryset.order_by().values("pk")).order_by("pk")


def _id_batches(ids: list[int]) -> Iterator[list[int]]:
    size = connection.features.max_query_params or len(ids) or 1
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _first_citations(claim_ids: list[int]) -> dict[int, tuple[list[str], int]]:
    """For each claim: its first citation's cells and its number of citations.

    One query per batch of claims; the chain is walked over the claim's own citations,
    exactly as `Citation.chain()` walks it.
    """
    by_claim: dict[int, list[tuple]] = defaultdict(list)
    for batch in _id_batches(claim_ids):
        for row in Citation.objects.filter(claim_id__in=batch).values_list(
            "pk",
            "claim_id",
            "via_id",
            "source__title",
            "source__outlet__name",
            "source__url",
            "source__published_at",
            "quote",
            "verification",
        ):
            by_claim[row[1]].append(row)
    found = {}
    for claim_id, citations in by_claim.items():
        first = min(citations, key=lambda row: (row[6] is None, row[6] or _EPOCH, row[0]))
        siblings = {row[0]: row for row in citations}
        chain, seen, current = [], set(), first
        while current is not None and current[0] not in seen:
            chain.append(current[4])
            seen.add(current[0])
            current = siblings.get(current[2]) if current[2] is not None else None
        cells = [
            cell(first[3]),
            cell(first[4]),
            cell(first[5]),
            timestamp(first[6]),
            cell(first[7]),
            cell(first[8]),
            cell(CHAIN_SEPARATOR.join(chain)),
        ]
        found[claim_id] = (cells, len(citations))
    return found


_EPOCH = datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)
_NO_CITATION = ([""] * len(FIRST_CITATION_FIELDS), 0)


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


# --- Pairs: Python writer -------------------------------------------------------------

_SIDE_VALUES = (
    "_id",
    "__text",
    "__translation",
    "__language",
    "__kind",
    "__stated_on",
    "__speaker_id",
    "__speaker__name",
    "__speaker__description",
)


def _side_cells(values: tuple, urls: ClaimURLs) -> list[str]:
    pk, text, translation, language, kind, stated_on, speaker_id, name, description = values
    return [
        str(pk),
        urls(pk),
        cell(text),
        cell(translation),
        cell(language),
        cell(kind),
        day(stated_on),
        str(speaker_id),
        cell(name),
        cell(description),
    ]


def _write_pairs(pairs: QuerySet, urls: ClaimURLs) -> Iterator[bytes]:
    fields = [
        "pk",
        "kind",
        "note",
        "created_at",
        "updated_at",
        *[f"claim{suffix}" for suffix in _SIDE_VALUES],
        *[f"counter{suffix}" for suffix in _SIDE_VALUES],
    ]
    side = len(_SIDE_VALUES)
    rows = _narrowed(pairs).values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
    for chunk in _chunks(rows, CHUNK_SIZE):
        citations = _first_citations(
            sorted({row[5] for row in chunk} | {row[5 + side] for row in chunk})
        )
        lines = []
        for row in chunk:
            claim, counter = row[5 : 5 + side], row[5 + side :]
            lines.append(
                [
                    str(row[0]),
                    cell(row[1]),
                    cell(row[2]),
                    *_side_cells(claim, urls),
                    *citations.get(claim[0], _NO_CITATION)[0],
                    *_side_cells(counter, urls),
                    *citations.get(counter[0], _NO_CITATION)[0],
                    timestamp(row[3]),
                    timestamp(row[4]),
                ]
            )
        yield _csv_lines(lines)


# --- Claims: Python writer ------------------------------------------------------------


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


def _write_claims(claims: QuerySet, urls: ClaimURLs) -> Iterator[bytes]:
    fields = [
        "pk",
        "text",
        "translation",
        "language",
        "kind",
        "stated_on",
        "speaker_id",
        "speaker__name",
        "speaker__description",
        "created_at",
        "updated_at",
    ]
    rows = _narrowed(claims).values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
    for chunk in _chunks(rows, CHUNK_SIZE):
        ids = [row[0] for row in chunk]
        citations = _first_citations(ids)
        topics = _topic_names(ids)
        lines = []
        for row in chunk:
            first, count = citations.get(row[0], _NO_CITATION)
            lines.append(
                [
                    *_side_cells(row[:9], urls),
                    cell(topics.get(row[0], "")),
                    str(count),
                    *first,
                    timestamp(row[9]),
                    timestamp(row[10]),
                ]
            )
        yield _csv_lines(lines)


# --- Pairs: PostgreSQL COPY -----------------------------------------------------------


def _sql_cell(expression: str) -> str:
    """SQL for `cell()`: neutralise a formula-like start; an empty text is NULL, which
    COPY writes as an empty unquoted cell, as csv.writer writes "" (COPY would write an
    empty *string* as `""`). PostgreSQL text cannot hold NUL, so that case cannot arise."""
    return (
        f"NULLIF(CASE WHEN left({expression}, 1) IN ('=', '+', '-', '@', chr(9), chr(13), chr(10))"
        f" THEN '''' || {expression} ELSE {expression} END, '')"
    )


def _sql_timestamp(expression: str) -> str:
    return f"""to_char({expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""


def _sql_side(alias: str) -> str:
    """The claim or counter columns of one pair: `alias` is c1 or c2."""
    speaker, first = f"{alias}s", f"{alias}f"
    return f"""
        {alias}.id,
        %s || {alias}.id || %s,
        {_sql_cell(f"{alias}.text")},
        {_sql_cell(f"{alias}.translation")},
        {_sql_cell(f"{alias}.language")},
        {_sql_cell(f"{alias}.kind")},
        to_char({alias}.stated_on, 'YYYY-MM-DD'),
        {speaker}.id,
        {_sql_cell(f"{speaker}.name")},
        {_sql_cell(f"{speaker}.description")},
        {_sql_cell(f"{first}.title")},
        {_sql_cell(f"{first}.outlet")},
        {_sql_cell(f"{first}.url")},
        {_sql_timestamp(f"{first}.published_at")},
        {_sql_cell(f"{first}.quote")},
        {_sql_cell(f"{first}.verification")},
        {_sql_cell(f"{first}.chain")}"""


def _sql_side_joins(alias: str, column: str) -> str:
    """The claim, its speaker, and its first citation with the attribution chain.

    The first citation is the earliest published (undated last), then the lowest id, as
    `Citation.appearance_order`; the chain follows `via` within the claim's own citations
    and stops at a citation already on it, as `Citation.chain()` does.
    """
    speaker, first = f"{alias}s", f"{alias}f"
    return f"""
    JOIN claims_claim {alias} ON {alias}.id = r.{column}
    JOIN claims_speaker {speaker} ON {speaker}.id = {alias}.speaker_id
    LEFT JOIN LATERAL (
        SELECT fc.title, fc.outlet, fc.url, fc.published_at, fc.quote, fc.verification,
            CASE WHEN fc.via_id IS NULL THEN fc.outlet ELSE (
                WITH RECURSIVE chain (id, via_id, depth, outlet, path) AS (
                    SELECT fc.id, fc.via_id, 1, fc.outlet::text, ARRAY[fc.id]
                    UNION ALL
                    SELECT c.id, c.via_id, chain.depth + 1, o.name::text, chain.path || c.id
                    FROM chain
                    JOIN claims_citation c ON c.id = chain.via_id AND c.claim_id = {alias}.id
                    JOIN sources_source s ON s.id = c.source_id
                    JOIN sources_outlet o ON o.id = s.outlet_id
                    WHERE c.id <> ALL (chain.path)
                )
                SELECT string_agg(chain.outlet, '{CHAIN_SEPARATOR}' ORDER BY chain.depth)
                FROM chain
            ) END AS chain
        FROM (
            SELECT c.id, c.via_id, c.quote, c.verification, s.title, s.url,
                s.published_at, o.name AS outlet
            FROM claims_citation c
            JOIN sources_source s ON s.id = c.source_id
            JOIN sources_outlet o ON o.id = s.outlet_id
            WHERE c.claim_id = {alias}.id
            ORDER BY s.published_at ASC NULLS LAST, c.id ASC
            LIMIT 1
        ) fc
    ) {first} ON true"""


def pairs_select_sql(pairs: QuerySet, urls: ClaimURLs) -> tuple[str, list]:
    """The SELECT whose CSV rendering by COPY is the pairs file's body."""
    params: list = [urls.prefix, urls.suffix, urls.prefix, urls.suffix]
    where = ""
    if pairs.query.where:
        try:
            subquery, subparams = pairs.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # `.none()`, or a filter such as `pk__in=[]`
            subquery, subparams = "SELECT NULL::bigint WHERE false", []
        where = f"WHERE id IN ({subquery})"
        params.extend(subparams)  # after the URL parts: the SELECT list comes first
    # OFFSET 0 keeps the planner from flattening the ordered relations into the joins: it
    # then sorts only these narrow rows and joins each to its claims by index, in order,
    # so rows leave at once instead of after a sort of the whole wide result.
    sql = f"""
    SELECT
        r.id,
        {_sql_cell("r.kind")},
        {_sql_cell("r.note")},
        {_sql_side("c1")},
        {_sql_side("c2")},
        {_sql_timestamp("r.created_at")},
        {_sql_timestamp("r.updated_at")}
    FROM (
        SELECT * FROM claims_claimrelation {where} ORDER BY id OFFSET 0
    ) r
    {_sql_side_joins("c1", "claim_id")}
    {_sql_side_joins("c2", "counter_id")}
    ORDER BY r.id"""
    return sql, params


def _copy_pairs(pairs: QuerySet, urls: ClaimURLs) -> Iterator[bytes]:
    select, params = pairs_select_sql(pairs, urls)
    connection.ensure_connection()
    # Bound client-side: COPY takes no server-side parameters.
    statement = psycopg.ClientCursor(connection.connection).mogrify(select, params)
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
