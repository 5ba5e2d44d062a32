"""Researchers record hops and roles as they do citations and speakers; Readers see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["hop", "role"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # a migration's app stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="claims", content_type__model__in=MODELS
    )
    researchers, _ = Group.objects.get_or_create(name="Researchers")
    readers, _ = Group.objects.get_or_create(name="Readers")
    researchers.permissions.add(*perms)
    readers.permissions.add(*perms.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="claims", content_type__model__in=MODELS
    )
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=["Researchers", "Readers"]
    ):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0017_roles_joint_speakers_and_pinned_citations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
