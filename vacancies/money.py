"""Wages shown in the reader's terms: the original amount, its monthly value in US
dollars and in the home currency of the reader's language."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Readers of Uzbek and Karakalpak live in Uzbekistan, readers of Kyrgyz in
# Kyrgyzstan; Russian and English readers may be from either.
HOME_CURRENCIES = {"uz": ("UZS",), "kaa": ("UZS",), "ky": ("KGS",)}
BOTH_HOMES = ("UZS", "KGS")


@dataclass(frozen=True)
class Converted:
    currency: str
    low: Decimal
    high: Decimal | None


def home_currencies(language=None):
    return HOME_CURRENCIES.get(language or get_language(), BOTH_HOMES)


def monthly_conversions(vacancy, rates, language=None):
    """The vacancy's monthly wage range in USD and in the home currencies (those
    with a known rate), skipping the vacancy's own currency."""
    own = rates.get(vacancy.wage_currency)
    if not own:
        return []
    low = vacancy.monthly_wage()
    high = vacancy.monthly_wage(vacancy.wage_max) if vacancy.wage_max is not None else None
    result = []
    for currency in ("USD", *home_currencies(language)):
        if currency == vacancy.wage_currency or currency not in rates:
            continue
        factor = rates[currency] / own
        result.append(
            Converted(currency, _round(low * factor), _round(high * factor) if high else None)
        )
    return result


def _round(amount):
    return Decimal(amount).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


# Currency codes a reader may not know, named in words once on a vacancy page.
CURRENCY_NAMES = {
    "AED": _("UAE dirham"),
    "EUR": _("euro"),
    "GBP": _("British pound"),
    "KGS": _("Kyrgyz som"),
    "KRW": _("South Korean won"),
    "KZT": _("Kazakh tenge"),
    "PLN": _("Polish zloty"),
    "QAR": _("Qatari riyal"),
    "RUB": _("Russian rouble"),
    "TRY": _("Turkish lira"),
    "USD": _("US dollar"),
    "UZS": _("Uzbek som"),
}


def currency_name(code):
    """The currency's name in the reader's language, or "" for a code we cannot name."""
    name = CURRENCY_NAMES.get(code)
    return str(name) if name else ""


def with_conversions(vacancies, rates, language=None):
    """The vacancies (a list), each with ``conversions``: its monthly wage in USD and
    the reader's home currencies, for cards that show many vacancies with one read of
    the rates."""
    vacancies = list(vacancies)
    for vacancy in vacancies:
        vacancy.conversions = monthly_conversions(vacancy, rates, language)
    return vacancies
