"""PostgreSQL only: pg_trgm and a trigram GIN index on the search key, so the
word tests of `vacancies.search` stay fast at hundreds of thousands of vacancies.
SQLite skips both and scans (it holds a demo's few thousand rows)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgresOnlyAddIndex(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def state_forwards(self, app_label, state):
        """The index exists only in PostgreSQL; the model state stays vendor-neutral."""


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0001_initial")]

    operations = [
        TrigramExtension(),
        PostgresOnlyAddIndex(
            "vacancy",
            GinIndex(
                fields=["search_key"], opclasses=["gin_trgm_ops"], name="vacancy_search_key_trgm"
            ),
        ),
    ]
