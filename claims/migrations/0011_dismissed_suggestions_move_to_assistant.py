"""The quote assistant's dismissals move to the assistant app (assistant 0001), their table
staying where it is: this forgets them here without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0010_import_batches_move_to_exchange'),
        ('assistant', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveConstraint(
            model_name='dismissedsuggestion',
            name='dismissed_suggestion_once',
        ),
        migrations.RemoveConstraint(
            model_name='dismissedsuggestion',
            name='dismissed_suggestion_ordered',
        ),
        migrations.DeleteModel(
            name='DismissedSuggestion',
        ),
            ],
        ),
    ]
