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


def repair_dates(apps, schema_editor):
    """Say which stored dates the checks below would refuse, and make them keepable
    (emptied, or moved to the nearest end of the range when the column needs a value)."""
    report = [
        line
        for model, field in DATED
        for line in records.dates.repair_stored(apps.get_model("sources", model), field)
    ]
    if report:
        print("".join(f"\n  {line}" for line in report))


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0004_list_order_index'),
    ]

    operations = [
        migrations.RunPython(repair_dates, migrations.RunPython.noop),
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
