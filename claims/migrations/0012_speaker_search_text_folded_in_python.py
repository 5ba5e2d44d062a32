"""A speaker's `search_text` becomes a model field, folded in Python by the one `fold` that
search, the import and the assistant share (`records.text`), instead of by a PostgreSQL
trigger with `lower(unaccent())`, which folded some letters differently.

On PostgreSQL the column and its trigram and prefix indexes stay (migration 0004); only
the triggers that filled it go. On SQLite the column is new.
"""

from django.db import migrations, models

from claims.matching import speaker_search_text

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS claims_speaker_search_insert ON claims_speaker;
DROP TRIGGER IF EXISTS claims_speaker_search_update ON claims_speaker;
DROP FUNCTION IF EXISTS claims_speaker_search_refresh();
DROP FUNCTION IF EXISTS claims_speaker_search_text(text, text, text);
"""

RESTORE_TRIGGERS = r"""
CREATE FUNCTION claims_speaker_search_text(name text, aliases text, description text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
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
"""


def _column() -> models.TextField:
    column = models.TextField(default="", editable=False)
    column.set_attributes_from_name("search_text")
    return column


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGERS, params=None)
    else:
        schema_editor.add_field(apps.get_model("claims", "Speaker"), _column())


def remove_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RESTORE_TRIGGERS, params=None)
        schema_editor.execute(
            "UPDATE claims_speaker SET search_text = "
            "claims_speaker_search_text(name, aliases, description)",
            params=None,
        )
    else:
        schema_editor.remove_field(apps.get_model("claims", "Speaker"), _column())


def fold_every_speaker(apps, schema_editor):
    Speaker = apps.get_model("claims", "Speaker")
    speakers = Speaker.objects.only("name", "aliases", "description").order_by("pk")
    batch = []
    for speaker in speakers.iterator(chunk_size=2000):
        speaker.search_text = speaker_search_text(
            speaker.name, speaker.aliases, speaker.description
        )
        batch.append(speaker)
        if len(batch) == 2000:
            Speaker.objects.bulk_update(batch, ["search_text"])
            batch = []
    Speaker.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_dismissed_suggestions_move_to_assistant")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, remove_column)],
            state_operations=[
                migrations.AddField(
                    model_name="speaker",
                    name="search_text",
                    field=models.TextField(default="", editable=False),
                )
            ],
        ),
        migrations.RunPython(fold_every_speaker, migrations.RunPython.noop),
    ]
