from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from partners.models import Partner
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates
from vacancies.models import Vacancy, VacancyCost
from vacancies.services import refresh_wages_in_usd

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields",
    [
        {"positions": 0},
        {"wage_min": Decimal("0")},
        {"wage_min": Decimal("500"), "wage_max": Decimal("400")},
        {"age_min": 40, "age_max": 30},
        {"age_min": 12},
        {"age_max": 90},
        {"hours_per_week": 0},
        {"hours_per_week": 100},
        {"contract_months": 0},
        {"status": "published", "published_at": None},
        {"channel": "telegram"},
        {"channel": "agency"},
        {"source": "api", "external_id": ""},
    ],
)
def test_database_refuses_impossible_vacancies(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        VacancyFactory(**fields)


def test_external_id_is_unique_per_partner_only():
    first, second = Partner.objects.create(name="A"), Partner.objects.create(name="B")
    VacancyFactory(partner=first, source="api", external_id="X-1")
    VacancyFactory(partner=second, source="api", external_id="X-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        VacancyFactory(partner=first, source="feed", external_id="X-1")


def test_costs_are_not_negative_and_one_of_each_kind():
    vacancy = VacancyFactory()
    VacancyCost.objects.create(vacancy=vacancy, kind="visa", amount=50, currency="USD")
    VacancyCost.objects.create(vacancy=vacancy, kind="other", amount=5, currency="USD")
    VacancyCost.objects.create(vacancy=vacancy, kind="other", amount=7, currency="USD")
    with pytest.raises(IntegrityError), transaction.atomic():
        VacancyCost.objects.create(vacancy=vacancy, kind="visa", amount=60, currency="USD")
    with pytest.raises(IntegrityError), transaction.atomic():
        VacancyCost.objects.create(vacancy=vacancy, kind="medical", amount=-1, currency="USD")


def test_monthly_wage_in_usd_is_stored_and_follows_rate_changes():
    rates(KRW=1400, GBP="0.8")
    monthly = VacancyFactory(wage_min=Decimal("2100000"), wage_currency="KRW")
    hourly = VacancyFactory(
        wage_min=Decimal("12.00"), wage_currency="GBP", wage_period="hour", hours_per_week=39
    )
    no_rate = VacancyFactory(wage_min=Decimal("1000"), wage_currency="PLN")
    assert monthly.monthly_wage_usd == 1500
    # 12 GBP x 39 h x 52/12 weeks = 2028 GBP = 2535 USD
    assert hourly.monthly_wage_usd == 2535
    assert no_rate.monthly_wage_usd is None

    rates(on=timezone.localdate() + timedelta(days=1), KRW=1500)
    assert refresh_wages_in_usd() == 0, "a future rate does not apply yet"
    rates(KRW=1050)
    assert refresh_wages_in_usd("KRW") == 1
    monthly.refresh_from_db()
    assert monthly.monthly_wage_usd == 2000


def test_search_key_holds_every_language_and_script():
    vacancy = VacancyFactory(
        title_en="Welder", title_ru="Сварщик", title_uz="Payvandchi", city="Ulsan"
    )
    for word in ("welder", "сварщик", "svarshik", "PAYVANDCHI", "Ульсан"):
        assert Vacancy.objects.filter(search_key__contains=" " + _skeleton(word)).get() == vacancy


def _skeleton(word):
    from spelling import normalise_token

    return normalise_token(word)


def test_country_code_must_be_two_capitals():
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(code="kr")


@pytest.mark.parametrize("language", ["uz", "ky", "ru"])
def test_card_labels_are_the_choices_labels(language):
    vacancy = Vacancy(channel="agency", wage_period="hour")
    with translation.override(language):
        assert vacancy.channel_label == vacancy.get_channel_display()
        assert vacancy.wage_period_label == vacancy.get_wage_period_display()
    assert Vacancy(channel="unknown").channel_label == "unknown"
