import datetime

import pytest

from blacklist.models import BanRecord, BanSource


@pytest.fixture
def source(db):
    return BanSource.objects.create(
        code="ru-bans",
        name="Russia: entry bans",
        name_ru="Россия: запреты на въезд",
        country="RU",
        kind=BanSource.Kind.ENTRY_BAN,
        verify_url="https://example.org/verify",
        verify_address="Consulate of the Russian Federation",
        updated_at=datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC),
        active_records=1,
    )


@pytest.fixture
def make_record(source):
    def make(surname="Абдуллаев", given_name="Шахзод", patronymic="Ботирович", **fields):
        values = {
            "external_id": f"id-{BanRecord.objects.count() + 1}",
            "date_of_birth": datetime.date(1991, 3, 14),
            "citizenship": "UZ",
            "ban_start": datetime.date(2024, 1, 1),
            "ban_end": datetime.date(2099, 1, 1),
            "basis": BanRecord.Basis.OVERSTAY,
            **fields,
        }
        return BanRecord.objects.create(
            source=fields.pop("source", source),
            surname=surname,
            given_name=given_name,
            patronymic=patronymic,
            **{key: value for key, value in values.items() if key != "source"},
        )

    return make
