"""Each claim stores the citation that represents it, and each citation its attribution
chain, worked out by the same functions that keep them current (claims.derived)."""

import django.db.models.deletion
from django.db import migrations, models

from claims.derived import store_attribution_chains, store_representatives


def store(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    Citation = apps.get_model("claims", "Citation")
    store_representatives(Claim.objects.all(), Citation.objects.all())
    store_attribution_chains(Citation.objects.all(), None)
    # PostgreSQL checks the foreign keys written here at the end of the transaction, and
    # refuses to build this migration's indexes while such checks are pending: run them now.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0012_speaker_search_text_folded_in_python'),
    ]

    operations = [
        migrations.AddField(
            model_name='citation',
            name='attribution_chain',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='claim',
            name='representative',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='claims.citation'),
        ),
        migrations.RunPython(store, migrations.RunPython.noop),
    ]
