"""A list's cards (`vacancies.card.Card`, rows of values) say what the vacancy says,
and name the destination and the agency without reading either."""

from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy
from vacancies import selectors
from vacancies.models import Vacancy

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
    assert [card.pk for card in cards] == [second.pk, first.pk]
    assert "vacancies_country" not in queries[0]["sql"]  # no country row, not even joined


@pytest.mark.parametrize("language", ["kaa", "uz", "ky", "ru", "en"])
def test_a_card_says_what_its_vacancy_says_in_each_language(language):
    """The title with modeltranslation's fallbacks (Karakalpak reads Uzbek, then
    Russian), the monthly wage of an hourly one, the labels, the city and the link."""
    vacancy = VacancyFactory(
        title_en="Welder",
        title_ru="Сварщик",
        title_uz="Payvandchi",
        title_kaa="",
        title_ky="",
        city="Seoul",
        wage_period="hour",
        wage_min=Decimal("10.50"),
        wage_max=Decimal("12.00"),
        hours_per_week=None,
    )
    with translation.override(language):
        [card] = selectors.cards([vacancy.pk])
        vacancy = Vacancy.objects.get(pk=vacancy.pk)
        for name in (
            "title",
            "city_name",
            "employer_name",
            "channel_label",
            "wage_period_label",
            "wage_currency",
            "housing",
            "deadline",
            "monthly_wage_usd",
        ):
            assert getattr(card, name) == getattr(vacancy, name), name
        assert card.monthly_wage() == vacancy.monthly_wage()
        assert card.monthly_wage(card.wage_max) == vacancy.monthly_wage(vacancy.wage_max)
        assert card.get_absolute_url() == vacancy.get_absolute_url()
    expected = {"kaa": "Payvandchi", "uz": "Payvandchi", "ky": "Сварщик", "ru": "Сварщик"}
    assert card.title == expected.get(language, "Welder")
