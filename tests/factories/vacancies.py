"""Destination countries, occupations, exchange rates and vacancies."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.factories.agencies import AgencyFactory, LicenceFactory, LicensingAuthorityFactory
from tests.factories.partners import PartnerFactory
from vacancies.models import Country, ExchangeRate, Occupation, Vacancy


class CountryFactory(DjangoModelFactory):
    """A destination country, reused if it exists."""

    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "KR"
    name_en = "South Korea"


class OccupationFactory(DjangoModelFactory):
    """An ISCO-08 group, reused if it exists."""

    class Meta:
        model = Occupation
        django_get_or_create = ("code",)

    code = "8"
    title_en = "Plant and machine operators, and assemblers"
    level = factory.LazyAttribute(lambda occupation: len(occupation.code))
    parent = None


class ExchangeRateFactory(DjangoModelFactory):
    """Units of a currency per US dollar on a day; a second rate for the same
    currency and day replaces the first, as staff correct a rate."""

    class Meta:
        model = ExchangeRate

    currency = "KRW"
    per_usd = Decimal("1400")
    date = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create(cls, model_class, *args, currency, date, **fields):
        return model_class.objects.update_or_create(currency=currency, date=date, defaults=fields)[
            0
        ]


def rates(on=None, **per_usd):
    """``rates(KRW=1400, GBP="0.8")``: today's rates (or those of day ``on``)."""
    for currency, value in per_usd.items():
        ExchangeRateFactory(
            currency=currency, per_usd=Decimal(str(value)), date=on or timezone.localdate()
        )


class VacancyFactory(DjangoModelFactory):
    """A published vacancy in South Korea; an authority's own unless ``channel``
    says otherwise."""

    class Meta:
        model = Vacancy

    title_en = factory.Sequence(lambda n: f"Machine operator {n}")
    country = factory.SubFactory(CountryFactory)
    employer_name = "Hanil Metal Co."
    wage_min = Decimal("2000000")
    wage_currency = "KRW"
    contract_months = 24
    visa_type = "E-9"
    channel = Vacancy.Channel.AUTHORITY
    authority = factory.Maybe(
        factory.LazyAttribute(lambda vacancy: vacancy.channel == Vacancy.Channel.AUTHORITY),
        yes_declaration=factory.SubFactory(LicensingAuthorityFactory),
        no_declaration=None,
    )
    status = Vacancy.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class FeedVacancyFactory(VacancyFactory):
    """A partner employer's vacancy as a partner feed sends it, published at a fixed
    time so that two built apart are alike but for their own fields:
    ``FeedVacancyFactory.build(partner=partner, external_id="C1")``."""

    partner = factory.SubFactory(PartnerFactory)
    source = Vacancy.Source.FEED
    external_id = factory.Sequence(lambda n: f"F{n}")
    title_en = factory.LazyAttribute(lambda vacancy: f"Greenhouse worker {vacancy.external_id}")
    country = factory.LazyFunction(CountryFactory)  # stored even by .build()
    employer_name = "Hanil Agro"
    wage_min = Decimal("2060740.50")
    contract_months = 36
    visa_type = ""
    channel = Vacancy.Channel.EMPLOYER
    published_at = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.datetime(2026, 11, 2, 9, 30))
    )


def agency_vacancy(destinations=("KR",), **fields):
    """A vacancy of an agency licensed for ``destinations``: ``(vacancy, licence)``."""
    licence = LicenceFactory(agency=AgencyFactory(), destinations=destinations)
    vacancy = VacancyFactory(channel="agency", agency=licence.agency, **fields)
    return vacancy, licence
