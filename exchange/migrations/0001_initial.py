"""Import batches come here from the claims app (claims 0010 forgets them there). Their
tables exist already, so only Django's picture of them is created; their content types,
and with them their permissions and who holds them, move too."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["importbatch", "importrow"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="claims", model__in=MODELS).update(app_label="exchange")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="exchange", model__in=MODELS).update(app_label="claims")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('claims', '0009_list_order_indexes'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filename', models.CharField(max_length=255)),
                ('size', models.PositiveBigIntegerField(default=0)),
                ('status', models.CharField(choices=[('refused', 'File refused'), ('previewed', 'Previewed'), ('applying', 'Applying'), ('applied', 'Applied'), ('failed', 'Failed, nothing imported')], default='previewed', max_length=20)),
                ('error', models.TextField(blank=True, help_text='Why the file or the apply was refused.')),
                ('row_count', models.PositiveIntegerField(default=0)),
                ('rejected_count', models.PositiveIntegerField(default=0)),
                ('counts', models.JSONField(blank=True, default=dict)),
                ('processed', models.PositiveIntegerField(default=0)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('applied_at', models.DateTimeField(blank=True, null=True)),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='import_batches', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'db_table': 'claims_importbatch',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ImportRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(help_text='Line of the file, counting the header as 1.')),
                ('cells', models.JSONField(default=dict)),
                ('problems', models.JSONField(blank=True, default=list)),
                ('actions', models.JSONField(blank=True, default=dict)),
                ('batch', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rows', to='exchange.importbatch')),
            ],
            options={
                'db_table': 'claims_importrow',
                'ordering': ['batch', 'number'],
            },
        ),
        migrations.AddConstraint(
            model_name='importbatch',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['refused', 'previewed', 'applying', 'applied', 'failed'])), name='importbatch_status_known'),
        ),
        migrations.AddConstraint(
            model_name='importrow',
            constraint=models.UniqueConstraint(fields=('batch', 'number'), name='importrow_once_per_line'),
        ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
