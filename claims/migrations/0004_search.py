"""Search on PostgreSQL (see `records/search.py` for why these columns are trigger-kept
and not declared on the models). Nothing happens on SQLite.

- `claims_speaker.search_text`: name, aliases and description, lower case, without
  accents, under a trigram GIN index: typo-tolerant lookup ("Belusov" → Belousov) and
  the speaker autocomplete.
- `claims_claim.search_vector`: the claim's text (weight A), translation (B), its
  citations' quotes (C) and its speaker's names (D), under a GIN index. Statement-level
  triggers on citations and speakers refresh the claims they touch, once per statement,
  so a bulk insert or `QuerySet.update()` costs one set-based UPDATE, not one per row.
"""

from django.db import migrations

CREATE = r"""
ALTER TABLE claims_speaker ADD COLUMN search_text text NOT NULL DEFAULT '';

CREATE FUNCTION claims_speaker_search_text(name text, aliases text, description text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT lower(unaccent(concat_ws(E'\n', name, aliases, description)))
$$;

CREATE FUNCTION claims_speaker_search_refresh() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.search_text := claims_speaker_search_text(NEW.name, NEW.aliases, NEW.description);
    RETURN NEW;
END;
$$;
CREATE TRIGGER claims_speaker_search_insert BEFORE INSERT ON claims_speaker
FOR EACH ROW EXECUTE FUNCTION claims_speaker_search_refresh();
CREATE TRIGGER claims_speaker_search_update BEFORE UPDATE ON claims_speaker
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases
                   OR OLD.description IS DISTINCT FROM NEW.description)
EXECUTE FUNCTION claims_speaker_search_refresh();

UPDATE claims_speaker SET search_text = claims_speaker_search_text(name, aliases, description);
CREATE INDEX speaker_search_trgm ON claims_speaker USING gin (search_text gin_trgm_ops);
-- Queries of one or two letters carry no trigram: they look for a name that starts so.
CREATE INDEX speaker_search_prefix ON claims_speaker (search_text text_pattern_ops);

ALTER TABLE claims_claim ADD COLUMN search_vector tsvector;

CREATE FUNCTION claims_claim_search_vector(claim bigint, text text, translation text, speaker bigint)
RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT claimtrail_tsvector(text, 'A')
        || claimtrail_tsvector(translation, 'B')
        || claimtrail_tsvector(
            (SELECT string_agg(quote, E'\n' ORDER BY id) FROM claims_citation WHERE claim_id = claim), 'C')
        || claimtrail_tsvector(
            (SELECT concat_ws(E'\n', name, aliases) FROM claims_speaker WHERE id = speaker), 'D')
$$;

CREATE FUNCTION claims_claim_search_refresh() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.search_vector := claims_claim_search_vector(NEW.id, NEW.text, NEW.translation, NEW.speaker_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER claims_claim_search_insert BEFORE INSERT ON claims_claim
FOR EACH ROW EXECUTE FUNCTION claims_claim_search_refresh();
CREATE TRIGGER claims_claim_search_update BEFORE UPDATE ON claims_claim
FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text
                   OR OLD.translation IS DISTINCT FROM NEW.translation
                   OR OLD.speaker_id IS DISTINCT FROM NEW.speaker_id)
EXECUTE FUNCTION claims_claim_search_refresh();

-- Refresh the claims whose quotes changed, once per statement.
CREATE FUNCTION claims_claim_search_refresh_claims(claim_ids bigint[]) RETURNS void
LANGUAGE sql SET search_path FROM CURRENT AS $$
    UPDATE claims_claim
    SET search_vector = claims_claim_search_vector(id, text, translation, speaker_id)
    WHERE id = ANY(claim_ids)
$$;

CREATE FUNCTION claims_citation_search_inserted() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM claims_claim_search_refresh_claims(ARRAY(SELECT DISTINCT claim_id FROM new_rows));
    RETURN NULL;
END;
$$;
CREATE FUNCTION claims_citation_search_deleted() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM claims_claim_search_refresh_claims(ARRAY(SELECT DISTINCT claim_id FROM old_rows));
    RETURN NULL;
END;
$$;
CREATE FUNCTION claims_citation_search_updated() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM claims_claim_search_refresh_claims(ARRAY(
        SELECT DISTINCT unnest(ARRAY[o.claim_id, n.claim_id])
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.quote IS DISTINCT FROM n.quote OR o.claim_id IS DISTINCT FROM n.claim_id));
    RETURN NULL;
END;
$$;
CREATE TRIGGER claims_citation_search_insert AFTER INSERT ON claims_citation
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION claims_citation_search_inserted();
CREATE TRIGGER claims_citation_search_delete AFTER DELETE ON claims_citation
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION claims_citation_search_deleted();
CREATE TRIGGER claims_citation_search_update AFTER UPDATE ON claims_citation
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION claims_citation_search_updated();

-- A speaker's new name or alias reaches the vectors of their claims.
CREATE FUNCTION claims_speaker_search_updated() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM claims_claim_search_refresh_claims(ARRAY(
        SELECT c.id FROM claims_claim c
        JOIN new_rows n ON n.id = c.speaker_id JOIN old_rows o ON o.id = n.id
        WHERE o.name IS DISTINCT FROM n.name OR o.aliases IS DISTINCT FROM n.aliases));
    RETURN NULL;
END;
$$;
CREATE TRIGGER claims_speaker_search_claims AFTER UPDATE ON claims_speaker
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION claims_speaker_search_updated();

UPDATE claims_claim SET search_vector = claims_claim_search_vector(id, text, translation, speaker_id);
CREATE INDEX claim_search_vector ON claims_claim USING gin (search_vector);
"""

DROP = """
DROP TRIGGER IF EXISTS claims_speaker_search_claims ON claims_speaker;
DROP TRIGGER IF EXISTS claims_citation_search_insert ON claims_citation;
DROP TRIGGER IF EXISTS claims_citation_search_delete ON claims_citation;
DROP TRIGGER IF EXISTS claims_citation_search_update ON claims_citation;
DROP TRIGGER IF EXISTS claims_claim_search_insert ON claims_claim;
DROP TRIGGER IF EXISTS claims_claim_search_update ON claims_claim;
DROP TRIGGER IF EXISTS claims_speaker_search_insert ON claims_speaker;
DROP TRIGGER IF EXISTS claims_speaker_search_update ON claims_speaker;
DROP FUNCTION IF EXISTS claims_speaker_search_updated();
DROP FUNCTION IF EXISTS claims_citation_search_inserted();
DROP FUNCTION IF EXISTS claims_citation_search_deleted();
DROP FUNCTION IF EXISTS claims_citation_search_updated();
DROP FUNCTION IF EXISTS claims_claim_search_refresh_claims(bigint[]);
DROP FUNCTION IF EXISTS claims_claim_search_refresh();
DROP FUNCTION IF EXISTS claims_speaker_search_refresh();
ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector;
ALTER TABLE claims_speaker DROP COLUMN IF EXISTS search_text;
DROP FUNCTION IF EXISTS claims_claim_search_vector(bigint, text, text, bigint);
DROP FUNCTION IF EXISTS claims_speaker_search_text(text, text, text);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_citation_via_guard"), ("sources", "0002_search")]

    operations = [migrations.RunPython(create, drop)]
