"""Demo vacancies: 2,200 jobs, about 2,000 of them open, over the destinations and sectors of the
facts file (Korean EPS manufacturing, UK seasonal horticulture and poultry,
construction in Russia and Kazakhstan, care and hospitality in Europe ...), with
realistic wages and costs. Employers are fictional (their names say nothing of it,
in no language: every page's footer does, `DEMO_NOTICE`). Agency vacancies are spread
over the demo registry's licences for that destination, suspended and revoked
ones included, so some vacancies stay hidden and show the visibility rule at work.

The jobs are data, in `data/jobs.json` (UTF-8, edited by hand): one object per job
with its destination `country`, `channel`, ISCO-08 unit `occupation`, its `share` (weight
among the jobs) and the vacancy fields it fixes under their model names (titles in five
languages, wage range, hours, contract, visa, language, ages, housing, meals, `costs`).
Each vacancy drawn from a job gets its city, employer, positions, dates and extras at
random; it states `wage_max` six times in ten, and an `agency_fee` cost only when an
agency recruits.

Every demo vacancy comes from the fictional "Demo feed" partner with an external id,
so a second run creates nothing. `build_vacancies` is shared with the benchmark.
"""

import datetime
import json
import random
from decimal import Decimal
from pathlib import Path

from django.utils import timezone, translation
from django_countries import countries

from agencies.models import LicenceDestination, LicensingAuthority
from agencies.selectors import destinations_in_force
from partners.models import Partner
from vacancies.models import Country, ExchangeRate, Occupation, Vacancy, VacancyCost
from vacancies.reference import load_country_guides, load_occupations

DEMO_PARTNER = "Demo feed (fictional vacancies)"
DEMO_COUNT = 2200
RATE_DATE = datetime.date(2026, 11, 1)
# Units per US dollar, rounded (November 2026 demo values).
RATES = {
    "UZS": "12000", "KGS": "87", "KRW": "1400", "GBP": "0.79", "EUR": "0.92",
    "PLN": "4.0", "RUB": "95", "KZT": "500", "TRY": "34", "AED": "3.67", "QAR": "3.64",
}  # fmt: skip
DESTINATIONS = ["RU", "KZ", "TR", "KR", "GB", "DE", "PL", "LT", "HR", "SK", "AE", "QA", "BG"]

JOBS = json.loads(
    (Path(__file__).resolve().parent / "data" / "jobs.json").read_text(encoding="utf-8"),
    parse_float=Decimal,  # wages as written: 12.21, not the nearest float
)
TITLES = ("title_en", "title_ru", "title_uz", "title_kaa", "title_ky")
# Taken from the job as they are.
COPIED_FIELDS = (
    "wage_currency",
    "wage_period",
    "hours_per_week",
    "contract_months",
    "visa_type",
    "language",
    "language_level",
    "age_min",
    "age_max",
    "housing",
    "meals",
)
CITIES = {
    "KR": ["Ansan", "Hwaseong", "Gimhae", "Cheonan", "Ulsan"],
    "GB": ["Kent", "Herefordshire", "Lincolnshire", "Norfolk"],
    "RU": ["Moscow", "Saint Petersburg", "Kazan", "Yekaterinburg", "Novosibirsk"],
    "KZ": ["Almaty", "Astana", "Shymkent"],
    "TR": ["Istanbul", "Bursa", "Antalya"],
    "DE": ["Berlin", "Munich", "Hamburg", "Leipzig"],
    "PL": ["Poznań", "Wrocław", "Łódź"],
    "LT": ["Vilnius", "Kaunas", "Klaipėda"],
    "HR": ["Zagreb", "Split"],
    "SK": ["Bratislava", "Žilina"],
    "QA": ["Doha"],
    "AE": ["Dubai", "Abu Dhabi"],
    "BG": ["Varna", "Burgas"],
}
EMPLOYERS = [
    "Hanbit",
    "Daehan",
    "Nordfarm",
    "Greenfield",
    "Stroy",
    "Baltic",
    "Anka",
    "Alpen",
    "Vistula",
    "Gulf",
]
EMPLOYER_KINDS = ["Industries", "Growers Ltd", "Construction", "Logistics", "Services", "Group"]


def seed():
    seed_reference_data()
    partner, _ = Partner.objects.get_or_create(
        name=DEMO_PARTNER, defaults={"notes": "Fictional vacancies for demonstrations."}
    )
    existing = set(partner.vacancies.values_list("external_id", flat=True))
    created = build_vacancies(DEMO_COUNT, partner, "demo", existing, random.Random(2026))  # noqa: S311
    public = Vacancy.objects.public().filter(partner=partner).count()
    return f"{created} vacancies created, {public} of the demo vacancies public"


def seed_reference_data():
    """Occupations, demo exchange rates and the destination countries."""
    load_occupations()
    load_country_guides()
    _rates()
    _countries()


def _rates():
    for currency, per_usd in RATES.items():
        ExchangeRate.objects.get_or_create(
            currency=currency, date=RATE_DATE, defaults={"per_usd": Decimal(per_usd)}
        )


def _countries():
    """Destinations with their names in every language (django-countries' names)."""
    existing = set(Country.objects.values_list("code", flat=True))
    new = []
    for code in DESTINATIONS:
        if code in existing:
            continue
        names = {}
        for lang in ("en", "ru", "uz", "kaa", "ky"):
            with translation.override(lang):
                names[f"name_{lang}"] = str(countries.name(code))
        new.append(Country(code=code, name=names["name_en"], **names))
    Country.objects.bulk_create(new)


def build_vacancies(count, partner, prefix, existing=frozenset(), rng=None):
    """Bulk-create up to `count` published vacancies with external ids
    "<prefix>-<n>" (skipping those in `existing`); returns how many were created."""
    rng = rng or random.Random(0)  # noqa: S311
    today = timezone.localdate()
    now = timezone.now()
    rates = ExchangeRate.objects.latest_rates()
    codes = {job["occupation"] for job in JOBS}
    occupations = {o.code: o for o in Occupation.objects.filter(code__in=codes)}
    authority = LicensingAuthority.objects.filter(country="UZ").first()
    recruiters = _agencies_by_destination()
    weights = [job["share"] for job in JOBS]
    batch, costs = [], []
    created = 0
    for n in range(1, count + 1):
        job = rng.choices(JOBS, weights)[0]
        external_id = f"{prefix}-{n:06d}"
        code, channel = job["country"], job["channel"]
        agency_id = None
        if channel == "agency":
            # One in ten from an agency whose licence no longer covers the destination.
            licensed, unlicensed = recruiters.get(code, ([], []))
            pool = unlicensed if unlicensed and rng.random() < 0.1 else licensed or unlicensed
            if pool:
                agency_id = rng.choice(pool)
            else:
                channel = "authority"
        if channel == "authority" and authority is None:
            continue
        if external_id in existing:
            continue
        wage_max = Decimal(job["wage_max"]) if rng.random() < 0.6 else None
        published = now - datetime.timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
        vacancy = Vacancy(
            title=job["title_en"],
            **{field: job[field] for field in TITLES},
            country_id=code,
            city=rng.choice(CITIES[code]),
            employer_name=f"{rng.choice(EMPLOYERS)} {rng.choice(EMPLOYER_KINDS)}",
            occupation=occupations[job["occupation"]],
            positions=rng.choice([1, 2, 5, 10, 20, 50]),
            wage_min=Decimal(job["wage_min"]),
            wage_max=wage_max,
            experience_years=rng.choice([0, 0, 1, 2]),
            **{field: job[field] for field in COPIED_FIELDS},
            transport=rng.random() < 0.3,
            insurance=rng.random() < 0.6,
            flight=code == "KR" or rng.random() < 0.2,
            deadline=today + datetime.timedelta(days=rng.randint(7, 90)),
            start_date=today + datetime.timedelta(days=rng.randint(30, 150)),
            channel=channel,
            authority=authority if channel == "authority" else None,
            agency_id=agency_id,
            partner=partner,
            source=Vacancy.Source.FEED,
            external_id=external_id,
            status=Vacancy.Status.PUBLISHED,
            published_at=published,
            expires_on=today + datetime.timedelta(days=rng.randint(30, 120)),
        )
        vacancy.set_derived_fields(rates)
        batch.append(vacancy)
        costs.append(
            [cost for cost in job["costs"] if cost["kind"] != "agency_fee" or channel == "agency"]
        )
        if len(batch) >= 1000:
            created += _flush(batch, costs)
    created += _flush(batch, costs)
    return created


def _flush(batch, costs):
    Vacancy.objects.bulk_create(batch)
    VacancyCost.objects.bulk_create(
        VacancyCost(
            vacancy=vacancy,
            kind=cost["kind"],
            amount=Decimal(cost["amount"]),
            currency=cost["currency"],
        )
        for vacancy, items in zip(batch, costs, strict=True)
        for cost in items
    )
    count = len(batch)
    batch.clear()
    costs.clear()
    return count


def _agencies_by_destination():
    """{destination: ([licensed agency ids], [other agency ids])}: agencies whose
    licence covers the destination today, and those whose licence was suspended,
    revoked or surrendered (their vacancies stay hidden)."""
    in_force = destinations_in_force()
    found = {}
    for country, agency_id in LicenceDestination.objects.filter(
        country__in=DESTINATIONS
    ).values_list("country", "licence__agency_id"):
        licensed, unlicensed = found.setdefault(country, ([], []))
        (licensed if in_force.licensed(agency_id, country) else unlicensed).append(agency_id)
    return found
