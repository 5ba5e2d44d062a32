"""Researchers and Editors discuss claims and sources in comments; Readers read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # a migration's app stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    perms = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="claims", content_type__model="comment"
    )
    for name in ("Researchers", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)
    readers, _ = Group.objects.get_or_create(name="Readers")
    readers.permissions.add(*perms.filter(codename="view_comment"))


def revoke(apps, schema_editor):
    perms = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="claims", content_type__model="comment"
    )
    for group in apps.get_model("auth", "Group").objects.all():
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0023_comments_and_notifications"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
