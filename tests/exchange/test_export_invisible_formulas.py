"""Issue 20, finding 10: a cell that starts with an invisible character (zero-width space,
byte-order mark, word joiner, a bidi mark) and then `=` still opens as a formula in some
spreadsheets, so the export must neutralise it as it does a bare `=`.

FOR THE LEAD: this is the failing test for the neutralisation gap in exchange/export.py,
which the lead fixes there (both writers, Python and COPY). It is marked xfail(strict=True):
when the fix lands it passes, strict xfail then fails the suite, and the mark comes off.
"""

import csv
import io

import pytest
from django.db import connection

from claims.models import ClaimRelation
from exchange.export import stream_pairs_csv
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

INVISIBLE_STARTS = ["\u200b", "\ufeff", "\u2060", "\u200e", "\u200f", "\u202a", "\u202e"]


@pytest.mark.xfail(strict=True, reason="the lead's fix in exchange/export.py (issue 20)")
@pytest.mark.parametrize("use_copy", [False, True], ids=["python", "copy"])
def test_a_formula_behind_an_invisible_character_is_neutralised(use_copy):
    if use_copy and connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    for mark in INVISIBLE_STARTS:
        ClaimRelation.objects.create(
            claim=ClaimFactory(text=f'{mark}=HYPERLINK("https://evil.example")'),
            counter=ClaimFactory(text="A plain answer."),
            kind="denies",
        )
    data = b"".join(stream_pairs_csv(base_url="https://claims.example.org", use_copy=use_copy))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(INVISIBLE_STARTS)
    assert all(row["claim_text"].startswith("'") for row in rows), [
        row["claim_text"][:3] for row in rows
    ]
