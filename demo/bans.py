"""Demo entry-ban list: a synthetic source of about 50,000 fictional people written
as the Russian list writes them, plus the documented demo people of README.md."""

import datetime

from django.utils import timezone

from blacklist.models import BanRecord, BanSource
from demo import synthetic_people

SOURCE_CODE = "demo-ru-entry-bans"
RANDOM_PEOPLE = 50_000
SEED = "demo"
BATCH = 5000

SOURCE = {
    "code": SOURCE_CODE,
    "country": "RU",
    "kind": BanSource.Kind.ENTRY_BAN,
    # The real official service: a deployment checks the real list there.
    "verify_url": "https://xn--b1afk4ade4e.xn--b1ab2a0a.xn--b1aew.xn--p1ai/info-service.htm?sid=3000",
    "name": {
        "en": "Russia: entry bans (synthetic demo list)",
        "uz": "Rossiya: kirish taqiqlari (sintetik namunaviy roʻyxat)",
        "kaa": "Rossiya: kiriwge qadaǵanlar (sintetikalıq úlgi dizim)",
        "ky": "Россия: кирүүгө тыюулар (синтетикалык демо тизме)",
        "ru": "Россия: запреты на въезд (синтетический демонстрационный список)",
    },
    "verify_address": {
        "en": "Any office of the migration service of the Russian Ministry of Internal "
        "Affairs, or a consulate of the Russian Federation",
        "uz": "Rossiya Ichki ishlar vazirligi migratsiya xizmatining istalgan boʻlimi "
        "yoki Rossiya Federatsiyasi konsulligi",
        "kaa": "Rossiya Ishki isler ministrligi migraciya xızmetiniń qálegen bólimi "
        "yamasa Rossiya Federaciyası konsullıǵı",
        "ky": "Россиянын Ички иштер министрлигинин миграция кызматынын каалаган бөлүмү "
        "же Россия Федерациясынын консулдугу",
        "ru": "Любое подразделение по вопросам миграции МВД России или консульство "
        "Российской Федерации",
    },
}

# Documented in README.md ("Demo people"); the browser test checks the first.
DOCUMENTED_PEOPLE = [
    {
        "external_id": "demo-abdullaev",
        "surname": "Абдуллаев",
        "given_name": "Шахзод",
        "patronymic": "Ботирович",
        "date_of_birth": datetime.date(1991, 3, 14),
        "citizenship": "UZ",
        "document_number": "",
        "ban_start": datetime.date(2023, 6, 30),
        "ban_end": datetime.date(2028, 6, 30),
        "basis": BanRecord.Basis.OVERSTAY,
    },
    {
        "external_id": "demo-usenbaev",
        "surname": "Усенбаев",
        "given_name": "Омурбек",
        "patronymic": "Талантович",
        "date_of_birth": datetime.date(1988, 11, 2),
        "citizenship": "KG",
        "document_number": "AC 1234567",
        "ban_start": datetime.date(2024, 2, 1),
        "ban_end": datetime.date(2029, 2, 1),
        "basis": BanRecord.Basis.EXPULSION,
    },
    {
        "external_id": "demo-tursunova",
        "surname": "Турсунова",
        "given_name": "Фируза",
        "patronymic": "Алишеровна",
        "date_of_birth": datetime.date(1994, 9, 5),
        "citizenship": "UZ",
        "document_number": "",
        "ban_start": datetime.date(2025, 1, 20),
        "ban_end": None,
        "basis": BanRecord.Basis.DEBTS,
    },
]
RECORD_COUNT = RANDOM_PEOPLE + len(DOCUMENTED_PEOPLE)


def demo_source():
    """The demo source, created or brought up to date."""
    values = {key: value for key, value in SOURCE.items() if not isinstance(value, dict)}
    for field in ("name", "verify_address"):
        for lang, text in SOURCE[field].items():
            values[f"{field}_{lang}"] = text
    source, _ = BanSource.objects.update_or_create(code=SOURCE_CODE, defaults=values)
    return source


def build_records(source, rows, today):
    """BanRecord objects for `bulk_create`, with their lookup keys filled."""
    records = []
    for row in rows:
        fields = {key: value for key, value in row.items() if key != "own"}
        record = BanRecord(source=source, first_seen=today, last_seen=today, **fields)
        record.set_derived_fields()
        records.append(record)
    return records


def seed():
    source = demo_source()
    if source.records.count() == RECORD_COUNT:
        return f"{source.code}: {RECORD_COUNT} records already loaded"
    source.records.all().delete()
    today = timezone.localdate()
    rows = [*DOCUMENTED_PEOPLE, *synthetic_people.people(SEED, RANDOM_PEOPLE)]
    BanRecord.objects.bulk_create(build_records(source, rows, today), batch_size=BATCH)
    source.refresh_statistics()
    return f"{source.code}: {RECORD_COUNT} records"
