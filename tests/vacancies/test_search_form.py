"""The search form's HTML kept per language, query and menus with the rest of its
search (`vacancies.search_form`, `vacancies.prepared`): the same as written afresh,
never another query's or language's, and written again when a destination changes."""

import re

import pytest

from tests.factories.vacancies import CountryFactory, VacancyFactory
from vacancies import prepared

pytestmark = pytest.mark.django_db


def form_of(response):
    return re.search(r'<form method="get".*?</form>', response.content.decode(), re.S).group(0)


@pytest.fixture(autouse=True)
def korea():
    VacancyFactory()
    return CountryFactory(code="KR", name_en="South Korea", name_ru="Южная Корея")


def test_a_kept_form_is_the_form_written_afresh(client):
    first = form_of(client.get("/en/vacancies/?country=KR&housing=on"))
    assert len(prepared._prepared.written) == 1
    kept = form_of(client.get("/en/vacancies/?country=KR&housing=on"))
    assert kept == first
    prepared._prepared.written.clear()
    assert form_of(client.get("/en/vacancies/?country=KR&housing=on")) == kept
    assert '<option value="KR" selected>South Korea</option>' in kept
    assert "(2 active)" in kept


def test_each_query_and_language_has_its_own_form(client):
    korea_en = form_of(client.get("/en/vacancies/?country=KR"))
    anywhere_en = form_of(client.get("/en/vacancies/"))
    korea_ru = form_of(client.get("/ru/vacancies/?country=KR"))
    assert len(prepared._prepared.written) == 3
    assert '<option value="KR" selected>' in korea_en
    assert "selected>South Korea" not in anywhere_en
    assert '<option value="KR" selected>Южная Корея</option>' in korea_ru
    assert 'action="/ru/vacancies/#results"' in korea_ru


def test_errors_are_shown_for_their_own_query(client):
    wrong = form_of(client.get("/en/vacancies/?min_wage=lots"))
    assert "Enter a number." in wrong
    assert "Enter a number." not in form_of(client.get("/en/vacancies/?min_wage=500"))
    assert form_of(client.get("/en/vacancies/?min_wage=lots")) == wrong


def test_a_changed_destination_is_shown_at_once(client, korea):
    assert "South Korea" in form_of(client.get("/en/vacancies/"))
    korea.name_en = "Republic of Korea"
    korea.save()
    form = form_of(client.get("/en/vacancies/"))
    assert "Republic of Korea" in form
    assert "South Korea" not in form
