"""Build countries, occupations and vacancies for tests with only the fields a test
cares about."""

import itertools
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.utils import timezone

from agencies import services as agency_services
from agencies.models import (
    Agency,
    Deposit,
    Licence,
    LicenceDestination,
    LicensingAuthority,
    MinimumDeposit,
)
from vacancies.models import Country, ExchangeRate, Occupation, Vacancy

_serial = itertools.count(1)


def country(code="KR", name="South Korea", **fields):
    obj, _ = Country.objects.get_or_create(code=code, defaults={"name_en": name, **fields})
    return obj


def occupation(code="8", title="Plant and machine operators, and assemblers", parent=None):
    obj, _ = Occupation.objects.get_or_create(
        code=code, defaults={"level": len(code), "title_en": title, "parent": parent}
    )
    return obj


def rates(on=None, **per_usd):
    on = on or timezone.localdate()
    for currency, value in per_usd.items():
        ExchangeRate.objects.update_or_create(
            currency=currency, date=on, defaults={"per_usd": Decimal(str(value))}
        )


def authority(country="UZ"):
    names = {"UZ": "Migration Agency", "KG": "Center for Employment of Citizens Abroad"}
    obj, _ = LicensingAuthority.objects.get_or_create(
        country=country,
        defaults={
            "name_en": names.get(country, "Authority"),
            "max_service_fee": Decimal("300000") if country == "UZ" else Decimal("0"),
            "max_service_fee_currency": "UZS" if country == "UZ" else "KGS",
        },
    )
    return obj


def officer():
    user, created = User.objects.get_or_create(username="officer", defaults={"is_staff": True})
    if created:
        user.groups.add(Group.objects.get_or_create(name="Licensing officer")[0])
    return user


def agency(name="Ipak Yoli Servis", country="UZ"):
    return Agency.objects.create(
        country=country, legal_name=name, tax_number=f"{next(_serial):09d}", region="Tashkent"
    )


def licence(agency_obj, destinations=("KR",), expires_on=None):
    """A licence put in force through the registry's services, with the minimum
    deposit lodged, covering the destinations."""
    today = timezone.localdate()
    issued = today.replace(year=today.year - 1)
    auth = authority(agency_obj.country.code)
    MinimumDeposit.objects.get_or_create(
        authority=auth,
        applies_from=issued.replace(year=issued.year - 5),
        defaults={"amount": Decimal("1000"), "currency": "USD"},
    )
    deposit = Deposit.objects.create(
        agency=agency_obj,
        authority=auth,
        form=Deposit.Form.CASH,
        bank="Test Bank",
        reference=f"D-{next(_serial)}",
        currency="USD",
        lodged_on=issued,
    )
    agency_services.record_deposit_movement(deposit, "lodged", Decimal("1000"), on=issued)
    obj = Licence(
        authority=auth,
        agency=agency_obj,
        number=f"L-{next(_serial)}",
        issued_on=issued,
        expires_on=expires_on or today.replace(year=today.year + 2),
    )
    obj = agency_services.activate(obj, actor=officer(), on=issued)
    for code in destinations:
        LicenceDestination.objects.create(
            licence=obj, country=code, valid_from=issued, valid_until=obj.expires_on
        )
    return obj


def vacancy(**fields):
    values = {
        "title_en": f"Machine operator {next(_serial)}",
        "country": fields.pop("country", None) or country(),
        "employer_name": "Hanil Metal Co.",
        "wage_min": Decimal("2000000"),
        "wage_currency": "KRW",
        "contract_months": 24,
        "visa_type": "E-9",
        "channel": Vacancy.Channel.AUTHORITY,
        "authority": fields.pop("authority", None)
        or (authority() if fields.get("channel", "authority") == "authority" else None),
        "status": Vacancy.Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    values.update(fields)
    return Vacancy.objects.create(**values)
