"""Roles remember which default permissions they were given (ensure_default_roles).

Roles made before this migration count what their group has now as offered; defaults a newer
version adds are then given once, after this migration, by the post_migrate step.
"""

from django.db import migrations, models


def offered_from_groups(apps, schema_editor):
    Role = apps.get_model("core", "Role")
    for role in Role.objects.select_related("group"):
        role.offered_permissions = sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in role.group.permissions.select_related("content_type")
        )
        role.save(update_fields=["offered_permissions"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_scheduled_run"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="offered_permissions",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(offered_from_groups, migrations.RunPython.noop),
    ]
