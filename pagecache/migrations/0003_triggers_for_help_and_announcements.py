"""Country pages also show announcements (alerts) and the organisations of the
directory of help: their tables raise the generation too, as 0002's do."""

import importlib

from django.db import migrations

triggers = importlib.import_module("pagecache.migrations.0002_page_generation_triggers")

TABLES = ["alerts_announcement", "directory_organisation", "directory_service"]


def create(apps, schema_editor):
    triggers.add_triggers(schema_editor, TABLES)


def drop(apps, schema_editor):
    triggers.drop_triggers(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("pagecache", "0002_page_generation_triggers"),
        ("alerts", "0001_initial"),
        ("directory", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
