"""PostgreSQL only: the search key's words as a stored ``tsvector`` column,
``search_document``, computed by the database from ``search_key`` and indexed with
GIN, for the full-text search of `vacancies.search`.

Stored rather than only indexed: ANALYZE keeps statistics of its words, so the
planner can tell a word that matches a third of a country's vacancies from a rare
one, and when it walks the index of the requested order it tests each row against
the stored words instead of parsing the key again. The model does not declare the
column (SQLite has no ``tsvector``); `vacancies.search.SearchDocument` names it in
queries, and the database fills it on every insert and update.

The trigram index of migration 0002 served the LIKE test this replaces; nothing
uses it any more, and every feed insert paid for it, so it goes."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE vacancies_vacancy ADD COLUMN search_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_key)) STORED",
    "CREATE INDEX vacancy_search_document ON vacancies_vacancy USING gin (search_document)",
    "DROP INDEX vacancy_search_key_trgm",
]
BACKWARD = [
    "CREATE INDEX vacancy_search_key_trgm ON vacancies_vacancy "
    "USING gin (search_key gin_trgm_ops)",
    "ALTER TABLE vacancies_vacancy DROP COLUMN search_document",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0009_search_keys_keep_apostrophe_words")]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
