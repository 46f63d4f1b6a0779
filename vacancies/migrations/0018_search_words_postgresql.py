"""PostgreSQL only: ``vacancies_search_word``, every word that a vacancy's
``search_document`` holds or held, kept by the database itself on every insert and
update (statement triggers, so a feed's COPY of a thousand rows adds its new words
in one statement).

Why: a query word is a prefix ("svar" finds welders), and GIN answers a prefix by
collecting every match of every word that begins with it into a bitmap before it
intersects that with the destination's entries: 3 ms for "payvandchi" in Great
Britain at 200,000 vacancies, where none of the 7,700 welders is. Asked for the
same words written out ("paivandchi | paivandchilar"), it intersects the entries
as it reads them: 1 ms. `vacancies.search.spelled_out` writes the prefixes out
from this table when the matches are gathered (`vacancies.selectors.first_ids`).

The table only grows: a word no vacancy holds any more costs an empty branch of
the query, and a word must never be missing, or a vacancy would not be found by
it. So there is no unique constraint either: two transactions that add the same
new word at once each add it (the lookup groups them), where a unique index would
make the second wait for the first and could deadlock two feeds. Its words sort
by byte ("C"), so a prefix is a range of the index whatever the database's
collation.

Written to run again over what it left (IF NOT EXISTS, OR REPLACE): the table is
no model's, so a test's migrator, which drops the models' tables and migrates
afresh, leaves it behind (its triggers go with the vacancies' table)."""

from django.db import migrations

FORWARD = [
    'CREATE TABLE IF NOT EXISTS vacancies_search_word (word text COLLATE "C" NOT NULL)',
    "CREATE INDEX IF NOT EXISTS vacancies_search_word_word ON vacancies_search_word (word)",
    # Only a database's new words: the NOT EXISTS keeps the table to one row a word
    # but for the rare race above.
    """
    CREATE OR REPLACE FUNCTION vacancies_add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO vacancies_search_word (word)
        SELECT DISTINCT lexeme
        FROM written, unnest(tsvector_to_array(written.search_document)) AS lexeme
        WHERE NOT EXISTS (SELECT 1 FROM vacancies_search_word kept WHERE kept.word = lexeme);
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER vacancies_search_words_inserted
    AFTER INSERT ON vacancies_vacancy REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION vacancies_add_search_words()
    """,
    # An update adds the words of the rows whose words changed: a recomputation of
    # every wage in USD reads no word.
    """
    CREATE OR REPLACE FUNCTION vacancies_add_changed_search_words() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO vacancies_search_word (word)
        SELECT DISTINCT lexeme
        FROM written
        JOIN earlier ON earlier.id = written.id
            AND earlier.search_document IS DISTINCT FROM written.search_document,
        unnest(tsvector_to_array(written.search_document)) AS lexeme
        WHERE NOT EXISTS (SELECT 1 FROM vacancies_search_word kept WHERE kept.word = lexeme);
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER vacancies_search_words_updated
    AFTER UPDATE ON vacancies_vacancy REFERENCING OLD TABLE AS earlier NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION vacancies_add_changed_search_words()
    """,
    """
    INSERT INTO vacancies_search_word (word)
    SELECT DISTINCT lexeme
    FROM vacancies_vacancy, unnest(tsvector_to_array(search_document)) AS lexeme
    WHERE NOT EXISTS (SELECT 1 FROM vacancies_search_word kept WHERE kept.word = lexeme)
    """,
]
BACKWARD = [
    "DROP TRIGGER vacancies_search_words_updated ON vacancies_vacancy",
    "DROP TRIGGER vacancies_search_words_inserted ON vacancies_vacancy",
    "DROP FUNCTION vacancies_add_changed_search_words()",
    "DROP FUNCTION vacancies_add_search_words()",
    "DROP TABLE vacancies_search_word",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0017_country_search_document_index")]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
