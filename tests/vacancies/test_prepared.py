"""The list page's search prepared once per language, query and day
(`vacancies.prepared`): every page of it reads the rows afresh, so a change to a
vacancy shows at once; the shared queryset is never evaluated; a new day, a new
generation of the kept menus or another language prepares it again; and the ids
read by the SQL kept for the search are the ones Django's own query reads."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from pagecache import kept
from pagecache.prepared import read_ids
from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy
from vacancies import prepared, selectors
from vacancies.models import Vacancy
from vacancies.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def korea():
    CountryFactory(code="KR", name_en="South Korea")
    return [VacancyFactory(country_id="KR", title_en=f"Welder {n}") for n in range(3)]


def search(query, language="en"):
    with translation.override(language):
        return prepared.prepared_search(QueryDict(query))


def shown(response):
    return [card.pk for card in response.context["page"].object_list]


def test_one_search_per_language_and_query_whatever_the_page(korea):
    first = search("country=KR&sort=wage")
    assert search("country=KR&sort=wage&page=2") is first
    assert first.query == "country=KR&sort=wage"
    assert search("country=KR&sort=wage", "ru") is not first
    assert search("country=KR") is not first
    assert len(prepared._prepared.written) == 3


def test_a_new_generation_of_the_kept_menus_prepares_it_again(korea):
    first = search("country=KR")
    kept._new_generation()
    assert search("country=KR") is not first


def test_the_turn_of_the_day_prepares_it_again_and_hides_what_expired(client, korea, monkeypatch):
    today = timezone.localdate()
    korea[0].expires_on = today
    korea[0].save()
    url = "/en/vacancies/?country=KR"
    assert korea[0].pk in shown(client.get(url))
    first = search("country=KR")
    monkeypatch.setattr(
        timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(1)
    )
    assert search("country=KR") is not first
    assert set(shown(client.get(url))) == {korea[1].pk, korea[2].pk}


def test_every_page_reads_the_rows_as_they_are_now(client, korea):
    url = "/en/vacancies/?country=KR"
    assert set(shown(client.get(url))) == {vacancy.pk for vacancy in korea}
    korea[0].status = Vacancy.Status.CLOSED
    korea[0].save()
    added = VacancyFactory(country_id="KR")
    assert set(shown(client.get(url))) == {added.pk, korea[1].pk, korea[2].pk}
    assert len(prepared._prepared.written) == 1


def test_the_shared_queryset_is_only_cloned(client, korea):
    for page in ("", "&page=2", ""):
        client.get(f"/en/vacancies/?country=KR{page}")
    [kept_search] = prepared._prepared.written.values()
    assert kept_search.filterset.qs._result_cache is None
    assert kept_search.filterset.without_text._result_cache is None


def test_the_kept_sql_reads_what_djangos_query_reads(client, korea):
    client.get("/en/vacancies/?country=KR&sort=deadline")
    [kept_search] = prepared._prepared.written.values()
    count = CappedPaginator.limit + 1
    assert list(kept_search.compiled) == [(count, None)]
    matches = kept_search.filterset.qs
    expected = list(matches.values_list("pk", flat=True)[:count])
    with CaptureQueriesContext(connection) as queries:
        assert kept_search.first_ids(count) == expected
    assert len(queries) == 1


def test_chips_and_sort_links_are_the_querys(client, korea):
    response = client.get("/en/vacancies/?country=KR&sort=wage&page=1")
    html = response.content.decode()
    assert 'href="?sort=wage#results"' in html  # the country's chip removes the country
    assert "South Korea" in html
    assert response.context["query"] == "country=KR&sort=wage"


def test_a_query_that_can_match_nothing_reads_nothing():
    with CaptureQueriesContext(connection) as queries:
        assert read_ids(Vacancy.objects.filter(pk__in=[])) == []
    assert len(queries) == 0


def test_a_vacancys_page_reads_what_the_models_read():
    """`selectors.vacancy_page`, `vacancy_costs` and `official_phones` read through
    queries compiled once a day (`pagecache.prepared`): the vacancy with its
    relations and ``is_public``, its costs and its agency's phones as the models'
    own querysets read them; a draft has no page."""
    vacancy, licence = agency_vacancy()
    vacancy.costs.create(kind="medical", amount="40.50", currency="USD")
    vacancy.costs.create(kind="agency_fee", amount="250000", currency="UZS")
    licence.agency.channels.create(kind="phone", value="+998 71 200 00 00")
    licence.agency.channels.create(kind="website", value="https://example.org")
    page = selectors.vacancy_page(vacancy.pk)
    assert page == vacancy and page.is_public and page.title == vacancy.title
    assert page.agency.legal_name == licence.agency.legal_name
    assert page.country.name == vacancy.country.name
    costs = selectors.vacancy_costs(page)
    expected = list(vacancy.costs.all())
    assert costs == expected and len(costs) == 2
    assert [(cost.amount, cost.currency) for cost in costs] == [
        (cost.amount, cost.currency) for cost in expected
    ]
    assert selectors.official_phones(page) == [("+998 71 200 00 00", "tel:+998712000000")]
    closed = VacancyFactory(status=Vacancy.Status.CLOSED)
    assert not selectors.vacancy_page(closed.pk).is_public
    assert selectors.vacancy_page(VacancyFactory(status=Vacancy.Status.DRAFT).pk) is None


def test_a_vacancys_page_compiled_in_one_language_reads_in_another():
    """The page's query is compiled once a day whatever the language: each language
    reads its own title, with modeltranslation's fallbacks, from the same SQL."""
    vacancy = VacancyFactory(title_en="Welder", title_ru="Сварщик", title_uz="")
    selectors._vacancy_pages._compiled.clear()
    with translation.override("ru"):
        assert selectors.vacancy_page(vacancy.pk).title == "Сварщик"
    for language in ("en", "uz", "ky"):
        with translation.override(language):
            expected = Vacancy.objects.get(pk=vacancy.pk).title
            with CaptureQueriesContext(connection) as queries:
                assert selectors.vacancy_page(vacancy.pk).title == expected
            assert len(queries) == 1, "every language's columns are in the one read"
    assert len(selectors._vacancy_pages._compiled) == 1
