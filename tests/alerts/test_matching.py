"""The matcher asks each distinct filter once and intersects (`alerts.matching`):
it must find, for every saved search, exactly what the vacancy list's whole filter
set finds, whatever the search holds (repeated, empty or invalid values, words,
no filter at all)."""

import random
from decimal import Decimal
from urllib.parse import urlencode

import pytest

from alerts import matching
from alerts.models import MatchedVacancy
from alerts.searches import params, search_filter
from tests.factories.vacancies import CountryFactory, OccupationFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

COUNTRIES = ["KR", "GB", "DE"]
GROUPS = ["6", "7", "8"]
UNITS = ["6111", "7212", "8160"]
WORDS = ["welder", "greenhouse", "driver", "сварщик", "payvandchi"]
RUN = 42


def random_query(rng):
    """A search as the filters take them, now and then with a value the form
    refuses, an empty one or a parameter twice."""
    pairs = []
    choices = {
        "country": [*COUNTRIES, "JP", "", "xx"],
        "occupation": [*GROUPS, "72", ""],
        "min_wage": ["600", "1500", "2500", "-5", "lots"],
        "language": ["ko", "en", "none", "klingon"],
        "housing": ["on", ""],
        "contract": ["short", "year", "long", "forever"],
        "channel": ["authority", "employer"],
        "q": WORDS,
        "sort": ["wage"],
        "page": ["3"],
    }
    for name, values in choices.items():
        if rng.random() < 0.35:
            pairs.append((name, rng.choice(values)))
    if pairs and rng.random() < 0.1:
        pairs.append((pairs[0][0], rng.choice(choices[pairs[0][0]])))
    return urlencode(pairs)


@pytest.fixture
def run_vacancies():
    rng = random.Random(13)
    for code in COUNTRIES:
        CountryFactory(code=code, name_en=code)
    for code in GROUPS:
        OccupationFactory(code=code, title_en=f"Group {code}")
    for code in UNITS:
        OccupationFactory(code=code, title_en=f"Unit {code}", parent_id=code[0])
    for n in range(40):
        word = rng.choice(WORDS)
        VacancyFactory(
            title_en=f"{word.title()} {n}",
            country_id=rng.choice(COUNTRIES),
            occupation_id=rng.choice(UNITS),
            wage_min=Decimal(rng.randrange(500, 3000, 50)),
            wage_currency="USD",
            wage_period=Vacancy.WagePeriod.MONTH,
            language=rng.choice(["ko", "en", "none"]),
            housing=rng.random() < 0.5,
            contract_months=rng.choice([3, 6, 9, 12, 24]),
        )
    vacancies = list(Vacancy.objects.values_list("pk", flat=True))
    MatchedVacancy.objects.bulk_create(MatchedVacancy(vacancy_id=pk, run=RUN) for pk in vacancies)
    return vacancies


def test_the_matcher_finds_what_the_whole_filter_set_finds(run_vacancies):
    rng = random.Random(15)
    searches = [(n, random_query(rng)) for n in range(400)] + [(400, "")]
    found = matching.matches(RUN, searches)
    of_run = Vacancy.objects.filter(pk__in=run_vacancies)
    disagreements = []
    for pk, query in searches:
        expected = sorted(
            search_filter(params(query), queryset=of_run).qs.values_list("pk", flat=True)
        )
        if found.get(pk, []) != expected:
            disagreements.append((query, found.get(pk, []), expected))
    assert disagreements == []
    # The data exercises the filters: some searches find a few, some none, one all.
    sizes = {len(found.get(pk, [])) for pk, _query in searches}
    assert 0 in sizes and len(run_vacancies) in sizes and len(sizes) > 10
