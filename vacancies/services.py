"""State changes of vacancies and rates: pages, admin and API call these."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import LicensingAuthority
from agencies.services import is_licensed_for
from vacancies.models import ExchangeRate, Vacancy, VacancyCost, to_usd


def check_agency_fee(agency, amount, currency, rates=None):
    """Refuse an agency service fee above the cap of the authority that licenses the
    agency (the authority of its country of registration; none when it sets no cap).
    Raises ValidationError naming the amount; a fee in another currency is compared
    through the exchange rates."""
    authority = LicensingAuthority.objects.filter(country=agency.country).first()
    if authority is None or authority.max_service_fee is None:
        return  # the law sets no cap
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


def entitled_recruiters(partner):
    """What a partner may publish for: {(channel, agency_id, authority_id), ...}."""
    return set(partner.publishers.values_list("channel", "agency_id", "authority_id"))


@transaction.atomic
def save_partner_vacancy(partner, data, instance=None, source=Vacancy.Source.API):
    """Create or update a partner's vacancy from validated API data.

    Idempotent: a POST with an external id the partner already used updates that
    vacancy. Refusals raise ValidationError naming the field: a channel or recruiter
    the partner is not entitled to, an agency not licensed for the destination
    today, an agency fee above the cap. Returns (vacancy, created).
    """
    data = dict(data)
    costs = data.pop("costs", None)
    if instance is None:
        instance = (
            Vacancy.objects.select_for_update()
            .filter(partner=partner, external_id=data["external_id"])
            .first()
        )
    created = instance is None
    vacancy = instance or Vacancy(partner=partner, source=source)
    for name, value in data.items():
        setattr(vacancy, name, value)
    _check_entitlement(partner, vacancy)
    if vacancy.status == Vacancy.Status.PUBLISHED:
        if vacancy.published_at is None:
            vacancy.published_at = timezone.now()
        if vacancy.channel == Vacancy.Channel.AGENCY and not is_licensed_for(
            vacancy.agency, vacancy.country_id
        ):
            raise ValidationError(
                {"country": _("This agency is not licensed for this destination today.")}
            )
    vacancy.full_clean()
    vacancy.save()
    if costs is not None:
        vacancy.costs.all().delete()
        rates = ExchangeRate.objects.latest_rates()
        for index, cost in enumerate(costs):
            if cost["kind"] == VacancyCost.Kind.AGENCY_FEE and vacancy.agency_id:
                try:
                    check_agency_fee(vacancy.agency, cost["amount"], cost["currency"], rates)
                except ValidationError as error:
                    raise ValidationError(
                        {f"costs.{index}.{field}": m for field, m in error.message_dict.items()}
                    ) from None
        VacancyCost.objects.bulk_create(VacancyCost(vacancy=vacancy, **cost) for cost in costs)
    return vacancy, created


def _check_entitlement(partner, vacancy):
    entitled = entitled_recruiters(partner)
    if not any(channel == vacancy.channel for channel, _agency, _authority in entitled):
        raise ValidationError(
            {"channel": _("Your organisation may not publish vacancies through this channel.")}
        )
    if vacancy.channel == Vacancy.Channel.AGENCY:
        vacancy.authority = None
        if (vacancy.channel, vacancy.agency_id, None) not in entitled:
            raise ValidationError(
                {"agency": _("Your organisation may not publish for this agency.")}
            )
    elif vacancy.channel == Vacancy.Channel.AUTHORITY:
        vacancy.agency = None
        if (vacancy.channel, None, vacancy.authority_id) not in entitled:
            raise ValidationError(
                {"authority": _("Your organisation may not publish for this authority.")}
            )
    else:
        vacancy.agency = vacancy.authority = None
