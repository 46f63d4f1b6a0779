"""On PostgreSQL, a trigram index makes the registry's name search (``search_key``
contains each word) fast; SQLite scans the small table instead."""

from django.db import migrations

INDEX = "agencies_agency_search_key_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON agencies_agency "
        "USING gin (search_key gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("agencies", "0004_service_fee_optional")]

    operations = [migrations.RunPython(create_index, drop_index)]
