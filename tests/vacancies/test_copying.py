"""`vacancies.copying.copy_insert` stores what `bulk_create` stores: COPY on
PostgreSQL, `bulk_create` itself elsewhere (so these tests hold on both)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from tests.factories.partners import PartnerFactory
from tests.factories.vacancies import FeedVacancyFactory, OccupationFactory
from vacancies.copying import BackgroundCopies, copy_insert
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

# What COPY's text format must escape, and letters outside ASCII.
AWKWARD = "Tab\there, line\nbreak, return\r, back\\slash \\N, Oʻzbekiston — Кыргызстан"


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
    return PartnerFactory(name="Hanil Agro Co.")


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
        "occupation": OccupationFactory(),
    }
    copied = [
        FeedVacancyFactory.build(partner=partner, external_id="C1", **awkward),
        FeedVacancyFactory.build(partner=partner, external_id="C2"),
    ]
    created = [
        FeedVacancyFactory.build(partner=partner, external_id="B1", **awkward),
        FeedVacancyFactory.build(partner=partner, external_id="B2"),
    ]
    for vacancy in copied + created:
        vacancy.set_derived_fields()

    copy_insert(copied)
    Vacancy.objects.bulk_create(created)

    assert all(vacancy.pk and not vacancy._state.adding for vacancy in copied)
    for copy, twin in zip(copied, created, strict=True):
        assert _stored(copy.pk) == _stored(twin.pk)
    assert Vacancy.objects.get(pk=copied[0].pk).title_ru == AWKWARD
    assert Vacancy.objects.get(pk=copied[0].pk).title_en == "Greenhouse worker C1"


@pytest.mark.parametrize("language", ["kaa", "ru", "en"])
def test_a_translated_column_holds_what_bulk_create_stores_in_the_language(partner, language):
    """The column of a translated field (``title``) holds the active language's
    value or its first fallback's, as modeltranslation's descriptor answers it
    for `bulk_create`; a field blank in every language holds the blank."""
    texts = {"title_en": "Greenhouse worker", "title_ru": "Рабочий теплицы", "title_kaa": ""}
    texts |= {"description_en": "", "description_uz": "Issiqxonada ish", "qualifications_en": ""}

    def twins(prefix):
        return [
            FeedVacancyFactory.build(partner=partner, external_id=f"{prefix}{n}", **texts)
            for n in range(2)
        ]

    with translation.override(language):
        copied, created = twins("C"), twins("B")
        copy_insert(copied)
        Vacancy.objects.bulk_create(created)

    def columns(vacancies):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title, description, qualifications FROM vacancies_vacancy"
                " WHERE id IN (%s, %s) ORDER BY external_id",
                [vacancy.pk for vacancy in vacancies],
            )
            return cursor.fetchall()

    expected = {
        "kaa": ("Рабочий теплицы", "Issiqxonada ish", ""),
        "ru": ("Рабочий теплицы", "", ""),
        "en": ("Greenhouse worker", "", ""),
    }[language]
    assert columns(copied) == columns(created) == [expected, expected]


@pytest.mark.postgres
def test_dates_set_on_saving_are_one_time_for_the_whole_copy(partner):
    before = timezone.now()
    vacancies = [FeedVacancyFactory.build(partner=partner, external_id=f"T{n}") for n in range(3)]
    copy_insert(vacancies)

    stamps = set(Vacancy.objects.filter(partner=partner).values_list("created_at", "updated_at"))
    assert len(stamps) == 1
    created_at, updated_at = stamps.pop()
    assert created_at == updated_at >= before


def test_a_refused_row_raises_integrity_error_and_stores_nothing(partner):
    FeedVacancyFactory.build(partner=partner, external_id="D1").save()
    vacancies = [
        FeedVacancyFactory.build(partner=partner, external_id="D2"),
        FeedVacancyFactory.build(partner=partner, external_id="D1"),
    ]

    with pytest.raises(IntegrityError), transaction.atomic():
        copy_insert(vacancies)

    assert sorted(Vacancy.objects.values_list("external_id", flat=True)) == ["D1"]


def test_a_database_check_refuses_a_row(partner):
    vacancy = FeedVacancyFactory.build(partner=partner, external_id="E1", positions=0)

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
    vacancies = [
        FeedVacancyFactory.build(partner=partner, external_id=f"P{n}", description_en=AWKWARD)
        for n in range(50)
    ]
    with django_assert_num_queries(1) as queries:
        copy_insert(vacancies)
    assert "nextval" in queries.captured_queries[0]["sql"]
    assert connection.vendor == "postgresql"
    assert Vacancy.objects.filter(partner=partner).count() == 50
    stored = dict(Vacancy.objects.filter(partner=partner).values_list("pk", "external_id"))
    assert stored == {vacancy.pk: vacancy.external_id for vacancy in vacancies}
    assert set(Vacancy.objects.values_list("description_en", flat=True)) == {AWKWARD}


def _built(partner, *numbers):
    return [FeedVacancyFactory.build(partner=partner, external_id=f"B{n}") for n in numbers]


def test_a_query_made_while_a_copy_runs_sees_its_rows(partner):
    """`BackgroundCopies` hands the outcome to ``done`` before the caller's next
    query runs, and that query finds the rows."""
    outcomes = []
    with BackgroundCopies(Vacancy) as copies:
        copies.start(_built(partner, 1, 2, 3), outcomes.append)
        assert Vacancy.objects.filter(partner=partner).count() == 3
        assert outcomes == [None]
        copies.start(_built(partner, 4), outcomes.append)
    assert outcomes == [None, None]
    assert Vacancy.objects.filter(partner=partner).count() == 4


def test_refused_rows_are_handed_to_done_and_leave_the_transaction_usable(partner):
    """The error is the caller's to handle in its own thread: here by rolling back
    to a savepoint, after which the connection works as before."""
    FeedVacancyFactory.build(partner=partner, external_id="B1").save()
    refusals = []
    with transaction.atomic(), BackgroundCopies(Vacancy) as copies:
        savepoint = transaction.savepoint()
        copies.start(_built(partner, 2, 1), refusals.append)
        copies.finish()
        transaction.savepoint_rollback(savepoint)
        assert Vacancy.objects.filter(partner=partner).count() == 1
    assert len(refusals) == 1 and isinstance(refusals[0], IntegrityError)


def test_an_error_of_the_caller_waits_for_the_copy_and_is_raised(partner):
    class Stop(Exception):
        pass

    with pytest.raises(Stop), transaction.atomic(), BackgroundCopies(Vacancy) as copies:
        copies.start(_built(partner, 1, 2), lambda refused: None)
        raise Stop
    assert not Vacancy.objects.filter(partner=partner).exists()


@pytest.mark.postgres
def test_foreign_keys_are_checked_during_the_copy_and_deferred_again_after(partner):
    """A row naming a missing occupation is refused by the COPY itself, not at
    commit; once the block ends, the table's foreign keys are deferred again, as
    Django makes them."""
    refusals = []
    stray = FeedVacancyFactory.build(partner=partner, external_id="B9", occupation_id="0000")
    with transaction.atomic():
        with BackgroundCopies(Vacancy) as copies:
            copies.start(_built(partner, 2), refusals.append)
            savepoint = transaction.savepoint()
            copies.start([stray], refusals.append)
            copies.finish()
            transaction.savepoint_rollback(savepoint)
        assert refusals[0] is None and "foreign key" in str(refusals[1])
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE vacancies_vacancy SET occupation_id = '0000' WHERE partner_id = %s",
                [partner.pk],
            )  # deferred: not refused until commit
            assert cursor.rowcount == 1
            transaction.set_rollback(True)
