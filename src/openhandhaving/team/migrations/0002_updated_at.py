"""Officers, wijk assignments, shifts and absences record when they changed: the version of the
per-process roster copy that routing reads (core.caching, ADR 0007)."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("team", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="officer",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="districtassignment",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="shift",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="absence",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="gewijzigd"
            ),
            preserve_default=False,
        ),
    ]
