"""Free-text search over vacancies in any of the five languages and any script.

Every word of a vacancy's titles (all languages), employer, city and occupation is
reduced to its spelling skeleton by `spelling.search_key`, the project's one search
key, and stored in `Vacancy.search_key` on save. A query is reduced the same way, so
"Сеул", "Seul" and "Seoul" meet, as do Cyrillic and Latin Uzbek. Every query word
must begin a word of the key, so "svar" finds welders.

On PostgreSQL the key is searched with full-text search: a prefix query against
the key's words, stored by the database as the ``tsvector`` column
``search_document`` with a GIN index of the destination and the words (migrations
0010 and 0017). ANALYZE keeps statistics of those words, so the planner knows a
common word from a rare one and, for a common one, walks the index of the
requested order instead of fetching and sorting thousands of matches. What the
statistics cannot tell is how a word goes with another filter (every welder's job
in Korea): with one, the search first walks the filter's order and tests the words
row by row (`walk_first`). When the walk finds the words rare along the filter,
the matches are gathered through the GIN index with each query word written out
as the words that begin with it (`spelled_out`): GIN answers a prefix by
collecting all of its matches first. SQLite, which holds a demo's few thousand
vacancies, tests the same thing with LIKE.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField
from django.db import connection, connections
from django.db.models import BooleanField, Expression, ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce

from spelling import search_key, search_words

# A query longer than this is cut: nobody types more, and each word costs a test.
MAX_QUERY_WORDS = 6
# Rows `walk_first` reads in the search's order before it leaves the search to the
# planner: about a millisecond at 200,000 vacancies.
WALK_BUDGET = 1000
# Words a query word may be written out as (`spelled_out`); a prefix that begins
# more (a letter or two) stays a prefix.
MAX_SPELLED_OUT = 32
# What `spelled_out` joins into a raw query: the words of keys, plain a-z (and
# digits, in keys stored before the digit rule of `spelling.search_words`).
_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# The words of the vacancies' table `vacancies_search_word` (migration 0018) that
# begin with each prefix, at most one more than `MAX_SPELLED_OUT`. Its words sort
# by byte, so U+10FFFF after a prefix is past every word that begins with it.
_WORDS_BEGINNING = (
    "SELECT prefix, ARRAY(SELECT word FROM vacancies_search_word"
    " WHERE word >= prefix AND word < prefix || chr(1114111)"
    " GROUP BY word ORDER BY word LIMIT %s) FROM unnest(%s::text[]) AS prefix"
)


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
    words = query_words(text)
    if not words:
        return None
    if connection.vendor == "postgresql":
        # Skeletons are plain a-z, so they are safe to join into a raw tsquery.
        return document_matches(" & ".join(f"{word}:*" for word in words))
    condition = Q()
    for word in words:
        condition &= Q(search_key__contains=" " + word)
    return condition


def query_words(text):
    """The words of a query that a search looks for."""
    return search_words(text)[:MAX_QUERY_WORDS]


def document_matches(query):
    """A Q object matching vacancies whose ``search_document`` meets `query`, a raw
    full-text query (PostgreSQL)."""
    return Q(
        SearchVectorExact(SearchDocument(), SearchQuery(query, config="simple", search_type="raw"))
    )


def spelled_out(text, using):
    """`search_filter`'s query of `text` (PostgreSQL, database `using`) with each word
    written out as the words of the vacancies that begin with it ("paivandchi |
    paivandchilar" for "payvandchi"), as a raw full-text query: it finds the same
    vacancies. A word that begins none, or more than `MAX_SPELLED_OUT`, stays a
    prefix.

    Why: GIN answers a prefix by collecting every match of every word that begins
    with it into a bitmap, and only then intersects that with another condition's
    entries (a destination's); words written out it intersects as it reads them.
    "payvandchi" in Great Britain, which none of the 7,700 welders is in, took 3 ms
    as a prefix and 1 ms written out (200,000 vacancies). The words are read in
    one query of a small table (`vacancies_search_word`, migration 0018), so only
    `gathered` searches ask it: a walk tests a few hundred rows either way."""
    words = query_words(text)
    with connections[using].cursor() as cursor:
        cursor.execute(_WORDS_BEGINNING, [MAX_SPELLED_OUT + 1, words])
        beginning = dict(cursor.fetchall())
    parts = []
    for word in words:
        found = beginning.get(word) or []
        if 0 < len(found) <= MAX_SPELLED_OUT and all(map(_PLAIN_WORD.fullmatch, found)):
            parts.append(f"({' | '.join(found)})")
        else:
            parts.append(f"{word}:*")
    return " & ".join(parts)


def gathered(ordering):
    """`ordering` (a query's ``order_by``) in the same order, its first key written so
    that no index serves it: ``COALESCE(published_at, published_at)``. The planner
    then cannot walk an index in that order and test each row, and gathers the
    matches through the other conditions' indexes (the GIN index of the destination
    and the words: one scan for both) and sorts them. `vacancies.selectors.first_ids`
    asks this once a walk found the words rare in their filter: a word that no
    vacancy of a country has was otherwise looked for through every one of the
    country's rows (73 ms at 200,000)."""
    if not ordering:
        return list(ordering)
    first, *rest = ordering
    if isinstance(first, str):
        name = first.removeprefix("-")
        kept = Coalesce(F(name), F(name))
        first = kept.desc() if first.startswith("-") else kept.asc()
    else:  # an OrderBy: its direction and its place for nulls stay
        first = first.copy()
        first.expression = Coalesce(first.expression, first.expression)
    return [first, *rest]


def walk_first(queryset, condition, count, compiled=None, key=None):
    """The ids of the first `count` rows of `queryset` (filtered and ordered, PostgreSQL
    only: `vacancies.selectors.walks`) that meet `condition` (`search_filter`'s), read
    by walking `queryset` in its order and testing each row; None when the first
    `WALK_BUDGET` rows hold fewer and more rows follow: then the caller gathers the
    matches (`gathered`). ``compiled``, a dict, keeps the walk's SQL under `key`
    for a search that many requests share (`vacancies.selectors.first_ids`):
    compiling it took 0.5 ms.

    Why: the planner takes a word and a filter as independent. "payvandchi" with
    ``country=KR``, where every welder's job is in Korea, is estimated at a ninth of
    its matches, so it collected and sorted all 7,700 of them (15-26 ms) where the
    country's newest-first index reaches 201 in 750 rows (1 ms). A word that is rare
    in its filters costs the walk of the budget, about a millisecond, before they
    are gathered. The rows come out of the walk in the order of ``queryset`` (a
    subquery with ORDER BY and LIMIT is read as it is produced) and are numbered
    as they come, so the last row of the budget tells that it was spent. Its
    columns are named, not placed: Django may put the annotation first."""
    statement = compiled.get(key) if compiled is not None else None
    if statement is None:
        statement = _walk_statement(queryset, condition, count)
        if compiled is not None:
            compiled[key] = statement
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(*statement)
        rows = cursor.fetchall()
    hits = [pk for pk, hit, _number in rows if hit][:count]
    spent = any(number == WALK_BUDGET for _pk, _hit, number in rows)
    return hits if len(hits) == count or not spent else None


def _walk_statement(queryset, condition, count):
    """`walk_first`'s SQL and parameters."""
    walk = queryset.annotate(
        hit=ExpressionWrapper(condition, output_field=BooleanField())
    ).values_list("pk", "hit")[:WALK_BUDGET]
    sql, params = walk.query.get_compiler(using=walk.db).as_sql()
    # Django's compiled query, every value of it a parameter.
    numbered = f"SELECT pk, hit, row_number() OVER () AS rn FROM ({sql}) AS walk"  # noqa: S608
    return (
        f"SELECT pk, hit, rn FROM ({numbered}) AS numbered WHERE hit OR rn = %s LIMIT %s",  # noqa: S608
        (*params, WALK_BUDGET, count + 1),
    )
