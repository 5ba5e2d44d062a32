"""The two roles: Researchers edit claims and sources; Readers see and export."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = {
    "sources": ["outlet", "source"],
    "claims": ["speaker", "topic", "claim", "citation", "claimrelation"],
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_label in MODELS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # a migration's app stub lacks it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    researchers, _ = Group.objects.get_or_create(name="Researchers")
    readers, _ = Group.objects.get_or_create(name="Readers")
    for app_label, model_names in MODELS.items():
        for model_name in model_names:
            perms = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model_name
            )
            researchers.permissions.add(*perms)
            readers.permissions.add(*perms.filter(codename__startswith="view_"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Researchers", "Readers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("sources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
