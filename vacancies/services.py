"""State changes of vacancies and rates: pages, admin and API call these."""

from django.db import transaction

from vacancies.models import ExchangeRate, Vacancy, to_usd


@transaction.atomic
def refresh_wages_in_usd(currency=None):
    """Recompute the stored USD monthly wage after an exchange rate changed, for
    one currency or all; returns how many vacancies changed."""
    rates = ExchangeRate.objects.latest_rates()
    vacancies = Vacancy.objects.select_for_update().only(
        "pk", "wage_min", "wage_currency", "wage_period", "hours_per_week", "monthly_wage_usd"
    )
    if currency:
        vacancies = vacancies.filter(wage_currency=currency)
    changed = []
    for vacancy in vacancies:
        usd = to_usd(vacancy.monthly_wage(), vacancy.wage_currency, rates)
        if usd != vacancy.monthly_wage_usd:
            vacancy.monthly_wage_usd = usd
            changed.append(vacancy)
    Vacancy.objects.bulk_update(changed, ["monthly_wage_usd"], batch_size=1000)
    return len(changed)


@transaction.atomic
def close_vacancies(queryset):
    """Close vacancies (admin bulk action, partner updates); returns how many closed."""
    return queryset.exclude(status=Vacancy.Status.CLOSED).update(status=Vacancy.Status.CLOSED)
