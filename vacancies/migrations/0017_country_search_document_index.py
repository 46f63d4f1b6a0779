"""PostgreSQL only: the words' GIN index (migration 0010) becomes one on the
destination and the words, through the btree_gin extension (trusted: the
database's owner may create it).

A word rare in its country is gathered (`vacancies.search.gathered`) through this
one index: PostgreSQL intersects the country's and the word's entries inside it,
where with the words' index it read a bitmap of every match of the word and one of
every vacancy of the country, and intersected those (5.6 ms against 2.8 ms for
"payvandchi" in Great Britain, at 200,000 vacancies). A multicolumn GIN index
serves a condition on any of its columns, so searches by words alone use it as
they used the old one, and feed writes keep one index of the words."""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX vacancy_country_search_document ON vacancies_vacancy "
            "USING gin (country_id, search_document)"
        )
        schema_editor.execute("DROP INDEX vacancy_search_document")


def restore_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX vacancy_search_document ON vacancies_vacancy USING gin (search_document)"
        )
        schema_editor.execute("DROP INDEX vacancy_country_search_document")


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0016_costs_ordered_by_vacancy_column")]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(create_index, restore_index),
    ]
