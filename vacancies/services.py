"""State changes of vacancies and rates: pages, admin and API call these."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agencies.models import LicensingAuthority
from vacancies.models import ExchangeRate, Vacancy, to_usd


def check_agency_fee(agency, amount, currency, rates=None):
    """Refuse an agency service fee above the cap of the authority that licenses the
    agency (the authority of its country of registration). Raises ValidationError
    naming the amount; a fee in another currency is compared through the rates."""
    authority = LicensingAuthority.objects.filter(country=agency.country).first()
    if authority is None:
        return
    cap, cap_currency = authority.max_service_fee, authority.max_service_fee_currency
    if currency == cap_currency:
        over = Decimal(amount) > cap
    else:
        rates = rates if rates is not None else ExchangeRate.objects.latest_rates()
        fee_usd, cap_usd = rates.get(currency), rates.get(cap_currency)
        if not fee_usd or not cap_usd:
            raise ValidationError(
                {
                    "currency": _(
                        "State the agency fee in %(currency)s: there is no exchange rate "
                        "to compare it with the legal maximum."
                    )
                    % {"currency": cap_currency}
                }
            )
        over = Decimal(amount) / fee_usd > cap / cap_usd
    if over:
        raise ValidationError(
            {
                "amount": _(
                    "This agency fee is above the legal maximum of %(cap)s %(currency)s "
                    "set by %(authority)s."
                )
                % {"cap": f"{cap:,.0f}", "currency": cap_currency, "authority": authority.name}
            }
        )


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
