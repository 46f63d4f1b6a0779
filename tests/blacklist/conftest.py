import datetime

import pytest

from blacklist.models import BanSource
from tests.factories.blacklist import BanRecordFactory, BanSourceFactory


@pytest.fixture
def source(db):
    return BanSourceFactory(
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
        fields.setdefault("source", source)
        return BanRecordFactory(
            surname=surname, given_name=given_name, patronymic=patronymic, **fields
        )

    return make
