"""The visibility rule and the agency fee cap."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from agencies import services as agency_services
from agencies.models import LicenceDestination
from partners.models import Partner
from tests.factories.agencies import AgencyFactory
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy, rates
from vacancies.models import Vacancy, VacancyCost

pytestmark = pytest.mark.django_db


def public_ids(on=None):
    return set(Vacancy.objects.public(on).values_list("pk", flat=True))


def test_published_current_vacancy_of_an_authority_is_public():
    vacancy = VacancyFactory()
    assert public_ids() == {vacancy.pk}


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "draft"},
        {"status": "closed"},
        {"expires_on": timezone.localdate() - timedelta(days=1)},
        {"deadline": timezone.localdate() - timedelta(days=1)},
    ],
)
def test_drafts_closed_and_past_vacancies_are_not_public(fields):
    VacancyFactory(**fields)
    assert public_ids() == set()


def test_vacancy_is_public_on_its_last_day():
    today = timezone.localdate()
    vacancy = VacancyFactory(expires_on=today, deadline=today)
    assert public_ids() == {vacancy.pk}
    assert public_ids(today + timedelta(days=1)) == set()


def test_suspension_hides_an_agency_vacancy_at_once_and_reinstatement_brings_it_back():
    vacancy, licence = agency_vacancy()
    assert public_ids() == {vacancy.pk}

    agency_services.suspend(licence, OfficerFactory(), "Complaints from workers")
    assert public_ids() == set()

    agency_services.reinstate(licence, OfficerFactory(), "Complaints settled")
    assert public_ids() == {vacancy.pk}

    agency_services.revoke(licence, OfficerFactory(), "Criminal case")
    assert public_ids() == set()


def test_agency_vacancy_needs_a_licence_for_that_destination():
    vacancy, licence = agency_vacancy(destinations=("KR",))
    elsewhere = VacancyFactory(
        channel="agency", agency=vacancy.agency, country=CountryFactory(code="GB", name_en="UK")
    )
    assert public_ids() == {vacancy.pk}
    LicenceDestination.objects.filter(licence=licence).update(status="withdrawn")
    assert public_ids() == set()
    LicenceDestination.objects.filter(licence=licence).update(status="active")
    assert elsewhere.pk not in public_ids()


def test_agency_vacancy_disappears_when_the_licence_expires():
    vacancy, licence = agency_vacancy()
    assert public_ids(licence.expires_on) == {vacancy.pk}
    assert public_ids(licence.expires_on + timedelta(days=1)) == set()


def test_unlicensed_agency_never_shows():
    VacancyFactory(channel="agency", agency=AgencyFactory(legal_name="Visa Express"))
    assert public_ids() == set()


def test_partner_employer_vacancy_shows_while_the_partner_is_active():
    partner = Partner.objects.create(name="Hanil Metal")
    vacancy = VacancyFactory(channel="employer", partner=partner, authority=None)
    assert public_ids() == {vacancy.pk}
    partner.is_active = False
    partner.save()
    assert public_ids() == set()


def test_agency_fee_above_the_authority_cap_is_refused():
    rates(UZS=12500)
    vacancy, _licence = agency_vacancy()
    ok = VacancyCost(vacancy=vacancy, kind="agency_fee", amount=Decimal("300000"), currency="UZS")
    ok.full_clean()
    too_much = VacancyCost(
        vacancy=vacancy, kind="agency_fee", amount=Decimal("300001"), currency="UZS"
    )
    with pytest.raises(ValidationError) as error, translation.override("en"):
        too_much.full_clean()
    assert "above the legal maximum of 300,000 UZS" in str(error.value.message_dict["amount"])

    # 25 USD = 312,500 UZS > cap; 20 USD = 250,000 UZS is fine
    with pytest.raises(ValidationError):
        VacancyCost(vacancy=vacancy, kind="agency_fee", amount=25, currency="USD").full_clean()
    VacancyCost(vacancy=vacancy, kind="agency_fee", amount=20, currency="USD").full_clean()
    with pytest.raises(ValidationError) as error:
        VacancyCost(vacancy=vacancy, kind="agency_fee", amount=1, currency="EUR").full_clean()
    assert "currency" in error.value.message_dict


def test_visa_costs_are_not_capped():
    vacancy, _licence = agency_vacancy()
    VacancyCost(
        vacancy=vacancy, kind="visa", amount=Decimal("9000000"), currency="UZS"
    ).full_clean()
