"""The exchange-rate rule: saving or deleting a rate recomputes the stored USD wages
of the currencies it touches, whoever does it (`vacancies.services`)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.vacancies import VacancyFactory, rates
from vacancies import services
from vacancies.models import ExchangeRate, Vacancy

pytestmark = pytest.mark.django_db


def wage_usd(vacancy):
    vacancy.refresh_from_db()
    return vacancy.monthly_wage_usd


@pytest.fixture
def korean_job():
    """A job paying 2,800,000 KRW a month: 2,000 USD at 1,400 KRW per dollar."""
    rates(KRW=1400)
    vacancy = VacancyFactory(wage_min=2_800_000, wage_currency="KRW")
    assert vacancy.monthly_wage_usd == 2000
    return vacancy


def test_deleting_the_only_rate_of_a_currency_makes_its_wages_unknown(korean_job):
    never_had_a_rate = VacancyFactory(wage_min=1000, wage_currency="PLN")
    services.delete_exchange_rates(ExchangeRate.objects.filter(currency="KRW"))
    assert wage_usd(korean_job) is None
    assert wage_usd(never_had_a_rate) is None, "the same as a currency that never had a rate"


def test_deleting_a_newer_rate_falls_back_to_the_older_one(korean_job):
    rates(on=timezone.localdate() - timedelta(days=7), KRW=1120)
    assert wage_usd(korean_job) == 2000, "the newest rate applies"
    services.delete_exchange_rates([ExchangeRate.objects.get(currency="KRW", per_usd=1400)])
    assert wage_usd(korean_job) == 2500


def test_deleting_a_rate_leaves_other_currencies_alone(korean_job):
    rates(GBP="0.8")
    british_job = VacancyFactory(wage_min=1600, wage_currency="GBP")
    Vacancy.objects.filter(pk=british_job.pk).update(monthly_wage_usd=1)
    services.delete_exchange_rates(ExchangeRate.objects.filter(currency="KRW"))
    assert wage_usd(british_job) == 1


def test_saving_a_rate_recomputes_its_wages_and_a_corrected_currency_the_former_one(korean_job):
    rate = ExchangeRate.objects.get(currency="KRW")
    rate.per_usd = 1120
    services.save_exchange_rates([rate])
    assert wage_usd(korean_job) == 2500

    rate.currency = "KGS"
    services.save_exchange_rates([rate])
    assert wage_usd(korean_job) is None, "KRW has no rate left"
    kyrgyz_job = VacancyFactory(wage_min=2240, wage_currency="KGS")
    assert kyrgyz_job.monthly_wage_usd == 2


def test_a_future_rate_does_not_apply_yet(korean_job):
    tomorrow = timezone.localdate() + timedelta(days=1)
    services.save_exchange_rates([ExchangeRate(currency="KRW", per_usd=1120, date=tomorrow)])
    assert wage_usd(korean_job) == 2000


# --- the admin goes through the services -----------------------------------------------


def test_admin_deletes_the_only_rate_and_the_wage_becomes_unknown(admin_client, korean_job):
    rate = ExchangeRate.objects.get(currency="KRW")
    response = admin_client.post(
        f"/en/admin/vacancies/exchangerate/{rate.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ExchangeRate.objects.exists()
    assert wage_usd(korean_job) is None


def test_admin_bulk_deletion_recomputes_every_currency_it_touches(admin_client, korean_job):
    rates(on=timezone.localdate() - timedelta(days=7), KRW=1120)
    rates(GBP="0.8")
    british_job = VacancyFactory(wage_min=1600, wage_currency="GBP")
    assert british_job.monthly_wage_usd == 2000
    selected = ExchangeRate.objects.filter(per_usd__in=[1400, "0.8"])
    response = admin_client.post(
        "/en/admin/vacancies/exchangerate/",
        {
            "action": "delete_selected",
            "_selected_action": list(selected.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert ExchangeRate.objects.count() == 1
    assert wage_usd(korean_job) == 2500, "falls back to the older KRW rate"
    assert wage_usd(british_job) is None


def test_admin_correction_of_a_rate_recomputes_the_wages(admin_client, korean_job):
    rate = ExchangeRate.objects.get(currency="KRW")
    response = admin_client.post(
        f"/en/admin/vacancies/exchangerate/{rate.pk}/change/",
        {"currency": "KRW", "per_usd": "1120", "date": rate.date.isoformat()},
    )
    assert response.status_code == 302
    assert wage_usd(korean_job) == 2500
