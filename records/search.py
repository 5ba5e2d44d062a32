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

On SQLite, search is a substring match, word by word, on text folded by `fold()` (lower
case, accents and other marks removed), registered as the SQL function `claimtrail_fold`
on every connection. It finds what it contains, ranks nothing and forgives no typos.
"""

import re
import unicodedata

from django.db.models import BooleanField, Expression, FloatField, Func, TextField, Value
from django.db.models.expressions import Col

# The text search configuration the migrations create: PostgreSQL's `simple` (no stemming,
# no stop words — right for Indonesian, Russian and Chinese alike) behind `unaccent`.
CONFIG = "claimtrail_search"

# Han characters and kana: the text has no spaces between words, so each character is
# indexed as a word of its own (`claimtrail_search_text()` in the migration) and a query
# looks for them side by side (`<->`).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_OR_RUN = re.compile(f"[{CJK}]|[^{CJK}]+")
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


def fold(text: str | None) -> str:
    """Lower case without accents: "Bélousov" and "BELOUSOV" both become "belousov"."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


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


def like_escape(query: str) -> str:
    """`query` with LIKE's wildcards (and its escape character) escaped."""
    return query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class StoredColumn(Expression):
    """A column of the queried table that the model does not declare (see above)."""

    def __init__(self, column: str, output_field) -> None:
        super().__init__(output_field=output_field)
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        target = TextField()
        target.set_attributes_from_name(self.column)
        return Col(query.get_initial_alias(), target, self.output_field)


class Template(Expression):
    """SQL written around expressions `{0}`, `{1}`…, each of which may appear more than
    once (Func cannot repeat an argument). A `%` meant for SQL is written `%%`."""

    def __init__(self, template: str, *expressions, output_field) -> None:
        super().__init__(output_field=output_field)
        self.template = template
        self.expressions = [
            e if hasattr(e, "resolve_expression") else Value(e) for e in expressions
        ]

    def get_source_expressions(self):
        return self.expressions

    def set_source_expressions(self, expressions) -> None:
        self.expressions = list(expressions)

    def as_sql(self, compiler, connection):
        compiled = [compiler.compile(expression) for expression in self.expressions]
        params = []
        for index in re.findall(r"\{(\d+)\}", self.template):
            params.extend(compiled[int(index)][1])
        return self.template.format(*(sql for sql, _ in compiled)), params


def text_search(column: str, query: str) -> tuple[Expression, Expression]:
    """(`column` matches `query`, its relevance) for a tsvector column, PostgreSQL only."""
    vector = StoredColumn(column, TextField())
    tsquery = Template(
        f"to_tsquery('{CONFIG}', {{0}})", tsquery_text(query), output_field=TextField()
    )
    matches = Template("({0} @@ {1})", vector, tsquery, output_field=BooleanField())
    rank = Template("ts_rank({0}, {1})", vector, tsquery, output_field=FloatField())
    return matches, rank


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
