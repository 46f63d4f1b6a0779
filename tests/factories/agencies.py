"""The registry: authorities, agencies, deposits and licences.

Licences are put in force as officers do, through `agencies.services`, so each
one has its activation event and passes the deposit rule.
"""

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from agencies import services
from agencies.models import (
    Agency,
    AgencyChannel,
    Deposit,
    Licence,
    LicenceDestination,
    LicensingAuthority,
    MinimumDeposit,
)
from tests.factories.users import OfficerFactory

AUTHORITY_NAMES = {
    "UZ": "Migration Agency",
    "KG": "Ministry of Labour, Social Security and Migration",
}


def years_from_today(years):
    today = timezone.localdate()
    return today.replace(year=today.year + years)


class LicensingAuthorityFactory(DjangoModelFactory):
    """The country's one authority; Uzbekistan's caps the service fee at 300,000 UZS."""

    class Meta:
        model = LicensingAuthority
        django_get_or_create = ("country",)

    country = "UZ"
    name_en = factory.LazyAttribute(lambda a: AUTHORITY_NAMES.get(a.country, "Authority"))
    max_service_fee = factory.LazyAttribute(
        lambda a: Decimal("300000") if a.country == "UZ" else Decimal("0")
    )
    max_service_fee_currency = factory.LazyAttribute(
        lambda a: "UZS" if a.country == "UZ" else "KGS"
    )


class MinimumDepositFactory(DjangoModelFactory):
    class Meta:
        model = MinimumDeposit
        django_get_or_create = ("authority", "applies_from")

    authority = factory.SubFactory(LicensingAuthorityFactory)
    amount = Decimal("1000")
    currency = "USD"
    applies_from = factory.LazyFunction(lambda: years_from_today(-6))


class AgencyFactory(DjangoModelFactory):
    """An agency registered in Uzbekistan (9-digit tax number) or Kyrgyzstan (14)."""

    class Meta:
        model = Agency

    country = "UZ"
    legal_name = "Ipak Yoli Servis"
    tax_number = factory.LazyAttributeSequence(
        lambda a, n: f"{n + 1:014d}" if a.country == "KG" else f"{n + 1:09d}"
    )
    region = factory.LazyAttribute(lambda a: "Bishkek" if a.country == "KG" else "Tashkent")


class AgencyChannelFactory(DjangoModelFactory):
    class Meta:
        model = AgencyChannel

    agency = factory.SubFactory(AgencyFactory)
    kind = "phone"
    value = "+998 71 200 00 00"


class DepositFactory(DjangoModelFactory):
    """A cash deposit; ``lodged=<amount>`` records the money paid in (through the
    registry's services)."""

    class Meta:
        model = Deposit
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    authority = factory.SubFactory(
        LicensingAuthorityFactory, country=factory.SelfAttribute("..agency.country.code")
    )
    form = Deposit.Form.CASH
    bank = "Test Bank"
    reference = factory.Sequence(lambda n: f"D-{n}")
    currency = "USD"
    lodged_on = factory.LazyFunction(lambda: years_from_today(-1))

    @factory.post_generation
    def lodged(deposit, create, amount, **kwargs):
        if amount:
            services.record_deposit_movement(deposit, "lodged", amount, on=deposit.lodged_on)


class LicenceFactory(DjangoModelFactory):
    """A licence activated by ``officer`` on its issue date, covering ``destinations``
    for its whole validity.

    Activation needs the authority's minimum deposit: unless ``lodge_deposit=False``
    (the agency has lodged its own), a minimum of 1,000 USD is set if the authority
    has none from five years before, and a deposit of that much lodged on the issue
    date.
    """

    class Meta:
        model = Licence
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    authority = factory.SubFactory(
        LicensingAuthorityFactory, country=factory.SelfAttribute("..agency.country.code")
    )
    number = factory.Sequence(lambda n: f"L-{n}")
    issued_on = factory.LazyFunction(lambda: years_from_today(-1))
    expires_on = factory.LazyFunction(lambda: years_from_today(2))
    officer = factory.SubFactory(OfficerFactory)
    lodge_deposit = True

    @classmethod
    def _create(cls, model_class, *args, officer, lodge_deposit, **fields):
        licence = model_class(**fields)
        if lodge_deposit:
            issued = licence.issued_on
            MinimumDepositFactory(
                authority=licence.authority, applies_from=issued.replace(year=issued.year - 5)
            )
            DepositFactory(
                agency=licence.agency,
                authority=licence.authority,
                lodged_on=issued,
                lodged=Decimal("1000"),
            )
        return services.activate(licence, actor=officer, on=licence.issued_on)

    @factory.post_generation
    def destinations(licence, create, countries, **kwargs):
        for country in ("KR",) if countries is None else countries:
            LicenceDestination.objects.create(
                licence=licence,
                country=country,
                valid_from=licence.issued_on,
                valid_until=licence.expires_on,
            )
