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
from blacklist.models import BanRecord
from blacklist.selectors import CANDIDATE_FIELDS
from pagecache.prepared import MARK, PreparedRows, PreparedValues, read_values
from tests.factories.agencies import AgencyFactory, DepositFactory, LicenceFactory
from tests.factories.blacklist import BanRecordFactory

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


def _candidates(on, born, keys, document):
    return BanRecord.objects.in_force(on).candidates(born, keys, document)


def test_prepared_values_are_the_querysets_rows_for_each_shape_of_arguments():
    """`PreparedValues`: the rows the queryset reads, converted as Django converts them
    (a date is a date, on SQLite too), for every number of keys, with and without a
    document, whichever values take the marks' places; one query a read."""
    born, other_day = datetime.date(1991, 3, 14), datetime.date(1985, 7, 2)
    for surname, given_name, document, day in [
        ("Абдуллаев", "Шахзод", "AA 12", born),
        ("Каримов", "Азиз", "", born),
        ("Каримов", "Шахзод", "BB34", other_day),
        ("Турсунова", "Фируза", "AA12", other_day),
    ]:
        BanRecordFactory(
            surname=surname, given_name=given_name, document_number=document, date_of_birth=day
        )
    BanRecordFactory(
        surname="Каримов",
        given_name="Азиз",
        ban_start=datetime.date(2000, 1, 1),
        ban_end=datetime.date(2001, 1, 1),
    )
    prepared = PreparedValues(_candidates, CANDIDATE_FIELDS)
    today = datetime.date.today()
    found = []
    for arguments in [
        (born, ("bdl", "shhzd"), ""),
        (born, ("krm",), ""),
        (born, ("krm", "shhzd"), "AA12"),
        (other_day, ("krm", "shhzd"), "AA12"),
        (other_day, (), "BB34"),
        (other_day, ("zzz",), ""),
    ]:
        expected = list(_candidates(today, *arguments).values_list(*CANDIDATE_FIELDS, named=True))
        with CaptureQueriesContext(connection) as queries:
            rows = prepared.read(*arguments, on=today)
        assert sorted(rows) == sorted(expected), arguments
        assert [row._fields for row in rows[:1]] in ([], [CANDIDATE_FIELDS])
        assert all(isinstance(row.ban_end, datetime.date) for row in rows)
        assert len(queries) == 1
        found.append(len(rows))
    assert found == [1, 1, 2, 2, 1, 0]


def test_prepared_values_take_keys_and_are_compiled_once_for_each_number_of_them():
    """A tuple of keys (a registry page's agencies) takes marks as a tuple of strings
    does: the queryset's rows for any keys of one number, by one compiled query."""
    agencies = [AgencyFactory(legal_name=f"Agentlik {n}") for n in range(3)]
    prepared = PreparedValues(
        lambda on, ids: Agency.objects.filter(pk__in=ids).order_by("pk"), ("pk", "legal_name")
    )
    first, second, third = (agency.pk for agency in agencies)
    for ids in [(first, second), (third, -5), (second, third), (first,), ()]:
        expected = Agency.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "legal_name")
        assert prepared.read(ids) == list(expected), ids
    assert len(prepared._compiled) == 3  # two keys, one, none


def test_prepared_values_that_match_nothing_run_no_query_and_unused_arguments_are_refused(
    django_assert_num_queries,
):
    prepared = PreparedValues(_candidates, CANDIDATE_FIELDS)
    with django_assert_num_queries(0):
        assert prepared.read(datetime.date(1991, 3, 14), (), "") == []
    ignoring = PreparedValues(
        lambda on, born, keys, document: _candidates(on, born, keys, ""), CANDIDATE_FIELDS
    )
    with pytest.raises(ValueError, match="not a parameter"):
        ignoring.read(datetime.date(1991, 3, 14), ("krm",), "AA12")
