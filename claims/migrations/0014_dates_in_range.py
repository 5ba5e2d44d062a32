import datetime
import django.utils.timezone
import records.dates
from django.conf import settings
from django.db import migrations, models

# Every date column the new checks hold, with its history's copy.
DATED = [
    ("Claim", "stated_on"),
    ("HistoricalClaim", "stated_on"),
    ("Assessment", "assessed_at"),
    ("HistoricalAssessment", "assessed_at"),
    ("ClaimRelation", "created_at"),
    ("ClaimRelation", "updated_at"),
    ("HistoricalClaimRelation", "created_at"),
    ("HistoricalClaimRelation", "updated_at"),
]


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0013_representative_and_attribution_chain'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # What the checks below would refuse, said and made keepable first.
        migrations.RunPython(records.dates.repairing("claims", DATED), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='assessment',
            name='assessed_at',
            field=models.DateTimeField(default=django.utils.timezone.now, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AlterField(
            model_name='claim',
            name='stated_on',
            field=models.DateField(blank=True, db_index=True, null=True, validators=[records.dates.validate_date_in_range]),
        ),
        migrations.AlterField(
            model_name='historicalassessment',
            name='assessed_at',
            field=models.DateTimeField(default=django.utils.timezone.now, validators=[records.dates.validate_datetime_in_range]),
        ),
        migrations.AlterField(
            model_name='historicalclaim',
            name='stated_on',
            field=models.DateField(blank=True, db_index=True, null=True, validators=[records.dates.validate_date_in_range]),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.CheckConstraint(condition=models.Q(('assessed_at__isnull', True), models.Q(('assessed_at__gte', datetime.datetime(1000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('assessed_at__lte', datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))), _connector='OR'), name='assessment_assessed_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.CheckConstraint(condition=models.Q(('stated_on__isnull', True), models.Q(('stated_on__gte', datetime.date(1000, 1, 1)), ('stated_on__lte', datetime.date(9999, 12, 31))), _connector='OR'), name='claim_stated_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
        migrations.AddConstraint(
            model_name='claimrelation',
            constraint=models.CheckConstraint(condition=models.Q(('created_at__isnull', True), models.Q(('created_at__gte', datetime.datetime(1000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('created_at__lte', datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))), _connector='OR'), name='relation_created_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
        migrations.AddConstraint(
            model_name='claimrelation',
            constraint=models.CheckConstraint(condition=models.Q(('updated_at__isnull', True), models.Q(('updated_at__gte', datetime.datetime(1000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)), ('updated_at__lte', datetime.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc))), _connector='OR'), name='relation_updated_in_range', violation_error_message='The date must lie between the years 1000 and 9999.'),
        ),
    ]
