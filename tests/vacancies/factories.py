"""Build countries, occupations and vacancies for tests with only the fields a test
cares about."""

import itertools
from decimal import Decimal

from django.utils import timezone

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
        "status": Vacancy.Status.PUBLISHED,
        "published_at": timezone.now(),
    }
    values.update(fields)
    return Vacancy.objects.create(**values)
