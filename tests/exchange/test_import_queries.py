"""An import's work per chunk is a fixed number of statements, whatever the chunk holds:
each kind of record is looked up in one query and created in one insert (a COPY on
PostgreSQL) for the whole chunk. A statement that creeps in for each row, or for each
record, shows here as the count growing with the rows."""

import io

import pytest
from django.db import connection, transaction

import exchange.bulk
import exchange.imports
from exchange.imports import PairImporter, read_rows
from tests.exchange.test_import import csv_bytes, row

pytestmark = pytest.mark.django_db

# Statements (COPY included) for one chunk of rows that each create every kind of record:
# speakers, outlets, sources, claims, citations with their hops, and the pair. (Each new
# claim here is cited once, so what represents it needs no query; a chunk with claims
# cited several times asks two more on PostgreSQL, whatever their number.)
PER_CHUNK = {"postgresql": 23, "sqlite": 17}


def new_rows(count: int, tag: str) -> bytes:
    return csv_bytes(
        [
            row(
                claim_text=f"Claim {tag} {n}.",
                claim_speaker_name=f"Speaker {tag} {n}",
                claim_source_title=f"Statement {tag} {n}",
                claim_source_outlet=f"Outlet {tag} {n}",
                claim_source_url=f"https://example.com/{tag}/{n}",
                claim_attribution_chain=f"Outlet {tag} {n} ← Wire {tag} {n}",
                counter_text=f"Counter {tag} {n}.",
                counter_speaker_name=f"Other {tag} {n}",
                counter_source_title=f"Reply {tag} {n}",
                counter_source_outlet=f"Paper {tag} {n}",
            )
            for n in range(count)
        ]
    )


def statements(data: bytes, user) -> int:
    """Statements the apply of `data` sends once its importer is made: each one through
    the connection (the import clears Django's query log every chunk), and each COPY."""
    sent = []
    copy = exchange.bulk._copy

    def counted(cursor, table, *args):
        sent.append(f"COPY {table}")
        return copy(cursor, table, *args)

    def executing(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with transaction.atomic():
        importer = PairImporter(apply=True, user=user)
        exchange.bulk._copy = counted
        try:
            with connection.execute_wrapper(executing):
                importer.run_all(read_rows(io.BytesIO(data)))
        finally:
            exchange.bulk._copy = copy
    return len(sent)


def test_a_chunk_of_the_apply_costs_the_same_statements_whatever_its_rows(researcher, monkeypatch):
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 10)
    one_row = statements(new_rows(1, "a"), researcher)
    one_chunk = statements(new_rows(10, "b"), researcher)
    three_chunks = statements(new_rows(30, "c"), researcher)
    assert one_row == one_chunk == PER_CHUNK[connection.vendor]
    assert three_chunks == 3 * one_chunk
