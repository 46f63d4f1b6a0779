"""Country pages also show announcements (alerts) and the organisations of the
directory of help: their tables raise the generation too, as 0002's do."""

import importlib

from django.db import migrations

base = importlib.import_module("pagecache.migrations.0002_page_generation_triggers")

TABLES = ["alerts_announcement", "directory_organisation", "directory_service"]


def create(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            execute(
                f"CREATE CONSTRAINT TRIGGER pagecache_generation AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"EXECUTE FUNCTION pagecache_raise_generation()"
            )
    elif schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                execute(
                    f"CREATE TRIGGER pagecache_{table}_{operation.lower()} AFTER {operation} "
                    f"ON {table} BEGIN {base.RAISE}; END"
                )


def drop(apps, schema_editor):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            execute(f"DROP TRIGGER IF EXISTS pagecache_generation ON {table}")
    elif schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            for operation in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS pagecache_{table}_{operation}")


class Migration(migrations.Migration):
    dependencies = [
        ("pagecache", "0002_page_generation_triggers"),
        ("alerts", "0001_initial"),
        ("directory", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
