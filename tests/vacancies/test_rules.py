"""The visibility rule and the agency fee cap."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from agencies import services as agency_services
from agencies.models import LicenceDestination
from pagecache import daily
from partners.models import Partner
from tests.factories.agencies import AgencyFactory
from tests.factories.users import OfficerFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, agency_vacancy, rates
from vacancies import selectors, services
from vacancies.admin import VacancyCostInline
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def public_ids(on=None):
    ids = set(Vacancy.objects.public(on).values_list("pk", flat=True))
    if on is None:  # a vacancy's page asks the same rule as a column of its row
        pages = [selectors.vacancy_page(pk) for pk in Vacancy.objects.values_list("pk", flat=True)]
        assert {page.pk for page in pages if page and page.is_public} == ids
    return ids


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

    agency_services.suspend(licence, actor=OfficerFactory(), reason="Complaints from workers")
    assert public_ids() == set()

    agency_services.reinstate(licence, actor=OfficerFactory(), reason="Complaints settled")
    assert public_ids() == {vacancy.pk}

    agency_services.revoke(licence, actor=OfficerFactory(), reason="Criminal case")
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
    services.check_cost(vacancy, "agency_fee", Decimal("300000"), "UZS")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        services.check_cost(vacancy, "agency_fee", Decimal("300001"), "UZS")
    assert "above the legal maximum of 300,000 UZS" in str(error.value.message_dict["amount"])

    # 25 USD = 312,500 UZS > cap; 20 USD = 250,000 UZS is fine
    with pytest.raises(ValidationError):
        services.check_cost(vacancy, "agency_fee", 25, "USD")
    services.check_cost(vacancy, "agency_fee", 20, "USD")
    with pytest.raises(ValidationError) as error:
        services.check_cost(vacancy, "agency_fee", 1, "EUR")
    assert "currency" in error.value.message_dict


def test_admin_cost_inline_refuses_an_agency_fee_above_the_cap(rf, admin_user):
    """The admin's cost inline goes through `services.check_cost`."""
    rates(UZS=12500)
    vacancy, _licence = agency_vacancy()
    request = rf.get("/")
    request.user = admin_user
    formset_class = VacancyCostInline(Vacancy, admin.site).get_formset(request, vacancy)
    prefix = formset_class.get_default_prefix()

    def formset(amount):
        data = {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-kind": "agency_fee",
            f"{prefix}-0-amount": amount,
            f"{prefix}-0-currency": "UZS",
        }
        return formset_class(data, instance=vacancy, prefix=prefix)

    assert formset("300000").is_valid()
    refused = formset("300001")
    with translation.override("en"):
        assert not refused.is_valid()
        assert "above the legal maximum" in str(refused.errors[0]["amount"])


def test_visa_costs_are_not_capped():
    vacancy, _licence = agency_vacancy()
    services.check_cost(vacancy, "visa", Decimal("9000000"), "UZS")


def test_the_rule_is_built_once_a_day_and_each_use_reads_the_data_as_it_is_now():
    before = Vacancy.objects.public()
    assert list(before) == []
    vacancy = VacancyFactory(expires_on=timezone.localdate() + timedelta(days=10))
    after = Vacancy.objects.public()
    assert after is not before and after.query is not before.query
    assert list(after) == [vacancy]
    assert list(before) == []  # an evaluated queryset keeps its rows, as any does
    assert list(Vacancy.objects.public(timezone.localdate() + timedelta(days=11))) == []


def test_the_rules_conditions_are_built_once_for_every_use_of_the_day():
    """The conditions of a clone are the ones built first, not built again (building
    them took 3 ms of each list page)."""
    daily._built.clear()
    Vacancy.objects.public()
    assert list(daily._built) == [(("public", "default"), timezone.localdate())]


@pytest.mark.parametrize("related_first", [False, True])
def test_a_related_managers_public_keeps_its_own_rows_and_never_lends_them(related_first):
    """`Vacancy.objects.public` is built once a day and cloned; ``agency.vacancies``
    is the same manager class filtered by its agency, and must neither be given the
    whole list nor leave its agency's rows for everyone else."""
    first, _ = agency_vacancy()
    second, _ = agency_vacancy()
    if related_first:
        assert list(first.agency.vacancies.public()) == [first]
        assert public_ids() == {first.pk, second.pk}
    else:
        assert public_ids() == {first.pk, second.pk}
        assert list(first.agency.vacancies.public()) == [first]
