"""Demo vacancies (idempotent, mostly public) and the vacancies benchmark."""

import io

import pytest
from django.core.management import call_command

from demo import vacancies as demo_vacancies
from demo.benchmarks import vacancies as vacancies_benchmark
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_mostly_public():
    call_command("seed_demo", stdout=io.StringIO())
    # Vacancies of the demo partner feeds (demo/feeds.py) come on top.
    own = Vacancy.objects.exclude(partner__feeds__isnull=False)
    count = own.count()
    public = own.public().count()
    assert count == demo_vacancies.DEMO_COUNT
    assert 1800 <= public < count, "some vacancies are hidden by suspended licences"
    assert Vacancy.objects.public().filter(channel="agency").exists()
    assert Vacancy.objects.filter(country_id="KR", language="ko").exists()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "vacancies: 0 vacancies created" in out.getvalue()
    assert own.count() == count


def test_benchmark_seeding_is_idempotent():
    out = io.StringIO()
    vacancies_benchmark.seed(60, out)
    vacancies_benchmark.seed(60, out)
    assert "60 vacancies seeded" in out.getvalue()
    assert "0 vacancies seeded" in out.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_benchmark_measures_every_case_end_to_end(settings):
    """The whole table on a small count, so that the command cannot rot: gunicorn
    and the yardstick served from the test database, each case measured."""
    settings.PAGE_CACHE_SECONDS = 0
    call_command("collectstatic", "--noinput", verbosity=0)
    out = io.StringIO()
    # Two seconds a case: on a slow, busy machine one second has seen a case end
    # before its first answer (wrk then reports no request at all).
    call_command(
        "benchmark", "vacancies", "--count", "60", "--seconds", "2", "--queries", "2", stdout=out
    )
    text = out.getvalue()
    assert "60 vacancies seeded" in text and "load generator:" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`/" in line]
    assert len(rows) == len(vacancies_benchmark.CASES)
    for row in rows:
        portal, yardstick, ratio, sql = row.split(" | ")[2:6]
        assert " / " in portal and " / " in yardstick and ratio.endswith("x") and " / " in sql
    assert "page cache on, vacancy page: p50 / p95" in text
    assert "at 4 connections:" in text
