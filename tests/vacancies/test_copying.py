"""`vacancies.copying.copy_insert` stores what `bulk_create` stores: COPY on
PostgreSQL, `bulk_create` itself elsewhere (so these tests hold on both)."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from partners.models import Partner
from tests.vacancies import factories
from vacancies.copying import copy_insert
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

# What COPY's text format must escape, and letters outside ASCII.
AWKWARD = "Tab\there, line\nbreak, return\r, back\\slash \\N, Oʻzbekiston — Кыргызстан"


PUBLISHED = timezone.make_aware(datetime(2026, 11, 2, 9, 30))


def _vacancy(partner, external_id, **fields):
    return Vacancy(
        partner=partner,
        source=Vacancy.Source.FEED,
        external_id=external_id,
        title_en=f"Greenhouse worker {external_id}",
        country=factories.country(),
        employer_name="Hanil Agro",
        wage_min=Decimal("2060740.50"),
        wage_currency="KRW",
        contract_months=36,
        channel=Vacancy.Channel.EMPLOYER,
        status=Vacancy.Status.PUBLISHED,
        published_at=PUBLISHED,
        **fields,
    )


# Columns that differ between the two twins by construction.
OWN = {"id", "external_id", "title", "title_en", "search_key", "created_at", "updated_at"}


def _stored(pk):
    """A stored vacancy's columns (but its own), read back from the database."""
    vacancy = Vacancy.objects.get(pk=pk)
    return {
        field.attname: getattr(vacancy, field.attname)
        for field in Vacancy._meta.concrete_fields
        if field.attname not in OWN
    }


@pytest.fixture
def partner():
    return Partner.objects.create(name="Hanil Agro Co.")


def test_rows_read_back_as_bulk_create_stores_them(partner):
    today = timezone.localdate()
    awkward = {
        "title_ru": AWKWARD,
        "description_en": AWKWARD,
        "city": "Gimhae\\",
        "wage_max": Decimal("3000000"),
        "hours_per_week": 40,
        "age_min": 21,
        "housing": True,
        "meals": False,
        "deadline": today + timedelta(days=30),
        "start_date": date(2027, 1, 4),
        "occupation": factories.occupation(),
    }
    copied = [_vacancy(partner, "C1", **awkward), _vacancy(partner, "C2")]
    created = [_vacancy(partner, "B1", **awkward), _vacancy(partner, "B2")]
    for vacancy in copied + created:
        vacancy.set_derived_fields()

    copy_insert(copied)
    Vacancy.objects.bulk_create(created)

    assert all(vacancy.pk and not vacancy._state.adding for vacancy in copied)
    for copy, twin in zip(copied, created, strict=True):
        assert _stored(copy.pk) == _stored(twin.pk)
    assert Vacancy.objects.get(pk=copied[0].pk).title_ru == AWKWARD
    assert Vacancy.objects.get(pk=copied[0].pk).title_en == "Greenhouse worker C1"


@pytest.mark.postgres
def test_dates_set_on_saving_are_one_time_for_the_whole_copy(partner):
    before = timezone.now()
    vacancies = [_vacancy(partner, f"T{n}") for n in range(3)]
    copy_insert(vacancies)

    stamps = set(Vacancy.objects.filter(partner=partner).values_list("created_at", "updated_at"))
    assert len(stamps) == 1
    created_at, updated_at = stamps.pop()
    assert created_at == updated_at >= before


def test_a_refused_row_raises_integrity_error_and_stores_nothing(partner):
    _vacancy(partner, "D1").save()
    vacancies = [_vacancy(partner, "D2"), _vacancy(partner, "D1")]

    with pytest.raises(IntegrityError), transaction.atomic():
        copy_insert(vacancies)

    assert sorted(Vacancy.objects.values_list("external_id", flat=True)) == ["D1"]


def test_a_database_check_refuses_a_row(partner):
    vacancy = _vacancy(partner, "E1", positions=0)

    with pytest.raises(IntegrityError), transaction.atomic():
        copy_insert([vacancy])

    assert not Vacancy.objects.exists()


def test_nothing_to_insert_makes_no_query(partner, django_assert_num_queries):
    with django_assert_num_queries(0):
        copy_insert([])


@pytest.mark.postgres
def test_postgresql_receives_the_rows_by_copy(partner, django_assert_num_queries, monkeypatch):
    """One query to reserve the keys; the rows themselves go by COPY (no INSERT),
    streamed in chunks (made small here so that fifty rows take many)."""
    monkeypatch.setattr("vacancies.copying.COPY_CHUNK", 1000)
    vacancies = [_vacancy(partner, f"P{n}", description_en=AWKWARD) for n in range(50)]
    with django_assert_num_queries(1) as queries:
        copy_insert(vacancies)
    assert "nextval" in queries.captured_queries[0]["sql"]
    assert connection.vendor == "postgresql"
    assert Vacancy.objects.filter(partner=partner).count() == 50
    stored = dict(Vacancy.objects.filter(partner=partner).values_list("pk", "external_id"))
    assert stored == {vacancy.pk: vacancy.external_id for vacancy in vacancies}
    assert set(Vacancy.objects.values_list("description_en", flat=True)) == {AWKWARD}
