"""The search helpers lose their `SET search_path` clause, so that PostgreSQL can inline
them into the statement that calls them: building the vectors of many rows at once (a
bulk insert, `make bench`'s generator) runs about six times faster. The trigger functions
that call them keep theirs, so the helpers still resolve the same names."""

from django.db import migrations

INLINABLE = r"""
CREATE OR REPLACE FUNCTION claimtrail_tsvector(doc text, weight "char") RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('claimtrail_search', claimtrail_search_text(doc)), weight)
$$;
CREATE OR REPLACE FUNCTION claims_speaker_search_text(name text, aliases text, description text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT lower(unaccent(concat_ws(E'\n', name, aliases, description)))
$$;
"""

PINNED = r"""
CREATE OR REPLACE FUNCTION claimtrail_tsvector(doc text, weight "char") RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT setweight(to_tsvector('claimtrail_search', claimtrail_search_text(doc)), weight)
$$;
CREATE OR REPLACE FUNCTION claims_speaker_search_text(name text, aliases text, description text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT lower(unaccent(concat_ws(E'\n', name, aliases, description)))
$$;
"""


def inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INLINABLE, params=None)


def pin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PINNED, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_dismissed_suggestion")]

    operations = [migrations.RunPython(inline, pin)]
