"""PostgreSQL's table of the vacancies' words (migration 0018), kept by the database
on every write, and the query words written out from it when a search's matches
are gathered (`vacancies.search.spelled_out`, `vacancies.selectors.first_ids`)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import Partner
from spelling import search_words
from tests.factories.vacancies import CountryFactory, FeedVacancyFactory, VacancyFactory
from vacancies import search, selectors
from vacancies.copying import copy_insert

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def kept(*words):
    """Which of `words` the table holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT word FROM vacancies_search_word WHERE word = ANY(%s)", [list(words)]
        )
        return {word for (word,) in cursor.fetchall()}


def skeleton(word):
    (found,) = search_words(word)
    return found


def test_every_word_a_vacancy_is_written_with_is_kept():
    vacancy = VacancyFactory(title_uz="Qurilishchi", city="Gwangju")
    words = {skeleton("Qurilishchi"), skeleton("Gwangju")}
    assert kept(*words) == words

    vacancy.title_en = "Scaffolder"
    vacancy.save()
    assert kept(skeleton("Scaffolder"))

    partner = Partner.objects.create(name="Hanil Agro Co.")
    built = FeedVacancyFactory.build(partner=partner, external_id="H1", title_en="Greenhouse")
    built.set_derived_fields()
    copy_insert([built])  # a feed's rows, by COPY
    assert kept(skeleton("Greenhouse"))


def test_an_update_that_leaves_the_words_reads_none():
    """A change of wage (or of every wage in USD) adds nothing: the trigger reads
    only rows whose words changed. The word removed here by hand stays removed."""
    vacancy = VacancyFactory(title_uz="Qurilishchi")
    word = skeleton("Qurilishchi")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM vacancies_search_word WHERE word = %s", [word])
    vacancy.positions += 1
    vacancy.save()
    assert not kept(word)


def test_a_query_word_is_written_out_as_the_words_that_begin_with_it(monkeypatch):
    for title in ("Payvandchi", "Payvandchilar", "Farrosh"):
        VacancyFactory(title_uz=title)
    welder = skeleton("payvandchi")
    words = " | ".join(sorted({welder, skeleton("Payvandchilar")}))

    assert search.spelled_out("payvandchi", "default") == f"({words})"
    both = search.spelled_out("payvandchi farrosh", "default")
    assert both == f"({words}) & ({skeleton('Farrosh')})"
    # a word that begins none stays a prefix: it finds nothing either way
    assert search.spelled_out("zzyzx", "default") == f"{skeleton('zzyzx')}:*"
    # so does a word that begins too many
    monkeypatch.setattr(search, "MAX_SPELLED_OUT", 1)
    assert search.spelled_out("payvandchi", "default") == f"{welder}:*"


@pytest.fixture
def cleaners_in_korea(monkeypatch):
    """Korea's twelve newest vacancies are welders' and one older is a cleaner's: with a
    walk of eight rows, "farrosh" in Korea is gathered."""
    monkeypatch.setattr(search, "WALK_BUDGET", 8)
    korea = CountryFactory(code="KR")
    now = timezone.now()
    for n in range(12):
        VacancyFactory(
            country=korea, title_uz="Payvandchi", published_at=now - datetime.timedelta(hours=n)
        )
    VacancyFactory(country=korea, title_uz="Farrosh", published_at=now - datetime.timedelta(days=9))
    return korea


def test_gathered_matches_are_asked_for_with_the_words_written_out(cleaners_in_korea):
    params = {"q": "farrosh", "country": "KR"}
    expected = list(selectors.search(params).qs.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        found = selectors.first_ids(selectors.search(params), 5)
    assert found == expected and len(found) == 1
    walk, words, gathering = (query["sql"] for query in queries)
    assert "row_number() OVER ()" in walk
    assert "vacancies_search_word" in words
    assert f"({skeleton('Farrosh')})" in gathering and "ORDER BY COALESCE(" in gathering


def test_a_kept_search_finds_a_word_that_is_new_to_the_vacancies(cleaners_in_korea):
    """The list page keeps the SQL of a search's ids (`vacancies.prepared`); a word the
    vacancies did not have when it was compiled is asked for in SQL of its own."""
    params = {"q": "farrosh", "country": "KR"}
    filterset, compiled = selectors.search(params), {}
    assert len(selectors.first_ids(filterset, 5, compiled=compiled)) == 1

    newer = VacancyFactory(
        country=cleaners_in_korea,
        title_uz="Farroshlar",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    found = selectors.first_ids(filterset, 5, compiled=compiled)
    assert found[0] == newer.pk and len(found) == 2
