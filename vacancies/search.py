"""Free-text search over vacancies in any of the five languages and any script.

Every word of a vacancy's titles (all languages), employer, city and occupation is
reduced to its spelling skeleton by `spelling.search_key`, the project's one search
key, and stored in `Vacancy.search_key` on save. A query is reduced the same way, so
"Сеул", "Seul" and "Seoul" meet, as do Cyrillic and Latin Uzbek. Every query word
must begin a word of the key, so "svar" finds welders.

On PostgreSQL the key is searched with full-text search: a prefix query against
the key's words, stored by the database as the ``tsvector`` column
``search_document`` with a GIN index (migration 0010). ANALYZE keeps statistics of
those words, so the planner knows a common word from a rare one and, for a common
one, walks the index of the requested order instead of fetching and sorting
thousands of matches. SQLite, which holds a demo's few thousand vacancies, tests
the same thing with LIKE.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q

from spelling import search_key, search_words

# A query longer than this is cut: nobody types more, and each word costs a test.
MAX_QUERY_WORDS = 6


class SearchDocument(Expression):
    """The vacancy table's ``search_document`` column, which only PostgreSQL has
    (migration 0010) and the model therefore does not declare."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_document", []


def vacancy_search_key(vacancy):
    """The key `Vacancy.set_derived_fields` stores: every title, employer, city and the
    occupation's titles. Select the occupation with the vacancies when keying many."""
    texts = [
        getattr(vacancy, f"title_{lang}", "") or "" for lang in settings.MODELTRANSLATION_LANGUAGES
    ]
    texts += [vacancy.employer_name, vacancy.city]
    if vacancy.occupation_id and vacancy.occupation:
        texts += [
            getattr(vacancy.occupation, f"title_{lang}", "") or ""
            for lang in settings.MODELTRANSLATION_LANGUAGES
        ]
    return search_key(*texts)


def search_filter(text):
    """A Q object matching vacancies whose key has a word beginning with each word of
    the query, or None when the query has no searchable word."""
    words = search_words(text)[:MAX_QUERY_WORDS]
    if not words:
        return None
    if connection.vendor == "postgresql":
        # Skeletons are plain a-z, so they are safe to join into a raw tsquery.
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), config="simple", search_type="raw"
        )
        return Q(SearchVectorExact(SearchDocument(), query))
    condition = Q()
    for word in words:
        condition &= Q(search_key__contains=" " + word)
    return condition
