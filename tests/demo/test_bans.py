"""Demo list, synthetic people and the benchmark."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from blacklist.matching import MatchLevel, PersonName, match
from blacklist.models import BanRecord, BanSource
from blacklist.services import check_person
from demo import bans as demo_bans
from demo import synthetic_people
from demo.benchmarks import bans as bans_benchmark

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_demo(monkeypatch):
    monkeypatch.setattr(demo_bans, "RANDOM_PEOPLE", 400)
    monkeypatch.setattr(demo_bans, "RECORD_COUNT", 400 + len(demo_bans.DOCUMENTED_PEOPLE))


def test_seed_is_idempotent_and_quick_the_second_time(small_demo, django_assert_max_num_queries):
    assert demo_bans.seed() == f"{demo_bans.SOURCE_CODE}: 403 records"
    before = list(BanRecord.objects.order_by("pk").values())
    with django_assert_max_num_queries(6):
        assert "already loaded" in demo_bans.seed()
    assert list(BanRecord.objects.order_by("pk").values()) == before
    source = BanSource.objects.get(code=demo_bans.SOURCE_CODE)
    assert source.country.code == "RU"
    assert source.active_records == source.records.in_force().count() > 100
    assert source.name_ru.startswith("Россия")


def test_records_are_written_as_russian_lists_write_them(small_demo):
    demo_bans.seed()
    records = BanRecord.objects.all()
    assert {record.script for record in records} == {"Cyrl"}
    assert {record.citizenship.code for record in records} == {"UZ", "KG", "TJ"}
    assert all(record.name_key_1 for record in records)
    assert records.filter(surname__endswith="ова").exists()
    assert records.filter(patronymic__endswith="овна").exists()


@pytest.mark.parametrize(
    ("query", "born", "expected"),
    [
        (("Abdullayev", "Shahzod", "Botir oʻgʻli"), datetime.date(1991, 3, 14), "record_found"),
        (("ÜSÖNBAEV", "ÖMÜRBEK", ""), datetime.date(1988, 11, 2), "record_found"),
        (("Tursunova", "Feruza", "Alisher qizi"), datetime.date(1994, 9, 5), "possible_match"),
        (("Karimov", "Aziz", ""), datetime.date(1960, 1, 1), "no_record"),
    ],
)
def test_documented_demo_people(small_demo, query, born, expected):
    demo_bans.seed()
    surname, given_name, patronymic = query
    result = check_person(
        surname=surname, given_name=given_name, patronymic=patronymic, date_of_birth=born
    )
    assert result.outcome == expected


def test_every_synthetic_person_is_found_by_their_own_spelling():
    for person in synthetic_people.people("test", 2000):
        record = PersonName(person["surname"], person["given_name"], person["patronymic"])
        assert match(PersonName(*person["own"]), record) == MatchLevel.SAME, person


def test_synthetic_people_are_reproducible():
    assert list(synthetic_people.people("x", 50)) == list(synthetic_people.people("x", 50))
    born = [person["date_of_birth"] for person in synthetic_people.people("x", 2000)]
    assert min(born) >= synthetic_people.FIRST_BIRTH_DATE
    assert max(born) <= synthetic_people.LAST_BIRTH_DATE


def test_benchmark_seeds_times_and_reuses_its_records():
    out = io.StringIO()
    bans_benchmark.run(count=300, queries=20, stdout=out)
    text = out.getvalue()
    assert "seeded 300 records" in text
    assert "p50" in text
    assert "p95" in text
    assert "0 missed" in text
    assert BanRecord.objects.filter(source__code="benchmark").count() == 300
    again = io.StringIO()
    bans_benchmark.run(count=300, queries=20, stdout=again)
    assert "300 benchmark records already loaded" in again.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_benchmark_times_the_forms_post_end_to_end():
    """The check as a person makes it, over HTTP through gunicorn, on a small list:
    every POST answered (a refusal, such as the limits' 429, fails the run)."""
    call_command("collectstatic", "--noinput", verbosity=0)
    out = io.StringIO()
    call_command(
        "benchmark", "blacklist", "--count", "300", "--queries", "20", "--seconds", "2", stdout=out
    )
    assert "the list and its indexes read into memory first" in out.getvalue()
    line = next(line for line in out.getvalue().splitlines() if "POST end to end" in line)
    assert "600 people, half on the list" in line and " / " in line.rsplit("p95", 1)[1]


@pytest.mark.postgres
def test_benchmark_goes_on_cold_when_the_database_refuses_to_warm_the_list():
    """A user who may not read the list into memory (`pg_prewarm`) is told so, and the
    run goes on: the refusal is rolled back to its savepoint, not left in the way of
    the queries that follow."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE ROLE portal_test_cold NOLOGIN")  # rolled back with the test
        cursor.execute("SET LOCAL ROLE portal_test_cold")
    out = io.StringIO()
    try:
        bans_benchmark._warm(out)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
    assert "the list was not read into memory first (" in out.getvalue()
    assert BanRecord.objects.count() == 0  # the connection still answers
