"""Ban lists and their records."""

import datetime

import factory
from factory.django import DjangoModelFactory

from blacklist.models import BanRecord, BanSource


class BanSourceFactory(DjangoModelFactory):
    class Meta:
        model = BanSource

    code = factory.Sequence(lambda n: f"source-{n}")
    name = "Russia"
    country = "RU"
    kind = BanSource.Kind.ENTRY_BAN


class BanRecordFactory(DjangoModelFactory):
    """A person banned from entering until 2099, born 14 March 1991."""

    class Meta:
        model = BanRecord

    source = factory.SubFactory(BanSourceFactory)
    external_id = factory.Sequence(lambda n: f"id-{n}")
    surname = "Абдуллаев"
    given_name = "Шахзод"
    patronymic = "Ботирович"
    date_of_birth = datetime.date(1991, 3, 14)
    citizenship = "UZ"
    ban_start = datetime.date(2024, 1, 1)
    ban_end = datetime.date(2099, 1, 1)
    basis = BanRecord.Basis.OVERSTAY
