"""Stored search keys are rebuilt by a command or a task, never by a migration that
imports the live key code (which could break ``migrate`` on an empty database)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from agencies.models import Agency
from portal.tasks import rebuild_search_keys
from tests.factories.agencies import AgencyFactory
from tests.factories.vacancies import OccupationFactory, VacancyFactory
from vacancies import services as vacancies_services
from vacancies.models import Vacancy

LIVE_KEY_CODE = re.compile(
    r"^\s*(from|import)\s+(spelling|vacancies\.search|agencies\.channels|blacklist\.matching)\b",
    re.MULTILINE,
)


@pytest.mark.django_db
def test_the_command_rebuilds_stale_keys_and_a_second_run_changes_nothing():
    agency = AgencyFactory(legal_name="Ипак Йули Сервис 24")
    welder = VacancyFactory(title_en="Welder", city="Ulsan", occupation=OccupationFactory())
    cook = VacancyFactory(title_en="Cook")
    right = {(type(row), row.pk): row.search_key for row in (agency, welder, cook)}
    Vacancy.objects.filter(pk=welder.pk).update(search_key=" stale ")
    # As the registry stored it before the one digit rule: no padding, digits kept.
    Agency.objects.filter(pk=agency.pk).update(search_key=agency.search_key.strip() + " 24")
    edited = Vacancy.objects.get(pk=welder.pk).updated_at

    out = StringIO()
    call_command("rebuild_search_keys", stdout=out)

    assert out.getvalue().splitlines() == [
        "vacancies: 1 search key(s) rebuilt.",
        "agencies: 1 search key(s) rebuilt.",
    ]
    for model in (Vacancy, Agency):
        for pk, key in model.objects.values_list("pk", "search_key"):
            assert key == right[model, pk]
    assert Vacancy.objects.get(pk=welder.pk).updated_at == edited
    assert rebuild_search_keys.apply().get() == {"vacancies": 0, "agencies": 0}


@pytest.mark.django_db
def test_vacancies_are_rebuilt_batch_by_batch():
    for title in ("Welder", "Cook", "Driver", "Nurse", "Baker"):
        VacancyFactory(title_en=title)
    Vacancy.objects.update(search_key="")
    assert vacancies_services.rebuild_search_keys(batch_size=2) == 5
    assert not Vacancy.objects.filter(search_key="").exists()
    assert vacancies_services.rebuild_search_keys(batch_size=2) == 0


def test_no_migration_imports_the_live_key_code():
    migrations = sorted(Path(settings.BASE_DIR).glob("*/migrations/0*.py"))
    assert len(migrations) > 20
    importing = [path.name for path in migrations if LIVE_KEY_CODE.search(path.read_text())]
    assert importing == []
