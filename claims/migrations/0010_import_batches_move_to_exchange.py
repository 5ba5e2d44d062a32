"""Import batches move to the exchange app (exchange 0001), their tables staying where they
are: this forgets them here without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0009_list_order_indexes'),
        ('exchange', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveConstraint(
            model_name='importbatch',
            name='importbatch_status_known',
        ),
        migrations.RemoveConstraint(
            model_name='importrow',
            name='importrow_once_per_line',
        ),
        migrations.RemoveField(
            model_name='importrow',
            name='batch',
        ),
        migrations.DeleteModel(
            name='ImportBatch',
        ),
        migrations.DeleteModel(
            name='ImportRow',
        ),
            ],
        ),
    ]
