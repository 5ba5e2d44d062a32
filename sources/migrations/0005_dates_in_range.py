import datetime
import records.dates
from django.db import migrations, models

# Every date column the new checks hold, with its history's copy.
DATED = [
    ("Source", "published_at"),
    ("Source", "retrieved_at"),
    ("HistoricalSource", "published_at"),
    ("HistoricalSource", "retrieved_at"),
]


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0004_list_order_index'),
    ]

    operations = [
        # What the checks below would refuse, said and made keepable first.
        migrations.RunPython(records.dates.repairing("sources", DATED), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='historicalsource',
            name='published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='retrieved_at',
            field=models.DateTimeField(blank=True, null=True, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AlterField(
            model_name='source',
            name='published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AlterField(
            model_name='source',
            name='retrieved_at',
            field=models.DateTimeField(blank=True, null=True, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AddConstraint(
            model_name='source',
            constraint=models.CheckConstraint(condition=models.Q(('published_at__isnull', True), models.Q(('published_at__gte', datetime.datetime(1000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('published_at__lte', datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))), _connector='OR'), name='source_published_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
        migrations.AddConstraint(
            model_name='source',
            constraint=models.CheckConstraint(condition=models.Q(('retrieved_at__isnull', True), models.Q(('retrieved_at__gte', datetime.datetime(1000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('retrieved_at__lte', datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))), _connector='OR'), name='source_retrieved_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
    ]
