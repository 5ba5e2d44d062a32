"""Editors: Researchers who also publish and unpublish verdicts (claims.workflow). And the
verdicts the feed carried before claims had a status stay in it: their claims are
published."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLISH = "publish_claim"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # a migration's app stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.get(content_type__app_label="claims", codename=PUBLISH)
    researchers, _ = Group.objects.get_or_create(name="Researchers")
    editors, _ = Group.objects.get_or_create(name="Editors")
    # A Researcher's every permission but publishing (the claim's own permissions were
    # granted whole when the groups were made).
    researchers.permissions.remove(publish)
    editors.permissions.set([*researchers.permissions.all(), publish])


def publish_assessed(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    Claim.objects.filter(assessment__isnull=False).update(status="published")


def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_claim_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(publish_assessed, migrations.RunPython.noop),
    ]
