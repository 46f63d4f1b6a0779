"""A list's cards name the destination and the agency without reading either."""

import pytest
from django.utils import translation

from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy
from vacancies import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ru", "uz", "en"])
def test_a_card_names_the_destination_in_the_readers_language_or_its_fallback(language):
    testland = CountryFactory(code="XT", name_en="Testland", name_ru="Тестландия")
    vacancy = VacancyFactory(country=testland)
    with translation.override(language):
        [card] = selectors.cards([vacancy.pk])
        assert card.country_name == str(testland)
        assert str(testland) == {"ru": "Тестландия", "uz": "Тестландия", "en": "Testland"}[language]


def test_a_card_names_its_agency_and_a_state_vacancy_none():
    agency_job, licence = agency_vacancy()
    state_job = VacancyFactory()
    cards = selectors.cards([agency_job.pk, state_job.pk])
    assert [card.agency_name for card in cards] == [licence.agency.legal_name, None]


def test_cards_come_in_the_order_of_the_ids_and_skip_what_is_gone(django_assert_num_queries):
    first, second = VacancyFactory(), VacancyFactory()
    selectors.cards([first.pk])  # the destinations' menu, now kept
    with django_assert_num_queries(1) as queries:
        cards = selectors.cards([second.pk, 0, first.pk])
    assert cards == [second, first]
    assert "vacancies_country" not in queries[0]["sql"]  # no country row, not even joined
