"""Builders for the registry: an authority with a minimum deposit, an agency with
enough money lodged, and a licence put in force through the services."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User

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

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def authority(db):
    authority = LicensingAuthority.objects.create(
        country="KG",
        name_en="Center for Employment of Citizens Abroad",
        name_ru="Центр занятости граждан за рубежом",
        max_service_fee=0,
        max_service_fee_currency="KGS",
    )
    MinimumDeposit.objects.create(
        authority=authority,
        amount=Decimal("100000"),
        currency="KGS",
        applies_from=TODAY.replace(year=2019),
    )
    return authority


@pytest.fixture
def officer(db):
    if not Group.objects.filter(name="Licensing officer").exists():
        # A transactional test flushed the tables the data migration filled.
        from django.apps import apps

        importlib.import_module("agencies.migrations.0003_staff_groups").create_groups(apps, None)
    user = User.objects.create_user("officer", password="officer-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Licensing officer"))
    return user


@pytest.fixture
def make_agency(authority):
    counter = iter(range(1, 10_000))

    def make(name="Ипак Йули Сервис", deposit=Decimal("100000"), **fields):
        n = next(counter)
        agency = Agency.objects.create(
            country="KG", legal_name=name, tax_number=f"{n:014d}", region="Bishkek", **fields
        )
        if deposit:
            cash = Deposit.objects.create(
                agency=agency,
                authority=authority,
                form=Deposit.Form.CASH,
                bank="Demir Bank",
                reference=f"D-{n}",
                currency="KGS",
                lodged_on=TODAY.replace(year=2025),
            )
            services.record_deposit_movement(cash, "lodged", deposit, on=cash.lodged_on)
        return agency

    return make


@pytest.fixture
def make_licence(authority, make_agency, officer):
    counter = iter(range(1, 10_000))

    def make(agency=None, destinations=("TR",), status="active", **fields):
        agency = agency or make_agency()
        n = next(counter)
        licence = Licence(
            authority=authority,
            agency=agency,
            number=fields.pop("number", f"KG-PEA-{n:04d}"),
            issued_on=fields.pop("issued_on", TODAY.replace(year=2025)),
            expires_on=fields.pop("expires_on", TODAY.replace(year=2028)),
        )
        licence = services.activate(licence, actor=officer, on=licence.issued_on)
        for country in destinations:
            LicenceDestination.objects.create(
                licence=licence,
                country=country,
                valid_from=licence.issued_on,
                valid_until=licence.expires_on,
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
        return AgencyChannel.objects.create(agency=agency, kind=kind, value=value)

    return make
