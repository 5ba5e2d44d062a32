"""Full-text search on PostgreSQL: the extensions, the `claimtrail_search` configuration
(`simple` behind `unaccent`), and sources' stored, indexed, trigger-maintained
`search_vector` (title weighted above body). Why a trigger-maintained column the model
does not declare: see `records/search.py`. Nothing happens on SQLite."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CREATE = r"""
CREATE TEXT SEARCH CONFIGURATION claimtrail_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION claimtrail_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;

-- Chinese and Japanese put no spaces between words: index every Han character and kana
-- as a word of its own, so that a query can find them side by side (phrase search).
CREATE FUNCTION claimtrail_search_text(doc text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(coalesce(doc, ''),
        '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])', ' \1 ', 'g')
$$;

CREATE FUNCTION claimtrail_tsvector(doc text, weight "char") RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT setweight(to_tsvector('claimtrail_search', claimtrail_search_text(doc)), weight)
$$;

ALTER TABLE sources_source ADD COLUMN search_vector tsvector;

CREATE FUNCTION sources_source_search_refresh() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.search_vector := claimtrail_tsvector(NEW.title, 'A') || claimtrail_tsvector(NEW.body, 'D');
    RETURN NEW;
END;
$$;
CREATE TRIGGER sources_source_search_insert BEFORE INSERT ON sources_source
FOR EACH ROW EXECUTE FUNCTION sources_source_search_refresh();
CREATE TRIGGER sources_source_search_update BEFORE UPDATE OF title, body ON sources_source
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body)
EXECUTE FUNCTION sources_source_search_refresh();

UPDATE sources_source SET search_vector =
    claimtrail_tsvector(title, 'A') || claimtrail_tsvector(body, 'D');
CREATE INDEX source_search_vector ON sources_source USING gin (search_vector);
"""

DROP = """
DROP TRIGGER IF EXISTS sources_source_search_insert ON sources_source;
DROP TRIGGER IF EXISTS sources_source_search_update ON sources_source;
DROP FUNCTION IF EXISTS sources_source_search_refresh();
ALTER TABLE sources_source DROP COLUMN IF EXISTS search_vector;
DROP FUNCTION IF EXISTS claimtrail_tsvector(text, "char");
DROP FUNCTION IF EXISTS claimtrail_search_text(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS claimtrail_search;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
