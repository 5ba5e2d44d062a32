"""Claims are matched by speaker and exact text (an import finds the statements it already
holds): an index on a digest of the text lets each chunk's lookup probe the index once per
text, not scan every claim's text. A digest, because a long claim's text is past what a
B-tree entry can hold. PostgreSQL only: SQLite finds the few claims of the speakers named
through the speaker's index, and an index on Django's own md5 function would make the
database unwritable to any other program."""

from django.db import migrations

# With the expression's statistics gathered at once: without them the planner guesses that
# a chunk's thousand digests match many claims and scans the speakers' claims instead.
CREATE = """
CREATE INDEX IF NOT EXISTS claim_text_md5 ON claims_claim (md5(text));
ANALYZE claims_claim;
"""
DROP = "DROP INDEX IF EXISTS claim_text_md5"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0031_user_language")]

    operations = [migrations.RunPython(create, drop)]
