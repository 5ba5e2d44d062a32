"""On PostgreSQL, the database itself refuses a relay (`via`) to another claim's citation
and a relay loop, whatever writes the row. On SQLite the same rules are checked by
Citation.clean() inside the write transaction, which SQLite's IMMEDIATE mode serialises
(SQLite triggers cannot walk a chain: they allow no recursive queries)."""

from django.db import migrations

CREATE = """
CREATE FUNCTION claims_citation_via_guard() RETURNS trigger AS $$
BEGIN
    IF NEW.via_id IS NOT NULL THEN
        IF NOT EXISTS (
            SELECT 1 FROM claims_citation WHERE id = NEW.via_id AND claim_id = NEW.claim_id
        ) THEN
            RAISE EXCEPTION 'citation_via_same_claim: a citation can only relay a citation of the same claim'
                USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (
            WITH RECURSIVE up(id, via_id, depth) AS (
                SELECT id, via_id, 1 FROM claims_citation WHERE id = NEW.via_id
                UNION ALL
                SELECT c.id, c.via_id, up.depth + 1
                FROM claims_citation c JOIN up ON c.id = up.via_id
                WHERE up.depth < 1000
            )
            SELECT 1 FROM up WHERE id = NEW.id
        ) THEN
            RAISE EXCEPTION 'citation_via_no_loop: this relay would make a loop'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.claim_id <> OLD.claim_id AND EXISTS (
        SELECT 1 FROM claims_citation WHERE via_id = NEW.id
    ) THEN
        RAISE EXCEPTION 'citation_via_same_claim: other citations relay this one'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_citation_via_guard
BEFORE INSERT OR UPDATE OF via_id, claim_id ON claims_citation
FOR EACH ROW EXECUTE FUNCTION claims_citation_via_guard();
"""

DROP = """
DROP TRIGGER IF EXISTS claims_citation_via_guard ON claims_citation;
DROP FUNCTION IF EXISTS claims_citation_via_guard();
"""


def create_guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_groups")]

    operations = [migrations.RunPython(create_guard, drop_guard)]
