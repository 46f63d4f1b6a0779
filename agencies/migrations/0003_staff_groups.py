"""The two staff groups of the registry and their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICER = "Licensing officer"
VIEWER = "Registry viewer"
ALL_MODELS = [
    "licensingauthority", "minimumdeposit", "agency", "agencychannel", "licence",
    "licencedestination", "licenceevent", "deposit", "depositmovement", "recruiterreport",
]
# Officers change agencies, licences and deposits; they triage reports. Authorities
# and their minimum deposits are set by administrators; events only by the services.
OFFICER_CHANGES = [
    "agency", "agencychannel", "licence", "licencedestination", "deposit",
    "depositmovement", "recruiterreport",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    app_config = apps.get_app_config("agencies")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="agencies")
    codenames = [f"view_{model}" for model in ALL_MODELS]
    viewer, _ = Group.objects.get_or_create(name=VIEWER)
    viewer.permissions.set(perms.filter(codename__in=codenames))
    officer_codenames = codenames + [
        f"{action}_{model}" for model in OFFICER_CHANGES for action in ("add", "change")
    ]
    officer, _ = Group.objects.get_or_create(name=OFFICER)
    officer.permissions.set(perms.filter(codename__in=officer_codenames))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[OFFICER, VIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0002_schedule_expire_licences"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
