"""State changes of vacancies and rates: pages, admin and API call these."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import LicensingAuthority
from vacancies.models import ExchangeRate, Publisher, Vacancy, to_usd


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


# --- partner records (API and feeds) ---------------------------------------------------

PARTNER_FIELDS = [
    "title",
    "description",
    "country",
    "city",
    "employer_name",
    "employer_registration",
    "occupation",
    "positions",
    "wage_min",
    "wage_max",
    "wage_currency",
    "wage_period",
    "hours_per_week",
    "contract_months",
    "visa_type",
    "language",
    "language_level",
    "age_min",
    "age_max",
    "experience_years",
    "qualifications",
    "housing",
    "meals",
    "transport",
    "insurance",
    "flight",
    "deadline",
    "start_date",
    "expires_on",
]
_BATCH = 1000


class PartnerVacancyForm(forms.ModelForm):
    """One vacancy as a partner system sends it, keyed by its own ``external_id``;
    the model's validators and constraints are the rules."""

    external_id = forms.CharField(max_length=100)

    class Meta:
        model = Vacancy
        fields = PARTNER_FIELDS


@dataclass
class PartnerReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line, field, message)


def publisher_of(partner):
    """The one recruiter a partner may publish for, or None when it is not entitled
    (or is entitled for several, when each vacancy would have to say which)."""
    publishers = list(Publisher.objects.filter(partner=partner)[:2])
    return publishers[0] if len(publishers) == 1 else None


def upsert_partner_vacancies(partner, rows, *, source=Vacancy.Source.API, first_line=1):
    """Create or update a partner's vacancies from row dicts keyed by
    ``external_id`` (the partner's own id): a new one is published at once, a
    closed one named again reopens, an identical one is left alone. Bad rows are
    reported as (line, field, message) and skipped; the others apply."""
    report = PartnerReport()
    publisher = publisher_of(partner)
    if publisher is None:
        report.errors.append(
            (first_line, "-", _("This partner is not entitled to publish vacancies."))
        )
        return report
    rates = ExchangeRate.objects.latest_rates()
    seen = set()
    valid = []
    for line, row in enumerate(rows, first_line):
        if not isinstance(row, dict):
            report.errors.append((line, "-", _("A record must be an object.")))
            continue
        data = {key: ("" if value is None else value) for key, value in row.items()}
        form = PartnerVacancyForm({**_PARTNER_DEFAULTS, **data})
        if not form.is_valid():
            for name, messages in form.errors.items():
                for message in messages:
                    report.errors.append((line, name if name != "__all__" else "-", message))
            continue
        external_id = form.cleaned_data["external_id"]
        if external_id in seen:
            report.errors.append((line, "external_id", _("This identifier appears twice.")))
            continue
        seen.add(external_id)
        valid.append((external_id, form.instance))
    with transaction.atomic():
        for start in range(0, len(valid), _BATCH):
            _upsert_vacancies(
                partner, publisher, source, valid[start : start + _BATCH], rates, report
            )
    return report


def _upsert_vacancies(partner, publisher, source, batch, rates, report):
    existing = {
        vacancy.external_id: vacancy
        for vacancy in Vacancy.objects.filter(
            partner=partner, external_id__in=[external_id for external_id, _ in batch]
        )
    }
    now = timezone.now()
    new, changed = [], []
    for external_id, vacancy in batch:
        current = existing.get(external_id)
        if current is None:
            vacancy.partner = partner
            vacancy.external_id = external_id
            vacancy.source = source
            vacancy.channel = publisher.channel
            vacancy.authority_id = publisher.authority_id
            vacancy.agency_id = publisher.agency_id
            vacancy.status = Vacancy.Status.PUBLISHED
            vacancy.published_at = now
            vacancy.set_derived_fields(rates)
            new.append(vacancy)
            continue
        fields = [
            name for name in _PARTNER_ATTNAMES if getattr(current, name) != getattr(vacancy, name)
        ]
        if fields or current.status != Vacancy.Status.PUBLISHED:
            for name in _PARTNER_ATTNAMES:
                setattr(current, name, getattr(vacancy, name))
            if current.status != Vacancy.Status.PUBLISHED:
                current.status = Vacancy.Status.PUBLISHED
                current.published_at = current.published_at or now
            current.updated_at = now
            current.set_derived_fields(rates)
            changed.append(current)
        else:
            report.unchanged += 1
    Vacancy.objects.bulk_create(new)
    Vacancy.objects.bulk_update(
        changed,
        [
            *_PARTNER_ATTNAMES,
            "status",
            "published_at",
            "updated_at",
            "monthly_wage_usd",
            "search_key",
        ],
    )
    report.created += len(new)
    report.updated += len(changed)


# What a partner may leave out: the model's defaults (one position, a monthly wage...).
_PARTNER_DEFAULTS = {
    name: Vacancy._meta.get_field(name).get_default()
    for name in PARTNER_FIELDS
    if Vacancy._meta.get_field(name).has_default()
}
_PARTNER_ATTNAMES = [Vacancy._meta.get_field(name).attname for name in PARTNER_FIELDS]
