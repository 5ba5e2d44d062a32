"""Researchers assess claims and import files; Readers see assessments."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RESEARCHER_CODENAMES = [
    "add_assessment",
    "change_assessment",
    "delete_assessment",
    "view_assessment",
    "add_importbatch",
    "view_importbatch",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # a migration's app stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Import batches live in the exchange app since exchange 0001 (tests/roles.py runs
    # this again on today's state).
    perms = Permission.objects.filter(
        content_type__app_label__in=["claims", "exchange"], codename__in=RESEARCHER_CODENAMES
    )
    researchers, _ = Group.objects.get_or_create(name="Researchers")
    readers, _ = Group.objects.get_or_create(name="Readers")
    researchers.permissions.add(*perms)
    readers.permissions.add(*perms.filter(codename="view_assessment"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="claims", codename__in=RESEARCHER_CODENAMES
    )
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=["Researchers", "Readers"]
    ):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0005_assessment_and_import_batches"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
