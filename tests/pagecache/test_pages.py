"""Whole anonymous pages kept in the cache, and made stale at once by any committed
change to what they show (the database's triggers) and by the turn of the day.

Transactional tests: the triggers raise the generation at commit."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies import services as agency_services
from pagecache.models import PageGeneration
from tests.factories.agencies import AgencyFactory
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import VacancyFactory, agency_vacancy, rates
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/en/vacancies/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """On, with the generation row a flush of the previous transactional test removed."""
    settings.PAGE_CACHE_SECONDS = 30
    PageGeneration.objects.get_or_create(id=1)


def fetch(client, url=LIST):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_kept_page_costs_one_query_and_is_the_same_page(client):
    VacancyFactory(title_en="Welder")
    first, rendered_queries = fetch(client)
    again, kept_queries = fetch(client)
    assert again == first and "Welder" in again
    assert rendered_queries > 1
    assert kept_queries == 1  # the generation


def test_without_the_generation_row_no_page_is_kept(client):
    """A database whose row was removed by hand: nothing could tell when a kept page
    went stale, so every page is rendered afresh."""
    VacancyFactory(title_en="Welder")
    PageGeneration.objects.all().delete()
    first, rendered_queries = fetch(client)
    again, queries_again = fetch(client)
    assert again == first and "Welder" in again
    assert rendered_queries > 1 and queries_again > 1  # a kept page costs one


def test_a_changed_vacancy_makes_every_kept_list_stale(client):
    vacancy = VacancyFactory(title_en="Welder")
    assert "Welder" in fetch(client)[0]
    assert "Welder" in fetch(client, "/en/vacancies/?sort=wage")[0]
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save()
    assert "Welder" not in fetch(client)[0]
    assert "Welder" not in fetch(client, "/en/vacancies/?sort=wage")[0]


def test_a_bulk_update_is_seen_too(client):
    VacancyFactory(title_en="Welder")
    assert "Welder" in fetch(client)[0]
    Vacancy.objects.update(title_en="Bricklayer")  # no signal, no save(): the database tells
    page = fetch(client)[0]
    assert "Welder" not in page and "Bricklayer" in page


def test_a_suspended_licence_hides_the_agency_vacancy_at_once(client):
    vacancy, licence = agency_vacancy(title_en="Agency welder")
    assert "Agency welder" in fetch(client)[0]
    assert "Agency welder" in fetch(client, f"/en/vacancies/{vacancy.pk}/")[0]
    agency_services.suspend(licence, actor=OfficerFactory(), reason="Inspection")
    assert "Agency welder" not in fetch(client)[0]
    assert client.get(f"/en/vacancies/{vacancy.pk}/").status_code == 410


def test_a_new_rate_is_seen_at_once(client):
    rates(KRW=1000)
    vacancy = VacancyFactory(title_en="Welder", wage_min=2_000_000, wage_currency="KRW")
    page = f"/en/vacancies/{vacancy.pk}/"
    before = fetch(client, page)[0]
    assert "2,000" in before
    rates(KRW=4000)
    after = fetch(client, page)[0]
    assert after != before and "500" in after


def test_the_turn_of_the_day_makes_kept_pages_stale(client, monkeypatch):
    VacancyFactory(title_en="Welder", deadline=timezone.localdate())
    assert "Welder" in fetch(client)[0]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "Welder" not in fetch(client)[0]


def test_visitors_with_a_session_and_cookie_setting_answers_are_not_kept(client):
    AgencyFactory()
    VacancyFactory()  # rendered, the list reads its ids and its cards: two queries
    client.cookies["sessionid"] = "anything"
    fetch(client)
    assert fetch(client)[1] > 1
    client.cookies.clear()
    # A form: not a kept view, and it sets the CSRF cookie. Each rendering masks the
    # token afresh, so a kept copy would repeat it.
    first, _queries = fetch(client, "/en/agencies/report/")
    second, _queries = fetch(client, "/en/agencies/report/")
    assert "csrfmiddlewaretoken" in first and first != second


def test_turned_off_it_keeps_nothing(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    VacancyFactory()  # rendered, the list reads its ids and its cards: two queries
    fetch(client)
    assert fetch(client)[1] > 1
