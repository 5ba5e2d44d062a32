from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('exchange', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='importbatch',
            name='progressed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
