"""The registry's fixtures: a Kyrgyz authority with a minimum deposit, agencies with
enough money lodged, and licences put in force through the services (built by
`tests.factories.agencies`)."""

import datetime
from decimal import Decimal

import pytest

from agencies import services
from tests.factories.agencies import (
    AgencyChannelFactory,
    AgencyFactory,
    DepositFactory,
    LicenceFactory,
    LicensingAuthorityFactory,
    MinimumDepositFactory,
)
from tests.factories.users import OfficerFactory

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def authority(db):
    authority = LicensingAuthorityFactory(
        country="KG", name_ru="Министерство труда, социального обеспечения и миграции"
    )
    MinimumDepositFactory(
        authority=authority,
        amount=Decimal("100000"),
        currency="KGS",
        applies_from=TODAY.replace(year=2019),
    )
    return authority


@pytest.fixture
def officer(db):
    return OfficerFactory(password="officer-pass-123")


@pytest.fixture
def make_agency(authority):
    counter = iter(range(1, 10_000))

    def make(name="Ипак Йули Сервис", deposit=Decimal("100000"), **fields):
        n = next(counter)
        agency = AgencyFactory(country="KG", legal_name=name, **fields)
        if deposit:
            DepositFactory(
                agency=agency,
                authority=authority,
                bank="Demir Bank",
                reference=f"D-{n}",
                currency="KGS",
                lodged_on=TODAY.replace(year=2025),
                lodged=deposit,
            )
        return agency

    return make


@pytest.fixture
def make_licence(authority, make_agency, officer):
    counter = iter(range(1, 10_000))

    def make(agency=None, destinations=("TR",), status="active", **fields):
        n = next(counter)
        licence = LicenceFactory(
            authority=authority,
            agency=agency or make_agency(),
            number=fields.pop("number", f"KG-PEA-{n:04d}"),
            issued_on=fields.pop("issued_on", TODAY.replace(year=2025)),
            expires_on=fields.pop("expires_on", TODAY.replace(year=2028)),
            officer=officer,
            lodge_deposit=False,  # make_agency lodged it
            destinations=destinations,
        )
        if status == "suspended":
            services.suspend(licence, actor=officer, reason="Complaints", on=TODAY)
        elif status == "revoked":
            services.revoke(licence, actor=officer, reason="Criminal case", on=TODAY)
        elif status == "surrendered":
            services.record_surrender(licence, actor=officer, on=TODAY)
        licence.refresh_from_db()
        return licence

    return make


@pytest.fixture
def channel(db):
    def make(agency, kind, value):
        return AgencyChannelFactory(agency=agency, kind=kind, value=value)

    return make
