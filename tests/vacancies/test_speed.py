"""What the speed of the lists rests on, pinned where it is deterministic: how many
queries each list page and the API list make, which columns they read (never a
country's guide, never a description on a list), and, on PostgreSQL, that every
order the list offers, with the filters that narrow it, is read off an index
rather than sorted (issue 18; figures: `manage.py benchmark vacancies`)."""

import datetime
import itertools
import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.agencies import LicensingAuthorityFactory
from tests.factories.vacancies import (
    CountryFactory,
    FeedVacancyFactory,
    OccupationFactory,
    VacancyFactory,
    agency_vacancy,
    rates,
)
from vacancies import search, selectors
from vacancies.api.pages import _searches as api_searches
from vacancies.api.views import NewestFirst
from vacancies.models import Vacancy
from vacancies.pagination import CappedPaginator

pytestmark = pytest.mark.django_db

# ids (count and page at once), cards with their countries' and agencies' names (the
# exchange rates, the filter menus and the footer's hotlines are kept in the cache).
LIST_QUERIES = 2
LIST_PAGES = [
    "/en/vacancies/",
    "/uz/vacancies/?country=KR&language=ko&contract=long",
    "/en/vacancies/?country=RU&min_wage=700&housing=on&sort=wage",
    "/uz/vacancies/?occupation=9&min_wage=500&channel=agency",
    "/kaa/vacancies/?country=KR&sort=deadline&page=2",
    "/ru/vacancies/?q=сварщик",
    "/uz/vacancies/?q=payvandchi&country=KR",
    "/ky/vacancies/?q=welder&sort=wage",
]


@pytest.fixture
def vacancies():
    rates(KRW=1400, RUB=90)
    for code in ("KR", "RU"):
        CountryFactory(code=code, name_en=code)
    OccupationFactory(code="9", title_en="Elementary occupations")
    for n in range(25):
        VacancyFactory(
            title_en="Welder",
            title_ru="Сварщик",
            title_uz="Payvandchi",
            language="ko",
            housing=n % 2 == 0,
            # A card shows an hourly wage a month at a time, from the weekly hours.
            wage_period="hour" if n % 3 == 0 else "month",
            hours_per_week=48 if n % 3 == 0 else None,
        )
        agency_vacancy(
            destinations=("RU", "KR"),
            country_id="RU" if n % 2 else "KR",
            title_en="Welder",
            title_ru="Сварщик",
            title_uz="Payvandchi",
            language="ko",
            wage_min=180_000,
            wage_currency="RUB",
            housing=True,
            occupation=OccupationFactory(code="9"),
        )


def captured(client, url):
    client.get(url)  # the filter menus are kept in the cache after the first search
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_list_page_makes_the_same_few_queries(client, vacancies, url):
    response, queries = captured(client, url)
    assert response.context["page"].object_list, "the page has cards"
    assert len(queries) == LIST_QUERIES, "\n".join(q[:150] for q in queries)


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_read_no_guide_and_no_description(client, vacancies, url):
    _response, queries = captured(client, url)
    text = " ".join(sql for sql in queries if "vacancies_" in sql)
    assert "entry_and_permits" not in text and "needs_review" not in text
    assert "description" not in text and "qualifications" not in text


def test_only_the_first_query_is_filtered_and_it_reads_only_ids(client, vacancies):
    _response, queries = captured(client, "/en/vacancies/?country=KR&sort=wage")
    ids = queries[0]
    assert ids.startswith('SELECT "vacancies_vacancy"."id" AS "pk" FROM')
    assert f"LIMIT {CappedPaginator.limit + 1}" in ids
    assert "vacancies_licencedestination" not in " ".join(queries[1:]), "one visibility test"


def test_the_atom_feed_makes_the_list_queries(client, vacancies):
    _response, queries = captured(client, "/en/vacancies/feed/?country=RU")
    assert len(queries) == LIST_QUERIES
    assert "description" not in " ".join(queries)


def test_the_api_list_makes_two_queries_and_reads_no_guide(api_client, vacancies):
    url = "/api/v1/vacancies/?country=RU&min_wage=700&housing=true"
    api_client.get(url)  # the country menu, which validates the filter, is then kept
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url)
    assert response.status_code == 200 and response.json()["results"]
    assert response.json()["results"][0]["country"] == "RU"
    assert len(queries) == 2  # vacancies with their partners, their costs
    assert "entry_and_permits" not in " ".join(query["sql"] for query in queries)
    costs = queries[1]["sql"]
    assert costs.startswith('SELECT "vacancies_vacancycost"') and "JOIN" not in costs


def test_the_vacancy_page_reads_no_guide_and_asks_the_rule_in_its_own_query(client, vacancies):
    vacancy = Vacancy.objects.public().filter(channel="agency").first()
    _response, queries = captured(client, f"/ru/vacancies/{vacancy.pk}/")
    assert "entry_and_permits" not in " ".join(queries)
    # the vacancy with its relations and whether it is public, its costs, the
    # agency's official phones
    assert len(queries) == 3, "\n".join(q[:150] for q in queries)
    assert "agencies_licencedestination" in queries[0]
    # of its relations only the names and contacts the page shows
    assert "tax_number" not in queries[0] and '"partners_partner"."notes"' not in queries[0]


@pytest.mark.parametrize("channel", ["authority", "employer"])
def test_a_state_or_partner_vacancy_page_reads_no_relation_field_apart(client, channel):
    """The page reads of its relations only `_PAGE_RELATIONS`: a field it shows and
    that list lacks would be read in a query of its own. The authority's phone and
    website and the partner's name come with the vacancy; its costs come after."""
    if channel == "authority":
        authority = LicensingAuthorityFactory(website="https://example.org", phone="+998 71 000")
        vacancy = VacancyFactory(authority=authority)
    else:
        vacancy = FeedVacancyFactory()
    response, queries = captured(client, f"/en/vacancies/{vacancy.pk}/")
    assert len(queries) == 2, "\n".join(q[:150] for q in queries)
    page = response.content.decode()
    assert vacancy.country.name_en in page
    if vacancy.channel == "employer":
        assert vacancy.partner.name in page
    else:
        assert "https://example.org" in page and "tel:+99871000" in page


def test_an_agency_page_reads_its_open_vacancies_as_ids_then_cards(client, vacancies):
    agency = Vacancy.objects.public().filter(channel="agency").first().agency
    response, queries = captured(client, f"/en/agencies/{agency.pk}/")
    vacancy_queries = [query for query in queries if '"vacancies_vacancy"' in query]
    assert len(vacancy_queries) == 2, "\n".join(q[:150] for q in vacancy_queries)
    assert "Welder" in response.content.decode()
    assert "vacancies_country" not in " ".join(queries)  # the names are kept


# --- PostgreSQL: each order of each filter combination has its index ----------------

# The indexes that hold each order (`Vacancy.Meta.indexes`); which of them the
# planner takes for a few test rows depends on its estimates, not on the rows.
ORDER_INDEXES = {
    "newest": {"vacancy_newest", "vacancy_country_newest"},
    "wage": {
        "vacancy_highest_wage",
        "vacancy_country_wage",
        "vacancy_highest_wage_housing",
        "vacancy_country_wage_housing",
    },
    "deadline": {"vacancy_closest_deadline", "vacancy_country_deadline"},
}
FILTER_COMBINATIONS = [
    {},
    {"country": "KR"},
    {"country": "KR", "language": "ko", "contract": "long"},
    {"sort": "wage"},
    {"country": "RU", "sort": "wage"},
    {"housing": "on", "sort": "wage"},
    {"country": "RU", "min_wage": "700", "housing": "on", "sort": "wage"},
    {"sort": "deadline"},
    {"country": "KR", "sort": "deadline"},
    {"occupation": "9", "min_wage": "500", "channel": "agency"},
    {"q": "welder"},
    {"q": "welder", "sort": "wage"},
]


@pytest.mark.postgres
@pytest.mark.parametrize("params", FILTER_COMBINATIONS)
def test_every_order_is_read_off_an_index_not_sorted(vacancies, params):
    """With sequential scans, bitmaps and sorts priced out, the planner must still find
    a plan: one that reads the page's order off an index, never a Sort."""
    filterset = selectors.search(params)
    assert filterset.is_valid(), filterset.errors
    ids = filterset.qs.values_list("pk", flat=True)[: CappedPaginator.limit + 1]
    sql, sql_params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", sql_params)
        lines = [row[0] for row in cursor.fetchall()]
    plan = "\n".join(lines)
    # The vacancies' own plan, before the licence subplan (which has its own indexes).
    main = "\n".join(
        itertools.takewhile(lambda line: not line.strip().startswith("SubPlan"), lines)
    )
    used = set(re.findall(r" using (\w+) on vacancies_vacancy", main))
    assert used and used <= ORDER_INDEXES[params.get("sort", "newest")], plan
    assert "Sort" not in main, plan


# --- words with a filter: walked in the filter's order first (`search.walk_first`) ----


@pytest.fixture
def walkable():
    """Welders only in Korea, ten of them newest; a cleaner, Korea's oldest; Russia
    without a welder."""
    rates(KRW=1400, RUB=90)
    korea, russia = CountryFactory(code="KR"), CountryFactory(code="RU")
    now = timezone.now()
    for n in range(12):
        VacancyFactory(
            country=korea,
            title_uz="Payvandchi",
            wage_min=2_000_000 + n * 10_000,
            deadline=now.date() + datetime.timedelta(days=30 + n % 4),
            published_at=now - datetime.timedelta(hours=n),
        )
    VacancyFactory(
        country=korea,
        title_uz="Farrosh",
        language="ko",
        published_at=now - datetime.timedelta(days=9),
    )
    for n in range(12):
        VacancyFactory(
            country=russia,
            title_uz="Yuk ortuvchi",
            wage_min=90_000,
            wage_currency="RUB",
            published_at=now - datetime.timedelta(hours=n),
        )


WALKED_SEARCHES = [
    ({"q": "payvandchi", "country": "KR"}, "walked"),
    ({"q": "payvandchi", "country": "KR", "sort": "wage"}, "walked"),
    ({"q": "payvandchi", "country": "KR", "sort": "deadline"}, "walked"),
    ({"q": "farrosh", "country": "KR"}, "asked"),  # rare in Korea: the budget runs out
    ({"q": "payvandchi", "country": "RU"}, "asked"),  # none in Russia
    ({"q": "farrosh", "country": "KR", "language": "ko"}, "walked"),  # one row in all
    ({"q": "payvandchi"}, "asked"),  # no other filter: the planner knows the word
]


@pytest.mark.parametrize(("params", "how"), WALKED_SEARCHES)
def test_a_word_with_a_filter_finds_what_the_plain_query_finds_in_its_order(
    walkable, monkeypatch, params, how
):
    """The walk is only a way to the same ids: the same ones in the same order as the
    search's own query, whether the walk finds them, runs out of budget or reads
    every row of its filter. On SQLite the search's own query answers."""
    monkeypatch.setattr(search, "WALK_BUDGET", 8)
    filterset = selectors.search(params)
    expected = list(filterset.qs.values_list("pk", flat=True)[:5])
    with CaptureQueriesContext(connection) as queries:
        found = selectors.first_ids(selectors.search(params), 5)
    assert found == expected
    walked = any("row_number() OVER ()" in query["sql"] for query in queries)
    if connection.vendor != "postgresql":
        assert not walked and len(queries) == 1
    elif how == "walked":
        assert walked and len(queries) == 1
    else:
        # the budget spent: the query words written out, the matches gathered
        assert len(queries) == (3 if params.keys() - {"q", "sort"} else 1)
        if len(queries) == 3:
            assert "ORDER BY COALESCE(" in queries[2]["sql"]


@pytest.mark.parametrize(("params", "how"), WALKED_SEARCHES)
def test_the_apis_cursor_pages_of_a_word_with_a_filter_are_the_plain_querys(
    client, walkable, monkeypatch, params, how
):
    """Through `vacancies.api.pages.SearchPages`: every page, forwards and back, holds
    what the plain query's newest-first order gives, and no vacancy twice."""
    monkeypatch.setattr(search, "WALK_BUDGET", 8)
    monkeypatch.setattr(NewestFirst, "page_size", 5)
    params = {name: value for name, value in params.items() if name != "sort"}
    plain = selectors.search(params).qs.order_by("-published_at", "-id")
    expected = list(plain.values_list("pk", flat=True))
    pages, url = [], "/api/v1/vacancies/?" + urlencode(params)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url).json()
    sql = " ".join(query["sql"] for query in queries)
    walked = connection.vendor == "postgresql" and params.keys() - {"q"}
    assert ("row_number() OVER ()" in sql) == bool(walked)
    assert ("ORDER BY COALESCE(" in sql) == bool(walked and how == "asked")
    while url:
        answer = client.get(url).json()
        pages.append([item["id"] for item in answer["results"]])
        url = answer["next"]
    assert [pk for page in pages for pk in page] == expected
    backwards = []
    url = answer["previous"]
    while url:
        answer = client.get(url).json()
        backwards.insert(0, [item["id"] for item in answer["results"]])
        url = answer["previous"]
    assert backwards == pages[:-1]


def test_the_api_keeps_a_search_per_query_and_reads_its_rows_afresh(client, walkable, monkeypatch):
    """Every cursor page of a query reads one kept search (`vacancies.api.pages`): its
    querysets are only cloned and its SQL compiled once, so a vacancy published
    meanwhile is on the next answer; a query refused is refused again."""
    monkeypatch.setattr(NewestFirst, "page_size", 5)
    url = "/api/v1/vacancies/?q=payvandchi&country=KR"
    first = client.get(url).json()
    client.get(first["next"])
    [search] = api_searches.written.values()
    assert search.filterset.qs._result_cache is None
    assert search.filterset.without_text._result_cache is None
    if connection.vendor == "postgresql":  # the walk's SQL, kept for the first page
        assert ("walk", 6, ("-published_at", "-id")) in search.compiled
    newest = VacancyFactory(country=CountryFactory(code="KR"), title_uz="Payvandchi")
    assert client.get(url).json()["results"][0]["id"] == newest.pk
    assert len(api_searches.written) == 1

    for _n in range(2):
        refused = client.get("/api/v1/vacancies/?country=KR&min_wage=many")
        assert refused.status_code == 400
        assert refused.json()["error"]["fields"] == {"min_wage": ["Enter a number."]}


def test_the_list_page_and_the_feed_show_what_the_walk_found(client, walkable):
    page = client.get("/uz/vacancies/?q=payvandchi&country=KR&sort=wage")
    ids = [vacancy.pk for vacancy in page.context["page"].object_list]
    plain = selectors.search({"q": "payvandchi", "country": "KR", "sort": "wage"}).qs
    assert ids == list(plain.values_list("pk", flat=True)[:20]) and len(ids) == 12
    feed = client.get("/uz/vacancies/feed/?q=payvandchi&country=KR").content.decode()
    assert feed.count("<entry>") == 12
