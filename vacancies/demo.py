"""Demo vacancies: 2,200 jobs, about 2,000 of them open, over the destinations and sectors of the
facts file (Korean EPS manufacturing, UK seasonal horticulture and poultry,
construction in Russia and Kazakhstan, care and hospitality in Europe ...), with
realistic wages and costs. Employers are fictional. Agency vacancies are spread
over the demo registry's licences for that destination, suspended and revoked
ones included, so some vacancies stay hidden and show the visibility rule at work.

Every demo vacancy comes from the fictional "Demo feed" partner with an external id,
so a second run creates nothing. `build_vacancies` is shared with the benchmark.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone, translation
from django_countries import countries

from agencies.models import LicenceDestination, LicensingAuthority
from agencies.selectors import destinations_in_force
from portal.models import Partner
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

# (destination, share, channel, ISCO unit, titles en/ru/uz/kaa/ky, wage low-high, currency,
#  period, hours, contract months, visa, language, level, age, housing, meals, costs)
JOBS = [
    (
        "KR",
        10,
        "authority",
        "8219",
        (
            "Assembly line worker",
            "Сборщик на конвейере",
            "Yigʻuv liniyasi ishchisi",
            "Jıynaw liniyası jumısshısı",
            "Конвейердеги жыйноочу",
        ),
        (2_100_000, 2_600_000),
        "KRW",
        "month",
        52,
        24,
        "E-9 (Employment Permit System)",
        "ko",
        "EPS-TOPIK",
        (18, 39),
        True,
        True,
        [("medical", 60, "USD"), ("training", 1_200_000, "UZS"), ("visa", 60, "USD")],
    ),
    (
        "KR",
        4,
        "authority",
        "7212",
        ("Welder", "Сварщик", "Payvandchi", "Svarshık", "Ширетүүчү"),
        (2_400_000, 3_000_000),
        "KRW",
        "month",
        52,
        24,
        "E-9 (Employment Permit System)",
        "ko",
        "EPS-TOPIK",
        (18, 39),
        True,
        False,
        [("medical", 60, "USD"), ("visa", 60, "USD")],
    ),
    (
        "GB",
        7,
        "agency",
        "9211",
        (
            "Fruit picker (seasonal, 6 months)",
            "Сборщик фруктов (сезонная работа, 6 месяцев)",
            "Meva teruvchi (mavsumiy, 6 oy)",
            "Miywe teriwshi (máwsimlik, 6 ay)",
            "Жемиш терүүчү (сезондук, 6 ай)",
        ),
        (12.21, 13.50),
        "GBP",
        "hour",
        39,
        6,
        "Seasonal Worker visa",
        "en",
        "",
        (18, 60),
        True,
        False,
        [("visa", 298, "GBP"), ("agency_fee", 300_000, "UZS")],
    ),
    (
        "GB",
        3,
        "agency",
        "9212",
        (
            "Poultry farm worker (seasonal, 3 months)",
            "Работник птицефабрики (сезонная работа, 3 месяца)",
            "Parrandachilik fermasi ishchisi (mavsumiy, 3 oy)",
            "Qus fermasınıń jumısshısı (máwsimlik, 3 ay)",
            "Канаттуулар фермасынын жумушчусу (сезондук, 3 ай)",
        ),
        (12.21, 12.80),
        "GBP",
        "hour",
        40,
        3,
        "Seasonal Worker visa",
        "en",
        "",
        (18, 60),
        True,
        False,
        [("visa", 298, "GBP")],
    ),
    (
        "RU",
        22,
        "agency",
        "7112",
        ("Bricklayer", "Каменщик", "Gʻisht teruvchi", "Kerpish qalawshı", "Кыш калоочу"),
        (70_000, 110_000),
        "RUB",
        "month",
        48,
        12,
        "Patent (work permit for foreign citizens)",
        "ru",
        "basic",
        (20, 55),
        True,
        False,
        [("visa", 7_500, "RUB"), ("medical", 6_000, "RUB")],
    ),
    (
        "RU",
        12,
        "agency",
        "9313",
        (
            "Construction labourer",
            "Подсобный рабочий на стройке",
            "Qurilish yordamchi ishchisi",
            "Qurılıs járdemshi jumısshısı",
            "Курулуштагы көмөкчү жумушчу",
        ),
        (55_000, 80_000),
        "RUB",
        "month",
        48,
        12,
        "Patent (work permit for foreign citizens)",
        "ru",
        "basic",
        (20, 55),
        True,
        True,
        [("visa", 7_500, "RUB")],
    ),
    (
        "RU",
        6,
        "agency",
        "8322",
        (
            "Taxi and delivery driver",
            "Водитель такси и доставки",
            "Taksi va yetkazib berish haydovchisi",
            "Taksi hám jetkerip beriw aydawshısı",
            "Такси жана жеткирүү айдоочусу",
        ),
        (80_000, 130_000),
        "RUB",
        "month",
        60,
        12,
        "Patent (work permit for foreign citizens)",
        "ru",
        "B1",
        (23, 55),
        False,
        False,
        [("visa", 7_500, "RUB"), ("training", 15_000, "RUB")],
    ),
    (
        "KZ",
        8,
        "agency",
        "7115",
        ("Carpenter", "Плотник", "Duradgor", "Ustaxana sheberi", "Жыгач уста"),
        (300_000, 450_000),
        "KZT",
        "month",
        48,
        12,
        "Work permit (EAEU citizens need none)",
        "ru",
        "basic",
        (20, 55),
        True,
        False,
        [("medical", 15_000, "KZT")],
    ),
    (
        "KZ",
        3,
        "agency",
        "6121",
        (
            "Livestock farm worker",
            "Работник животноводческой фермы",
            "Chorvachilik fermasi ishchisi",
            "Sharwashılıq fermasınıń jumısshısı",
            "Мал чарба фермасынын жумушчусу",
        ),
        (220_000, 300_000),
        "KZT",
        "month",
        48,
        12,
        "Work permit (EAEU citizens need none)",
        "none",
        "",
        (20, 55),
        True,
        True,
        [],
    ),
    (
        "TR",
        6,
        "agency",
        "7531",
        ("Sewing machine operator", "Швея", "Tikuvchi", "Tigiwshi", "Тигүүчү"),
        (28_000, 35_000),
        "TRY",
        "month",
        45,
        12,
        "Work permit (çalışma izni)",
        "tr",
        "basic",
        (20, 45),
        True,
        True,
        [("visa", 150, "USD")],
    ),
    (
        "TR",
        2,
        "agency",
        "5120",
        ("Cook", "Повар", "Oshpaz", "Aspaz", "Ашпоз"),
        (35_000, 45_000),
        "TRY",
        "month",
        48,
        12,
        "Work permit (çalışma izni)",
        "tr",
        "basic",
        (22, 50),
        True,
        True,
        [("visa", 150, "USD")],
    ),
    (
        "DE",
        4,
        "agency",
        "5322",
        (
            "Care assistant for the elderly",
            "Помощник по уходу за пожилыми",
            "Keksalarni parvarish qilish yordamchisi",
            "Garrılardı kútiw járdemshisi",
            "Карыларды кароо боюнча жардамчы",
        ),
        (2_300, 2_800),
        "EUR",
        "month",
        40,
        24,
        "National (D) visa for skilled work",
        "de",
        "B1",
        (21, 50),
        False,
        False,
        [("training", 600, "EUR"), ("visa", 75, "EUR")],
    ),
    (
        "DE",
        3,
        "agency",
        "5131",
        (
            "Waiter in a hotel restaurant",
            "Официант в ресторане отеля",
            "Mehmonxona restorani ofitsianti",
            "Qonaq úy restoranı ofitsiantı",
            "Мейманкана ресторанынын официанты",
        ),
        (2_100, 2_500),
        "EUR",
        "month",
        40,
        12,
        "National (D) visa, seasonal employment",
        "de",
        "A2",
        (19, 45),
        True,
        True,
        [("visa", 75, "EUR")],
    ),
    (
        "PL",
        5,
        "agency",
        "9329",
        (
            "Warehouse worker",
            "Работник склада",
            "Ombor ishchisi",
            "Sklad jumısshısı",
            "Кампа жумушчусу",
        ),
        (24, 28),
        "PLN",
        "hour",
        40,
        12,
        "Work permit and national (D) visa",
        "none",
        "",
        (18, 55),
        True,
        False,
        [("visa", 80, "EUR"), ("agency_fee", 300_000, "UZS")],
    ),
    (
        "LT",
        3,
        "agency",
        "8332",
        (
            "Truck driver (international routes)",
            "Водитель грузовика (международные рейсы)",
            "Yuk mashinasi haydovchisi (xalqaro reyslar)",
            "Júk mashinası aydawshısı (xalıqaralıq reysler)",
            "Жүк ташуучу айдоочу (эл аралык каттамдар)",
        ),
        (2_200, 2_900),
        "EUR",
        "month",
        45,
        24,
        "Work permit and national (D) visa",
        "ru",
        "B1",
        (23, 55),
        False,
        False,
        [("training", 400, "EUR"), ("visa", 120, "EUR")],
    ),
    (
        "HR",
        1,
        "authority",
        "7112",
        ("Bricklayer", "Каменщик", "Gʻisht teruvchi", "Kerpish qalawshı", "Кыш калоочу"),
        (1_200, 1_500),
        "EUR",
        "month",
        40,
        12,
        "Stay and work permit",
        "none",
        "",
        (20, 50),
        True,
        False,
        [("visa", 70, "EUR")],
    ),
    (
        "SK",
        1,
        "authority",
        "8211",
        (
            "Car factory assembler",
            "Сборщик на автозаводе",
            "Avtomobil zavodi yigʻuvchisi",
            "Avtomobil zavodı jıynawshısı",
            "Унаа заводунун жыйноочусу",
        ),
        (1_100, 1_400),
        "EUR",
        "month",
        40,
        12,
        "Temporary residence for employment",
        "none",
        "",
        (20, 50),
        True,
        False,
        [],
    ),
    (
        "QA",
        1,
        "agency",
        "9112",
        (
            "Hotel cleaner",
            "Уборщик в отеле",
            "Mehmonxona farroshi",
            "Qonaq úy tazalawshısı",
            "Мейманкана тазалоочусу",
        ),
        (1_500, 1_800),
        "QAR",
        "month",
        48,
        24,
        "Work residence permit",
        "en",
        "A1",
        (21, 45),
        True,
        True,
        [("medical", 100, "USD")],
    ),
    (
        "AE",
        1,
        "agency",
        "9313",
        (
            "Construction labourer",
            "Подсобный рабочий на стройке",
            "Qurilish yordamchi ishchisi",
            "Qurılıs járdemshi jumısshısı",
            "Курулуштагы көмөкчү жумушчу",
        ),
        (1_400, 1_800),
        "AED",
        "month",
        48,
        24,
        "Employment visa",
        "none",
        "",
        (21, 50),
        True,
        True,
        [("medical", 100, "USD")],
    ),
    (
        "BG",
        1,
        "agency",
        "5120",
        (
            "Cook in a seaside hotel",
            "Повар в приморском отеле",
            "Dengiz boʻyidagi mehmonxona oshpazi",
            "Teńiz boyındaǵı qonaq úy aspazı",
            "Деңиз жээгиндеги мейманкананын ашпозу",
        ),
        (1_000, 1_300),
        "EUR",
        "month",
        48,
        6,
        "Seasonal work permit",
        "none",
        "",
        (20, 50),
        True,
        True,
        [("visa", 60, "EUR")],
    ),
]

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
    occupations = {o.code: o for o in Occupation.objects.filter(code__in={j[3] for j in JOBS})}
    authority = LicensingAuthority.objects.filter(country="UZ").first()
    recruiters = _agencies_by_destination()
    weights = [job[1] for job in JOBS]
    batch, costs = [], []
    created = 0
    for n in range(1, count + 1):
        job = rng.choices(JOBS, weights)[0]
        external_id = f"{prefix}-{n:06d}"
        (
            code,
            _share,
            channel,
            isco,
            titles,
            (low, high),
            currency,
            period,
            hours,
            months,
            visa,
            language,
            level,
            (age_min, age_max),
            housing,
            meals,
            job_costs,
        ) = job
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
        wage_min = Decimal(str(low))
        wage_max = Decimal(str(high)) if rng.random() < 0.6 else None
        published = now - datetime.timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
        vacancy = Vacancy(
            title=titles[0],
            **dict(
                zip(
                    ("title_en", "title_ru", "title_uz", "title_kaa", "title_ky"),
                    titles,
                    strict=True,
                )
            ),
            country_id=code,
            city=rng.choice(CITIES[code]),
            employer_name=f"{rng.choice(EMPLOYERS)} {rng.choice(EMPLOYER_KINDS)} (fictional)",
            occupation=occupations[isco],
            positions=rng.choice([1, 2, 5, 10, 20, 50]),
            wage_min=wage_min,
            wage_max=wage_max,
            wage_currency=currency,
            wage_period=period,
            hours_per_week=hours,
            contract_months=months,
            visa_type=visa,
            language=language,
            language_level=level,
            age_min=age_min,
            age_max=age_max,
            experience_years=rng.choice([0, 0, 1, 2]),
            housing=housing,
            meals=meals,
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
        costs.append([cost for cost in job_costs if cost[0] != "agency_fee" or channel == "agency"])
        if len(batch) >= 1000:
            created += _flush(batch, costs)
    created += _flush(batch, costs)
    return created


def _flush(batch, costs):
    Vacancy.objects.bulk_create(batch)
    VacancyCost.objects.bulk_create(
        VacancyCost(vacancy=vacancy, kind=kind, amount=Decimal(amount), currency=currency)
        for vacancy, items in zip(batch, costs, strict=True)
        for kind, amount, currency in items
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
