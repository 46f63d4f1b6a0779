"""The row of `PageGeneration` and the triggers that raise it.

Every table a cached public page is made of (vacancies, their costs, countries,
occupations and rates; agencies, licences and their destinations, events and
deposits; partners, whose being active decides the employer channel; hotlines,
on every page) raises the generation once per transaction that changes it: bulk
writes of the feeds, the admin, services, raw SQL alike. On PostgreSQL the trigger
is deferred to the commit, so that a page read before the change is committed can
never be kept under the new generation, and the one row is locked only for the
moment of the commit; a transaction raises it once, however many rows it writes.
SQLite has one writer at a time and row triggers only.
"""

from django.db import migrations

TABLES = [
    "vacancies_country",
    "vacancies_occupation",
    "vacancies_exchangerate",
    "vacancies_vacancy",
    "vacancies_vacancycost",
    "agencies_licensingauthority",
    "agencies_minimumdeposit",
    "agencies_agency",
    "agencies_agencychannel",
    "agencies_licence",
    "agencies_licencedestination",
    "agencies_licenceevent",
    "agencies_deposit",
    "agencies_depositmovement",
    "partners_partner",
    "portal_hotline",
]
RAISE = "UPDATE pagecache_pagegeneration SET value = value + 1 WHERE id = 1"

POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION pagecache_raise_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pagecache.raised', true) IS DISTINCT FROM 'yes' THEN
        {RAISE};
        PERFORM set_config('pagecache.raised', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;
"""


def add_triggers(schema_editor, tables):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in tables:
            execute(
                f"CREATE CONSTRAINT TRIGGER pagecache_generation AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"EXECUTE FUNCTION pagecache_raise_generation()"
            )
    elif schema_editor.connection.vendor == "sqlite":
        for table in tables:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                execute(
                    f"CREATE TRIGGER pagecache_{table}_{operation.lower()} AFTER {operation} "
                    f"ON {table} BEGIN {RAISE}; END"
                )


def drop_triggers(schema_editor, tables):
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in tables:
            execute(f"DROP TRIGGER IF EXISTS pagecache_generation ON {table}")
    elif schema_editor.connection.vendor == "sqlite":
        for table in tables:
            for operation in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS pagecache_{table}_{operation}")


def create(apps, schema_editor):
    apps.get_model("pagecache", "PageGeneration").objects.get_or_create(id=1)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_FUNCTION)
    add_triggers(schema_editor, TABLES)


def drop(apps, schema_editor):
    drop_triggers(schema_editor, TABLES)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS pagecache_raise_generation()")


class Migration(migrations.Migration):
    dependencies = [
        ("pagecache", "0001_page_generation"),
        ("vacancies", "0015_wage_housing_indexes"),
        ("agencies", "0006_search_keys_keep_apostrophe_words"),
        ("partners", "0003_drop_scopes_nothing_checked"),
        ("portal", "0006_schedule_clear_signin_records"),
    ]

    operations = [migrations.RunPython(create, drop)]
