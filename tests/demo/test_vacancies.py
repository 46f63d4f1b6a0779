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


def test_benchmark_seeds_and_reports_percentiles():
    out = io.StringIO()
    call_command("benchmark", "vacancies", "--count", "60", "--queries", "4", stdout=out)
    text = out.getvalue()
    assert "60 vacancies seeded" in text
    assert "list page, filters: p50" in text and "list page, text search: p50" in text
    vacancies_benchmark.run(count=60, queries=2, stdout=out)
    assert "0 vacancies seeded" in out.getvalue()
