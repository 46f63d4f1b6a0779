"""Vacancy feeds are checked and written a batch at a time: every rule of the
vacancies app still refuses a bad record (and only it), an unchanged record is
skipped, and the number of queries does not grow with the number of records."""

import gc
import hashlib
import json
import threading

import pytest
from django.contrib import admin
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from feeds import documents, sync
from feeds.models import FeedRun
from tests.factories.agencies import AgencyFactory, LicenceFactory
from tests.factories.partners import PartnerFactory
from tests.factories.vacancies import CountryFactory, OccupationFactory
from tests.feeds.conftest import document, vacancy
from vacancies import services
from vacancies.api.serializers import VacancySerializer
from vacancies.models import Publisher, Vacancy, VacancyCost

pytestmark = pytest.mark.django_db


def run(feed, records):
    body = json.dumps(document("vacancies", records)).encode()
    return sync.run_feed(feed, body=body, trigger=FeedRun.Trigger.PUSH)


def rejected(run):
    return {(record.line, record.field) for record in run.rejected_records.all()}


@pytest.fixture
def agency(partner):
    """An agency the partner publishes for, licensed for South Korea only and
    registered in Uzbekistan, whose authority caps the fee at 300,000 UZS."""
    agency = AgencyFactory()
    LicenceFactory(agency=agency, destinations=("KR",))
    CountryFactory(code="DE", name_en="Germany")
    Publisher.objects.create(partner=partner, channel="agency", agency=agency)
    return agency


def test_agency_rules_refuse_only_the_offending_records(agency, make_feed):
    def agency_vacancy(external_id, **fields):
        return vacancy(external_id, **{"channel": "agency", "agency": agency.pk, **fields})

    fee = {"kind": "agency_fee", "currency": "UZS"}
    result = run(
        make_feed(),
        [
            agency_vacancy("A1", costs=[{**fee, "amount": "250000"}]),
            agency_vacancy("A2", country="DE"),
            agency_vacancy("A3", costs=[{**fee, "amount": "900000"}]),
            agency_vacancy("A4", agency=AgencyFactory(legal_name="Other Agency").pk),
            agency_vacancy("A5"),
        ],
    )
    assert (result.outcome, result.created, result.rejected) == ("partial", 2, 3)
    assert rejected(result) == {(2, "country"), (3, "costs.0.amount"), (4, "agency")}
    assert set(Vacancy.objects.public().values_list("external_id", flat=True)) == {"A1", "A5"}
    assert Vacancy.objects.get(external_id="A1").costs.get().amount == 250000


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title_en": None}, "title_en"),
        ({"title_uz": "x" * 201}, "title_uz"),
        ({"employer_name": "x" * 201}, "employer_name"),
        ({"city": "x" * 101}, "city"),
        ({"wage_min": "12345678901.00"}, "wage_min"),
        ({"wage_currency": "krw"}, "wage_currency"),
        ({"wage_currency": "ZZZ"}, "wage_currency"),  # no exchange rate
        ({"wage_period": "week"}, "wage_period"),
        ({"contract_months": 121}, "contract_months"),
        ({"hours_per_week": 85}, "hours_per_week"),
        ({"experience_years": -1}, "experience_years"),
        ({"language": "xx"}, "language"),
        ({"visa_type": ""}, "visa_type"),
        ({"status": "hidden"}, "status"),
        ({"expires_on": "2026-02-30"}, "expires_on"),
    ],
)
def test_a_record_refused_by_the_serializer_is_refused_with_its_field(
    partner, make_feed, fields, field
):
    """The batch leaves to the serializer the fields it validated; what it refuses
    is refused with the field's name, and the other records apply."""
    result = run(make_feed(), [vacancy("V1"), vacancy("V2", **fields)])
    assert (result.created, rejected(result)) == (1, {(2, field)})


def test_a_batch_stores_what_saving_one_record_at_a_time_stores(partner, make_feed):
    """Column for column, in a language whose titles fall back to others (the
    untranslated columns store the active language's value), and each stored
    vacancy passes every check of `full_clean`."""
    OccupationFactory(code="9", title_en="Elementary occupations")
    records = [
        vacancy("V1"),
        vacancy(
            "V2",
            title_uz="Issiqxona ishchisi",
            title_ru="Рабочий теплицы",
            description_ru="Сбор овощей",
            qualifications_en="None",
            occupation="9",
            city="Gimhae",
            wage_min="9860.50",
            wage_period="hour",
            hours_per_week=48,
            age_min=20,
            age_max=40,
            housing=True,
            deadline="2030-01-31",
            costs=[{"kind": "visa", "amount": "60", "currency": "USD"}],
        ),
    ]

    def stored():
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM vacancies_vacancy ORDER BY external_id")
            names = [column[0] for column in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            for name in ("id", "created_at", "updated_at", "published_at"):
                del row[name]
        costs = VacancyCost.objects.values_list("vacancy__external_id", "kind", "amount")
        return rows, sorted(costs)

    feed = make_feed()
    with translation.override("kaa"):
        assert run(feed, records).created == 2
        in_batch = stored()
        Vacancy.objects.all().delete()
        for record in records:
            serializer = VacancySerializer(data={"status": "published", **record})
            serializer.is_valid(raise_exception=True)
            services.save_partner_vacancy(
                partner,
                {**serializer.validated_data, "source_feed_id": feed.pk},
                source=Vacancy.Source.FEED,
                checksum=documents.record_checksum(record),
            )
        assert stored() == in_batch
        assert in_batch[0][1]["title"] == "Issiqxona ishchisi"
    for saved in Vacancy.objects.all():
        saved.full_clean()


def test_unchanged_records_are_skipped_and_changed_ones_updated_with_costs(partner, make_feed):
    feed = make_feed()
    visa = {"kind": "visa", "amount": "100", "currency": "USD"}
    records = [vacancy("V1", costs=[visa]), vacancy("V2"), vacancy("V3")]
    assert run(feed, records).created == 3
    stored = {v.external_id: v for v in Vacancy.objects.all()}

    medical = {"kind": "medical", "amount": "40", "currency": "USD"}
    records[0] = vacancy("V1", costs=[{**visa, "amount": "150"}, medical])
    records[1] = vacancy("V2", title_en="Welder")
    result = run(feed, list(reversed(records)))
    assert (result.outcome, result.created, result.updated, result.unchanged) == (
        "success",
        0,
        2,
        1,
    )
    v1, v2, v3 = (Vacancy.objects.get(external_id=key) for key in ("V1", "V2", "V3"))
    assert sorted(v1.costs.values_list("kind", "amount")) == [("medical", 40), ("visa", 150)]
    assert (v2.title_en, v2.search_key) != (stored["V2"].title_en, stored["V2"].search_key)
    assert v2.updated_at > stored["V2"].updated_at
    assert v3.updated_at == stored["V3"].updated_at


def test_a_record_equal_to_the_stored_vacancy_only_records_its_checksum(partner, make_feed):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    Vacancy.objects.update(feed_record_checksum="")  # as after the migration
    before = Vacancy.objects.get(external_id="V1")
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated, result.unchanged) == (1, 0, 1)
    after = Vacancy.objects.get(external_id="V1")
    assert after.updated_at == before.updated_at
    assert after.feed_record_checksum


def test_a_withdrawn_vacancy_is_published_again_by_its_unchanged_record(partner, make_feed):
    feed = make_feed()
    records = [vacancy(f"V{n}") for n in range(10)]
    run(feed, records)
    assert run(feed, records[:9]).withdrawn == 1
    result = run(feed, records)
    assert (result.updated, result.unchanged) == (1, 9)
    assert Vacancy.objects.public().count() == 10


def test_an_api_change_makes_the_feed_compare_the_record_again(partner, make_feed):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    services.save_partner_vacancy(partner, {"external_id": "V1", "title_en": "Changed"})
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated) == (1, 1)
    assert Vacancy.objects.get(external_id="V1").title_en == "Assembly line worker V1"


def test_an_editors_change_makes_the_feed_compare_the_record_again(partner, make_feed, rf):
    feed = make_feed()
    run(feed, [vacancy("V1")])
    edited = Vacancy.objects.get()
    edited.title_en = "Changed"
    admin.site.get_model_admin(Vacancy).save_model(rf.post("/"), edited, None, True)
    result = run(feed, [vacancy("V1"), vacancy("V2")])
    assert (result.created, result.updated) == (1, 1)
    assert Vacancy.objects.get(external_id="V1").title_en == "Assembly line worker V1"


def test_a_record_the_database_refuses_is_rejected_alone(partner, make_feed):
    """A partial record raising the minimum wage above the stored maximum passes
    every check made without a query; the database refuses the batch, and the
    batch is saved again one record at a time."""
    feed = make_feed(mode="incremental")
    run(feed, [vacancy(f"V{n}", wage_max="3000000") for n in range(3)])
    result = run(
        feed,
        [
            vacancy("V0", title_en="Welder"),
            vacancy("V1", wage_min="4000000"),
            vacancy("V2", title_en="Painter"),
        ],
    )
    assert (result.outcome, result.updated, result.rejected) == ("partial", 2, 1)
    assert rejected(result) == {(2, "-")}
    titles = dict(Vacancy.objects.values_list("external_id", "title_en"))
    assert titles == {"V0": "Welder", "V1": "Assembly line worker V1", "V2": "Painter"}
    assert Vacancy.objects.get(external_id="V1").wage_min == 2500000


@pytest.mark.parametrize("count", [10, 50])
def test_queries_do_not_grow_with_the_number_of_records(
    partner, make_feed, django_assert_max_num_queries, count
):
    """About sixteen queries whatever the number of records up to a batch (SQLite
    splits a long INSERT in a few; PostgreSQL has three to check the foreign keys
    during a COPY, `BackgroundCopies`); one or more per record before batches."""
    feed = make_feed()
    visa = {"kind": "visa", "amount": "60", "currency": "USD"}
    with django_assert_max_num_queries(22):
        result = run(feed, [vacancy(f"V{n}", costs=[visa]) for n in range(count)])
    assert result.created == count
    with django_assert_max_num_queries(20):
        result = run(feed, [vacancy(f"V{n}", title_en=f"Welder {n}") for n in range(count)])
    assert result.updated == count


def test_a_vacancy_created_meanwhile_by_another_request_is_updated(partner):
    """A batch looks up only the external ids the partner had or a batch named;
    one the API created meanwhile is found by the unique constraint."""

    def validated(record):
        serializer = VacancySerializer(data={"status": "published", **record})
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    vacancies = services.PartnerVacancies(partner)
    assert vacancies.save([(validated(vacancy("V1")), "1")]) == [services.CREATED]
    services.save_partner_vacancy(partner, validated(vacancy("V2")))
    outcomes = vacancies.save(
        [(validated(vacancy("V2", title_en="Welder")), "2"), (validated(vacancy("V3")), "3")]
    )
    assert outcomes == [services.UPDATED, services.CREATED]
    titles = dict(Vacancy.objects.values_list("external_id", "title_en"))
    assert titles == {
        "V1": "Assembly line worker V1",
        "V2": "Welder",
        "V3": "Assembly line worker V3",
    }


def test_the_partners_vacancies_are_read_once_for_checksums_and_withdrawal(partner, make_feed):
    """One unsorted read of the partner's vacancies gives both the checksums and
    what a full snapshot may withdraw: the feed's own published vacancies, not
    those of its other feed, nor those closed already."""
    feed, other = make_feed(), make_feed(name="Second feed")
    records = [vacancy(f"V{n}") for n in range(10)]
    run(feed, records)
    run(other, [vacancy("W1")])
    Vacancy.objects.filter(external_id="V9").update(status=Vacancy.Status.CLOSED)

    with CaptureQueriesContext(connection) as queries:
        result = run(feed, records[:8])

    reads = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT") and '"feed_record_checksum"' in query["sql"]
    ]
    assert len(reads) == 1
    assert "ORDER BY" not in reads[0]
    assert (result.unchanged, result.withdrawn) == (8, 1)
    statuses = dict(Vacancy.objects.values_list("external_id", "status"))
    assert statuses == {**{f"V{n}": "published" for n in range(8)}, "V8": "closed"} | {
        "V9": "closed",
        "W1": "published",
    }


@pytest.mark.parametrize(
    ("record", "canonical"),
    [
        ({"wage_min": "2500000", "city": "Сеул"}, '{"city":"Сеул","wage_min":"2500000"}'),
        (
            {"b": [1, 2.5, None, True], "a": {"y": 1, "x": 2}},
            '{"a":{"x":2,"y":1},"b":[1,2.5,null,true]}',
        ),
        ({"n": 2**70}, '{"n":1180591620717411303424}'),  # past orjson's 64 bits
        ({"t": "\ud800"}, '{"t":"\ud800"}'),  # a lone surrogate, which orjson refuses
        ({"x": float("nan")}, '{"x":NaN}'),
    ],
)
def test_a_records_checksum_is_that_of_its_canonical_json(record, canonical):
    """Keys sorted, no spaces, letters as they are, whichever encoder wrote it: the
    checksums stored with every vacancy stay those of the records they were saved
    from."""
    expected = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
    assert documents.record_checksum(record) == expected


def test_the_document_is_kept_from_the_garbage_collector_only_while_it_is_applied(
    partner, make_feed, monkeypatch
):
    """`feeds.sync` freezes what is alive while a document is applied (the real
    `apply` runs, watched), and thaws it after."""
    feed = make_feed()
    frozen = []
    apply = sync.KINDS["vacancies"].apply

    def applying(*args):
        frozen.append(gc.get_freeze_count())
        return apply(*args)

    monkeypatch.setattr(sync.KINDS["vacancies"], "apply", applying)
    assert run(feed, [vacancy("V1")]).created == 1
    assert frozen[0] > 0 and gc.get_freeze_count() == 0


def test_a_lone_surrogate_refuses_its_record_not_the_document(partner, make_feed):
    """JSON may escape half of a character ("\\ud800"): Python reads it, no text
    can hold it. The record's own checks refuse it, naming its field."""
    body = json.dumps(
        document("vacancies", [vacancy("V1", title_en="Welder \ud800"), vacancy("V2")])
    ).encode()
    result = sync.run_feed(make_feed(), body=body, trigger=FeedRun.Trigger.PUSH)
    assert (result.outcome, result.created, result.rejected) == ("partial", 1, 1)
    assert rejected(result) == {(1, "title_en")}


@pytest.mark.parametrize("number", [b"NaN", b"-Infinity", b"1e400"])
def test_a_number_that_is_not_finite_is_not_taken_for_null(partner, make_feed, number):
    """Python reads NaN, Infinity and 1e400 as floats that no field takes, and
    orjson writes them as null: the record with one where the stored record had
    null is still checked, and refused, not counted unchanged."""
    feed = make_feed()
    assert run(feed, [vacancy("V1", age_max=None)]).created == 1
    body = json.dumps(document("vacancies", [vacancy("V1", age_max=None)])).encode()
    body = body.replace(b'"age_max": null', b'"age_max": ' + number)
    result = sync.run_feed(feed, body=body, trigger=FeedRun.Trigger.PUSH)
    assert (result.unchanged, result.rejected) == (0, 1)
    assert rejected(result) == {(1, "age_max")}


def test_a_document_that_states_nothing_new_reads_nothing_to_validate_with(partner, make_feed):
    """The destinations, occupations and recruiters a serializer checks records
    against are read only once a record needs validating; a record that changed
    still gets them."""
    feed = make_feed()
    records = [vacancy(f"V{n}") for n in range(3)]
    run(feed, records)

    with CaptureQueriesContext(connection) as queries:
        result = run(feed, records[::-1])
    assert result.unchanged == 3
    assert not [q for q in queries.captured_queries if "vacancies_country" in q["sql"]]

    with CaptureQueriesContext(connection) as queries:
        result = run(feed, [*records[:2], vacancy("V2", title_en="Welder")])
    assert (result.unchanged, result.updated) == (2, 1)
    assert [q for q in queries.captured_queries if "vacancies_country" in q["sql"]]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_feeds_of_one_partner_run_at_once_without_a_deadlock(partner, make_feed):
    """Two feeds of one partner naming the same vacancies, each in its own order,
    run at the same time: each locked its batches' rows (and new keys) in its own
    order, and PostgreSQL stopped one run as a deadlock. The second now waits for
    the first (`PartnerVacancies._lock`), and both apply."""
    first, second = make_feed(), make_feed(name="Second feed")
    records = [vacancy(f"V{n}") for n in range(2500)]  # three batches each
    results, failures, start = {}, [], threading.Barrier(2)

    def run_in_thread(feed, ordered):
        try:
            start.wait()
            with translation.override("en"):
                results[feed.pk] = run(feed, ordered)
        except Exception as error:  # the test reports it below
            failures.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run_in_thread, args=(first, records)),
        threading.Thread(target=run_in_thread, args=(second, records[::-1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert {result.outcome for result in results.values()} == {"success"}
    assert sorted(result.created for result in results.values()) == [0, 2500]
    assert Vacancy.objects.filter(partner=partner).count() == 2500


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_partners_vacancies_are_held_until_the_commit_and_no_others(partner):
    """While one transaction saves a partner's vacancies in bulk, another partner's
    are free, and the same partner's wait (here: past a lock timeout)."""
    other = PartnerFactory(name="Other partner")
    holding, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                services.PartnerVacancies(partner).stored()
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert holding.wait(10)
        with transaction.atomic():
            services.PartnerVacancies(other).stored()
        with pytest.raises(OperationalError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '200ms'")
            services.PartnerVacancies(partner).stored()
    finally:
        release.set()
        thread.join()
    with transaction.atomic():
        services.PartnerVacancies(partner).stored()  # free once the other committed
    with pytest.raises(transaction.TransactionManagementError):
        services.PartnerVacancies(partner).stored()  # outside a transaction: refused
