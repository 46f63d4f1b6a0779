"""Queries compiled once a day (`pagecache.prepared`): the instances they read are
the ones the queryset reads, value for value and type for type (dates, money,
translated columns in each language, annotations, relations read with the row,
deferred fields), for whichever value takes the marker's place; a queryset they
cannot prepare is refused."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F, Value
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agencies.models import Agency, Licence
from agencies.selectors import deposits_with_balance
from pagecache.prepared import MARK, PreparedRows, read_values
from tests.factories.agencies import AgencyFactory, DepositFactory, LicenceFactory

pytestmark = pytest.mark.django_db


def values(instance):
    return {name: value for name, value in vars(instance).items() if name != "_state"}


def test_the_rows_are_the_querysets_for_each_value():
    agencies = [
        AgencyFactory(legal_name=name, region_uz="Toshkent", region_ru="Ташкент")
        for name in ("Ipak Yoli Servis", "Samarqand Ish")
    ]
    prepared = PreparedRows(Agency, lambda on: Agency.objects.filter(pk=MARK))
    for language in ("uz", "ru", "en"):
        with translation.override(language):
            for agency in agencies:
                (read,) = prepared.read(agency.pk)
                expected = Agency.objects.get(pk=agency.pk)
                assert values(read) == values(expected)
                assert read.region == expected.region
    assert prepared.read(-1) == []
    assert prepared.read(10**20) == [] and prepared.read(-(10**20)) == []
    assert len(prepared._compiled) == 1


def test_dates_money_and_annotations_are_converted_as_django_converts_them():
    deposit = DepositFactory(lodged=Decimal("250000.50"))
    prepared = PreparedRows(
        type(deposit),
        lambda on: deposits_with_balance(type(deposit).objects.filter(agency_id=MARK)).annotate(
            days=Value(3), lodged_day=F("lodged_on")
        ),
    )
    (read,) = prepared.read(deposit.agency_id)
    (expected,) = deposits_with_balance(type(deposit).objects.filter(pk=deposit.pk)).annotate(
        days=Value(3), lodged_day=F("lodged_on")
    )
    assert values(read) == values(expected)
    assert read.balance == Decimal("250000.50") and isinstance(read.balance, Decimal)
    assert isinstance(read.lodged_day, datetime.date) and read.days == 3


def test_each_day_is_compiled_apart():
    licence = LicenceFactory()
    built = []

    def build(on):
        built.append(on)
        return Licence.objects.filter(agency_id=MARK, issued_on__lte=on)

    prepared = PreparedRows(Licence, build)
    day = licence.issued_on
    assert prepared.read(licence.agency_id, day) == [licence]
    assert prepared.read(licence.agency_id, day - datetime.timedelta(days=1)) == []
    assert prepared.read(licence.agency_id, day) == [licence]
    assert built == [day, day - datetime.timedelta(days=1)]


def test_relations_read_with_the_row_are_the_querysets():
    licence = LicenceFactory()
    prepared = PreparedRows(
        Licence,
        lambda on: (
            Licence.objects.select_related("authority", "agency")
            .only("number", "authority__name", "agency__legal_name")
            .filter(agency_id=MARK)
        ),
    )
    (read,) = prepared.read(licence.agency_id)
    expected = (
        Licence.objects.select_related("authority", "agency")
        .only("number", "authority__name", "agency__legal_name")
        .get(pk=licence.pk)
    )
    assert values(read) == values(expected) and read.get_deferred_fields()
    with CaptureQueriesContext(connection) as queries:
        assert values(read.authority) == values(expected.authority)
        assert read.agency.legal_name == licence.agency.legal_name
    assert len(queries) == 0


@pytest.mark.parametrize(
    "build",
    [
        lambda on: Licence.objects.filter(agency_id=1),
        lambda on: Licence.objects.prefetch_related("destinations").filter(agency_id=MARK),
    ],
    ids=["no marker", "prefetch"],
)
def test_what_cannot_be_prepared_is_refused(build):
    with pytest.raises(ValueError):
        PreparedRows(Licence, build).read(1)


def test_values_read_by_their_sql_are_the_querysets():
    deposit = DepositFactory(lodged=Decimal("1000"))
    queryset = deposits_with_balance(type(deposit).objects.filter(pk=deposit.pk)).annotate(
        flag=Value(True)
    )
    names = ("id", "lodged_on", "currency", "balance", "flag")
    assert read_values(queryset, *names) == list(queryset.values_list(*names))
    (row,) = read_values(queryset, *names)
    assert isinstance(row[1], datetime.date) and row[3] == Decimal("1000") and row[4] is True
    assert read_values(Agency.objects.filter(pk__in=[]), "id") == []
    with pytest.raises(ValueError):
        read_values(queryset, "flag", "id")
