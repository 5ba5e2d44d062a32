"""The pieces of search that sources and claims share.

On PostgreSQL, sources and claims carry a `search_vector` tsvector column and speakers a
`search_text` column that the models do not declare: migrations add them, with their GIN
indexes, and triggers keep them current (`sources/migrations/0002_search.py`,
`claims/migrations/0004_search.py`). Why not model fields:

- The values come from `unaccent`, which PostgreSQL does not call IMMUTABLE, so neither a
  generated column nor a plain expression index can hold them; and an expression index
  lets the planner decide, after ANALYZE, to recompute the vector for every row (the
  issue measured 2.6 ms becoming 239 ms). A stored column cannot be recomputed, only read.
- A trigger sees every write — `save()`, `QuerySet.update()`, `bulk_create()`, COPY, psql —
  where code in `save()` would miss all but the first. A claim's vector also depends on
  its citations' quotes and its speaker's names, which only triggers on those tables can
  follow.
- As model fields they would be read with every claim a page loads, copied into the
  history tables, and exist on SQLite without meaning anything there.

The QuerySets reach the columns through `StoredColumn`, which resolves to the same kind
of column reference Django builds for its own fields, so the filter keeps working when
Django aliases the table inside a subquery (the pairs page filters pairs by a claims
subquery).

On SQLite, search is a substring match, word by word, on text folded by the one
`records.text.fold` (case, accents and spacing aside), registered as the SQL function
`claimtrail_fold` on every connection. It finds what it contains, ranks nothing and forgives no typos.
"""

import re
import unicodedata

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db.models import Expression, Func, TextField
from django.db.models.expressions import Col

from records.text import CJK, CJK_OR_RUN, fold

# The text search configuration the migrations create: PostgreSQL's `simple` (no stemming,
# no stop words — right for Indonesian, Russian and Chinese alike) behind `unaccent`.
CONFIG = "claimtrail_search"

# Han characters and kana (`records.text.CJK`): each is indexed as a word of its own
# (`claimtrail_search_text()` in the migration) and a query looks for them side by side
# (`<->`), as `CJK_OR_RUN` splits them.
WORD = re.compile(r"[^\W_]+")

WORD_SIMILARITY_THRESHOLD = 0.5

# A prefix search on a word shorter than this would match too much to help.
MIN_PREFIX = 3


# Nobody searches with a paragraph; a pasted one (or a hostile one) would build a query
# SQLite refuses ("LIKE pattern too complex") or one filter per word, without end.
MAX_QUERY_WORDS = 12
MAX_QUERY_CHARS = 200


def clean_query(query: str) -> str:
    """What a user typed, without what no database column holds (NUL) or needs (edges),
    cut to a search's length."""
    words = query.replace("\x00", "").split()[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_CHARS].strip()


def tsquery_text(query: str) -> str:
    """`query` as `to_tsquery` input: every word must match, the last one also as a prefix
    (the list searches as the user types). Only letters and digits pass, so nothing the
    user types can be read as tsquery syntax."""
    terms = []
    words = WORD.findall(unicodedata.normalize("NFC", query))
    for index, word in enumerate(words):
        pieces = CJK_OR_RUN.findall(word)
        last = pieces[-1]
        if index == len(words) - 1 and len(last) >= MIN_PREFIX and not re.match(f"[{CJK}]", last):
            pieces[-1] = f"{last}:*"
        terms.append(pieces[0] if len(pieces) == 1 else "(" + " <-> ".join(pieces) + ")")
    return " & ".join(terms)


class StoredColumn(Expression):
    """A column of the queried table that the model does not declare (see above)."""

    def __init__(self, column: str, output_field) -> None:
        super().__init__(output_field=output_field)
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        target = TextField()
        target.set_attributes_from_name(self.column)
        return Col(query.get_initial_alias(), target, self.output_field)


def text_search(column: str, query: str) -> tuple[Expression, Expression]:
    """(`column` matches `query`, its relevance) for a tsvector column, PostgreSQL only."""
    vector = StoredColumn(column, SearchVectorField())
    # Raw: `tsquery_text` has written the query already, and lets no syntax through.
    tsquery = SearchQuery(tsquery_text(query), config=CONFIG, search_type="raw")
    return SearchVectorExact(vector, tsquery), SearchRank(vector, tsquery)


class Fold(Func):
    """`fold()` in SQL, SQLite only."""

    function = "claimtrail_fold"
    output_field = TextField()


def on_connection_created(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("claimtrail_fold", 1, fold, deterministic=True)
    elif connection.vendor == "postgresql":
        # pg_trgm's default (0.6) misses one dropped letter in a short name: "Belusov" is
        # 0.55 like "Andrei Belousov". The operator `<%` reads this setting, so the
        # trigram index still serves the looser match.
        connection.connection.execute(
            f"SET pg_trgm.word_similarity_threshold = {WORD_SIMILARITY_THRESHOLD}"
        )
