"""A list's cards (`vacancies.card.Card`, rows of values) say what the vacancy says,
and name the destination and the agency without reading either."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy, rates
from vacancies import card as card_module
from vacancies import selectors
from vacancies.models import ExchangeRate, Vacancy

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


def cards_of(response):
    return re.findall(
        r'<li class="card vacancy tappable">.*?</li>', response.content.decode(), re.S
    )


@pytest.fixture
def fresh_cards():
    card_module._cards.written.clear()
    yield
    card_module._cards.written.clear()


def test_a_kept_card_is_the_card_written_afresh(client, fresh_cards):
    rates(KRW=1400, UZS=12600)
    VacancyFactory(wage_currency="KRW", wage_min=Decimal("2500000"), housing=True)
    written = cards_of(client.get("/uz/vacancies/"))
    assert len(written) == 1 and len(card_module._cards.written) == 1
    assert cards_of(client.get("/uz/vacancies/")) == written
    card_module._cards.written.clear()
    assert cards_of(client.get("/uz/vacancies/")) == written
    assert "UZS" in written[0] and "USD" in written[0]  # its conversions


def test_a_card_shows_every_change_at_once(client, fresh_cards):
    """A new title, the agency's new name, a new rate and another language
    are each another card."""
    rates(KRW=1400, UZS=12600)
    vacancy, licence = agency_vacancy(wage_currency="KRW", wage_min=Decimal("2500000"))
    [before] = cards_of(client.get("/en/vacancies/"))
    Vacancy.objects.filter(pk=vacancy.pk).update(title_en="Welder (night shift)")
    [titled] = cards_of(client.get("/en/vacancies/"))
    assert "Welder (night shift)" in titled and titled != before
    licence.agency.legal_name = "Jangi Yo'l Servis LLC"
    licence.agency.save()
    assert "Jangi Yo&#39;l Servis LLC" in cards_of(client.get("/en/vacancies/"))[0]
    korean_won = ExchangeRate.objects.get(currency="KRW")
    korean_won.per_usd = Decimal("1500")
    korean_won.save()
    [repriced] = cards_of(client.get("/en/vacancies/"))
    assert "1,667 USD" in repriced  # 2,500,000 KRW at 1,500 a dollar
    [russian] = cards_of(client.get("/ru/vacancies/"))
    assert 'href="/ru/vacancies/' in russian and "USD" in russian


def test_the_cards_query_is_compiled_once_a_day_for_each_number_of_ids():
    """Compiled for a page's number of ids, whatever the language: the row holds the
    title in every language, and each card keeps the reader's, or its fallback's, as
    the model's field gives it (Karakalpak falls back to Uzbek, then Russian)."""
    selectors._card_rows._compiled.clear()
    welder = VacancyFactory(title_en="Welder", title_uz="Payvandchi", title_ru="Сварщик")
    cook = VacancyFactory(title_en="Cook", title_uz="", title_ru="Повар", title_kaa="")
    titles = {}
    for language, ids in [
        ("uz", [welder.pk]),
        ("en", [cook.pk]),
        ("uz", [cook.pk, welder.pk]),
        ("kaa", [cook.pk, welder.pk]),
    ]:
        with translation.override(language):
            titles[language, tuple(ids)] = [card.title for card in selectors.cards(ids)]
        with translation.override(language):
            expected = [str(Vacancy.objects.get(pk=pk).title) for pk in ids]
        assert titles[language, tuple(ids)] == expected
    assert titles == {
        ("uz", (welder.pk,)): ["Payvandchi"],
        ("en", (cook.pk,)): ["Cook"],
        ("uz", (cook.pk, welder.pk)): ["Повар", "Payvandchi"],
        ("kaa", (cook.pk, welder.pk)): ["Повар", "Payvandchi"],
    }
    assert sorted(shape for _on, shape in selectors._card_rows._compiled) == [(1,), (2,)]
