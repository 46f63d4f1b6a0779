"""The "Content editor" staff group: manages vacancies, country guides, occupations
and exchange rates. Which partners may publish for which recruiter (`Publisher`)
is a security decision left to administrators: editors only see it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Content editor"
MANAGED = ["country", "occupation", "exchangerate", "vacancy", "vacancycost"]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("vacancies")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model in MANAGED for action in ("add", "change", "view")
    ] + ["delete_vacancycost", "view_publisher"]
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(
        Permission.objects.filter(content_type__app_label="vacancies", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0004_load_isco08"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
