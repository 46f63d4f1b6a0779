"""The "Feed operator" group: partners, their keys, feeds, runs and schedules."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Feed operator"
PERMISSIONS = {
    "portal": {
        "partner": ("view", "add", "change"),
        "partnerapikey": ("view", "add", "change"),
        "feed": ("view", "add", "change", "delete"),
        "feedrun": ("view", "change"),
        "rejectedrecord": ("view",),
    },
    "django_celery_beat": {
        "periodictask": ("view", "change"),
        "intervalschedule": ("view", "add", "change"),
        "crontabschedule": ("view", "add", "change"),
    },
}


def create_group(apps, schema_editor):
    for label in PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=label, codename=f"{action}_{model}")
        for label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    group.permissions.set(wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_feeds"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
